import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldSpace, isSpaceCode } from '../../server/src/parse/text/white-space.js';

/** What folding means, written the plain way; the fast paths must agree with it everywhere. */
const reference = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('white space', () => {
  it('folds as the plain definition does, for every UTF-16 code unit in every position', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [ch, `a${ch}b`, ` ${ch}`, `${ch} `, `${ch}${ch}`, `x ${ch}y`, `a b${ch}`]) {
        assert.equal(foldSpace(text), reference(text), `foldSpace(${JSON.stringify(text)})`);
      }
      assert.equal(isSpaceCode(c), /\s/.test(ch), `isSpaceCode(0x${c.toString(16)})`);
    }
  });

  it('keeps a text with single spaces as it is, trimmed', () => {
    assert.equal(foldSpace('  The API SHALL answer.  '), 'The API SHALL answer.');
    assert.equal(foldSpace('a\u00a0b\tc  d\n'), 'a b c d');
  });
});
