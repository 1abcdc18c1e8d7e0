import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { range, rangeBetween } from '../../server/src/model/range.js';

/** A range is held in the smallest of three forms; each gives back exactly the numbers it was made of. */
describe('range', () => {
  const edges = [0, 1, 254, 255, 256, 257, 4094, 4095, 4096, 32766, 32767, 32768, 524287, 524288, 1048575, 1048576];

  it('gives back its four numbers, at and around the limits of each form', () => {
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = () => (next() < 0.5 ? edges[Math.floor(next() * edges.length)] : Math.floor(next() * 3_000_000));
    for (let n = 0; n < 20_000; n++) {
      const sl = pick();
      const sc = pick();
      const el = next() < 0.5 ? sl : sl + (next() < 0.5 ? Math.floor(next() * 3000) : pick());
      const ec = next() < 0.3 ? sc + Math.floor(next() * 300) : pick();
      const r = range(sl, sc, el, ec);
      const want = { start: { line: sl, character: sc }, end: { line: el, character: ec } };
      assert.deepEqual({ start: r.start, end: r.end }, want, `range(${sl}, ${sc}, ${el}, ${ec})`);
      assert.equal(JSON.stringify(r), JSON.stringify(want));
      assert.deepStrictEqual(r, range(sl, sc, el, ec), 'the same numbers, the same form');
      assert.deepStrictEqual(rangeBetween(want.start, want.end), r);
    }
  });

  it('holds numbers no form packs: negative, fractional, reversed', () => {
    for (const [sl, sc, el, ec] of [
      [0, 5, 0, 3],
      [3, 0, 1, 0],
      [-1, 0, 0, 0],
      [0, -2, 0, 1],
      [0, 1.5, 0, 2],
    ]) {
      const r = range(sl, sc, el, ec);
      assert.deepEqual(
        { start: r.start, end: r.end },
        { start: { line: sl, character: sc }, end: { line: el, character: ec } },
      );
    }
  });
});
