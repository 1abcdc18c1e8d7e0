import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IndexCaches } from '../../server/src/query/index-caches.js';
import { SymbolIndex } from '../../server/src/query/symbol-index.js';
import { memoryWorkspace } from '../support/memory-fs.js';

/**
 * The caches behind the symbol index have an owner: the workspace reuses a MIM's id table and
 * a document's resolved references in every index it builds while they are unchanged, and an
 * index built with other caches builds its own.
 */

// R1.3 is written twice: an id held twice is kept as a list in the table, which a lookup answers as it is.
const page = (n: number) =>
  `# MIM${n}: Places\n\n## Capabilities and Requirements\n\n### C1 Find places\n\n` +
  `- R1.1 Implementations SHALL list places.\n- R1.2 Implementations SHALL sort what R1.1 lists.\n` +
  `- R1.3 Implementations SHALL page.\n- R1.3 Implementations SHALL page again.\n`;

const FILES = { '/ws/a/docs/page.md': page(7), '/ws/b/docs/page.md': page(8) };

describe('the caches of the symbol index', () => {
  it('are reused by each new index of a workspace for what did not change', async () => {
    const ws = await memoryWorkspace(FILES);
    const before = ws.index;
    const mim = before.mimOf('/ws/a/docs/page.md')!;
    const doc = ws.document('/ws/a/docs/page.md')!;
    const own = before.ownElements(mim, 'R1.3');
    const refs = before.refsOf(doc);
    assert.equal(own.length, 2);
    assert.deepEqual(
      before.ownElements(mim, 'R1.1').map((e) => e.id),
      ['R1.1'],
    );
    assert.ok(refs.some((r) => r.key === 'MIM7.R1.1'));

    ws.setDocument('/ws/b/docs/page.md', page(8).replace('SHALL sort', 'SHOULD sort'), 1);
    const after = ws.index;
    assert.notEqual(after, before);
    assert.equal(after.mimOf('/ws/a/docs/page.md'), mim, 'the unchanged MIM is the same object');
    assert.equal(after.ownElements(mim, 'R1.3'), own, 'its id table is not built again');
    assert.equal(after.refsOf(doc), refs, 'its references are not resolved again');
  });

  it('belong to their owner: an index with other caches builds its own tables', async () => {
    const ws = await memoryWorkspace(FILES);
    const mim = ws.index.mimOf('/ws/a/docs/page.md')!;
    const doc = ws.document('/ws/a/docs/page.md')!;
    const other = new SymbolIndex(ws.index.mims, ws.documents, new IndexCaches());
    assert.notEqual(other.ownElements(mim, 'R1.3'), ws.index.ownElements(mim, 'R1.3'));
    assert.deepEqual(other.ownElements(mim, 'R1.3'), ws.index.ownElements(mim, 'R1.3'));
    assert.notEqual(other.refsOf(doc), ws.index.refsOf(doc));
    assert.deepEqual(other.refsOf(doc), ws.index.refsOf(doc));
  });
});
