import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Backoff } from '../../client/src/backoff.js';

describe('the language server restart back-off', () => {
  it('starts again at once, then after growing delays, then gives up', () => {
    const b = new Backoff([0, 1000, 2000], 60_000);
    assert.deepEqual([b.next(0), b.next(10), b.next(1100), b.next(3200)], [0, 1000, 2000, undefined]);
  });

  it('counts afresh after a quiet window and after a restart the user asked for', () => {
    const b = new Backoff([0, 1000], 60_000);
    assert.equal(b.next(0), 0);
    assert.equal(b.next(1), 1000);
    assert.equal(b.next(70_000), 0, 'the deaths a window ago no longer count');
    assert.equal(b.next(70_001), 1000);
    b.reset();
    assert.equal(b.next(70_002), 0);
  });
});
