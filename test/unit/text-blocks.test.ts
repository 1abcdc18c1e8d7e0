import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TextBlock } from '../../server/src/model/elements.js';
import { TextBlocks } from '../../server/src/model/text-blocks.js';

/** The blocks of a document are kept as integers and read back as the objects that were put in. */
describe('TextBlocks', () => {
  const put: TextBlock[] = [
    { kind: 'paragraph', start: 0, end: 10, part: undefined },
    { kind: 'heading', start: 12, end: 20, part: 'capabilities' },
    { kind: 'table-cell', start: 21, end: 30, part: 'mechanisms', quotesRequirement: true },
    { kind: 'yaml', start: 40, end: 4_999_999 },
    { kind: 'code', start: 50, end: 60, part: 'conformance' },
    { kind: 'list-item', start: 61, end: 62, part: 'guidance' },
    { kind: 'quote', start: 70, end: 80, part: 'objective' },
  ];

  it('reads back every block as it was put, with the fields it had', () => {
    const blocks = new TextBlocks();
    for (let round = 0; round < 10; round++) for (const b of put) blocks.push(b);
    blocks.trim();
    assert.equal(blocks.length, put.length * 10);
    const read = [...blocks];
    for (let i = 0; i < read.length; i++) assert.deepStrictEqual(read[i], put[i % put.length]);
    assert.deepStrictEqual(blocks.at(3), put[3]);
    assert.equal(blocks.at(-1), undefined);
    assert.equal(blocks.at(blocks.length), undefined);
    assert.equal(JSON.stringify(blocks), JSON.stringify(read));
    for (let i = 0; i < blocks.length; i++) {
      const b = put[i % put.length];
      assert.deepStrictEqual(
        [blocks.kind(i), blocks.start(i), blocks.end(i), blocks.part(i), blocks.quotesRequirement(i)],
        [b.kind, b.start, b.end, b.part, b.quotesRequirement === true],
      );
    }
  });

  it('answers some and find as a list does', () => {
    const blocks = new TextBlocks();
    for (const b of put) blocks.push(b);
    assert.equal(
      blocks.some((b) => b.part === 'mechanisms'),
      true,
    );
    assert.equal(
      blocks.some((b) => b.start > 5_000_000),
      false,
    );
    assert.deepStrictEqual(
      blocks.find((b) => b.kind === 'code'),
      put[4],
    );
    assert.equal(
      blocks.find((b) => b.kind === 'code' && b.start > 100),
      undefined,
    );
  });
});
