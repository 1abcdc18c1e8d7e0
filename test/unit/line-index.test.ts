import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex, type Range } from '../../server/src/model/range.js';

const plain = (r: Range) => ({ start: r.start, end: r.end });

describe('LineIndex', () => {
  it('answers each lookup the same whatever was asked before it', () => {
    let seed = 5;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const length = Math.floor(next() * 60);
      for (let i = 0; i < length; i++) text += ['a', '\n', '\r', '\r\n', 'bc'][Math.floor(next() * 5)];
      const asked = new LineIndex(text);
      for (let k = 0; k < 50; k++) {
        const start = Math.floor(next() * (text.length + 3)) - 1;
        const end = start + Math.floor(next() * 5);
        const fresh = new LineIndex(text);
        assert.deepEqual(
          plain(asked.rangeOf(start, end)),
          plain(fresh.rangeOf(start, end)),
          `rangeOf(${start}, ${end}) in ${JSON.stringify(text)}`,
        );
        assert.deepEqual(
          asked.positionAt(start),
          new LineIndex(text).positionAt(start),
          `positionAt(${start}) in ${JSON.stringify(text)}`,
        );
      }
    }
  });

  it('reads LF, CRLF and lone CR as line breaks', () => {
    const lines = new LineIndex('a\nb\r\nc\rd');
    assert.equal(lines.lineCount, 4);
    assert.deepEqual(lines.positionAt(7), { line: 3, character: 0 });
    assert.deepEqual(plain(lines.rangeOf(2, 6)), { start: { line: 1, character: 0 }, end: { line: 2, character: 1 } });
  });
});
