import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { insertPath, pathsUnder } from '../../server/src/base/paths.js';
import { firstNotBefore } from '../../server/src/base/search.js';

describe('firstNotBefore', () => {
  it('finds where a sorted list stops being before a key, at every length and every place', () => {
    for (let n = 0; n < 40; n++) {
      const list = Array.from({ length: n }, (_, i) => 2 * i);
      for (let key = -1; key <= 2 * n; key++) {
        const expected = list.findIndex((x) => x >= key);
        assert.equal(
          firstNotBefore(n, (i) => list[i] < key),
          expected === -1 ? n : expected,
        );
      }
    }
  });
});

describe('sorted paths', () => {
  it('puts a path in its place and lists the paths under a folder, not a folder named alike', () => {
    const sorted: string[] = [];
    for (const p of ['/ws/b/x.md', '/ws/a.md', '/ws/b-c/y.md', '/ws/b/a.md', '/ws/c.md']) insertPath(sorted, p);
    assert.deepEqual(sorted, ['/ws/a.md', '/ws/b-c/y.md', '/ws/b/a.md', '/ws/b/x.md', '/ws/c.md']);
    assert.deepEqual(pathsUnder(sorted, '/ws/b'), ['/ws/b/a.md', '/ws/b/x.md']);
    assert.deepEqual(pathsUnder(sorted, '/ws/b/'), ['/ws/b/a.md', '/ws/b/x.md']);
    assert.deepEqual(pathsUnder(sorted, '/ws/z'), []);
  });
});
