import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IndexCaches } from '../../server/src/query/index-caches.js';
import { SymbolIndex } from '../../server/src/query/symbol-index.js';
import { groupAll, groupMims, regroup } from '../../server/src/workspace/grouping.js';
import type { Workspace } from '../../server/src/workspace/workspace.js';
import { Workspace as WorkspaceClass } from '../../server/src/workspace/workspace.js';
import { MemoryFileSystem, memoryWorkspace } from '../support/memory-fs.js';

/**
 * An index built after some documents changed regroups only the MIMs they left or joined and
 * carries over the documents that name each MIM (`IndexBuilder`): it must say exactly what an
 * index built from nothing says, whatever came, went or changed, in whatever order.
 */

const yaml = (n: number, ref: string) =>
  `mim: MIM${n}\ntitle: Spec ${n}\ncapabilities:\n  - id: C1\n    requirements:\n      - id: R1.1\n` +
  `        text: Systems SHALL keep records. See ${ref}.\nmechanisms:\n  - id: M1\n    satisfies:\n` +
  `      - requirement: R1.1\n      - requirement: ${ref}\n`;
const readme = (n: number) => `# MIM${n}: Repository ${n}\n\nThe repository of MIM${n}.\n`;
const page = (ref: string, r = 'R1.1') =>
  `# Capabilities and Requirements\n\n### C1 Records\n\n- ${r} Implementations SHALL keep records.\n` +
  `- R1.2 Implementations SHALL sort what ${ref} names.\n`;
const single = (n: number, ref: string) =>
  `# MIM${n}: Single\n\n## Capabilities and Requirements\n\n${page(ref).slice(29)}`;

/** Each path with the texts it takes in turn (several, so that a change can move a document between MIMs). */
const POOL: Record<string, string[]> = {
  '/ws/README.md': [readme(30), '# Workspace\n\nNo MIM here.\n'],
  '/ws/a/README.md': [readme(7), readme(17), '# Notes\n\nNo MIM here.\n'],
  '/ws/a/docs/one.md': [page('MIM8.R1.1'), page('MIM9.R1.1', 'R1.3')],
  '/ws/a/docs/two.md': [page('MIM7.R1.2'), page('R1.1')],
  '/ws/a/docs/deep/three.md': [page('MIM21.R1.1')],
  '/ws/a/SUMMARY.md': ['# Summary\n\n* [One](docs/one.md)\n'],
  '/ws/b/README.md': [readme(8)],
  '/ws/b/docs/p.md': [page('MIM7.R1.1'), page('MIM20.R1.1')],
  '/ws/b/publiccode.yml': ['publiccodeYmlVersion: "0.4"\nname: B\n', 'publiccodeYmlVersion: "0.4"\nname: B2\n'],
  '/ws/c/MIM9.md': [single(9, 'MIM7.R1.1'), single(19, 'MIM8.R1.1')],
  '/ws/c/other.md': [page('MIM9.R1.1')],
  '/ws/s/spec-20.mim.yaml': [yaml(20, 'MIM21.R1.1'), yaml(22, 'MIM7.R1.1')],
  '/ws/s/spec-21.mim.yaml': [yaml(21, 'MIM20.R1.1'), 'mim: MIM21\ncapabilities: [\n'],
  '/ws/s/spec-23.mim.yaml': [yaml(20, 'MIM9.R1.1')],
};
const PATHS = Object.keys(POOL);

/** Everything an answer reads of an index, in order, as plain data. */
function describeIndex(ws: Workspace, index: SymbolIndex): unknown {
  return {
    mims: index.mims.map((m) => [
      m.root,
      m.id,
      m.title,
      m.documents.map((d) => d.file),
      m.requirements.map((r) => r.id),
    ]),
    byId: [...index.byId].map(([id, list]) => [id, list.map((m) => m.root)]),
    files: [...ws.documents.keys()].sort().map((f) => [f, index.mimOf(f)?.root]),
    into: [...index.byId.keys()]
      .sort()
      .map((id) => [
        id,
        [...index.refsInto(id)]
          .sort()
          .map(([key, refs]) => [key, refs.map((r) => `${r.ref.file}:${r.ref.range.start.line}`)]),
      ]),
  };
}

function fromNothing(ws: Workspace): SymbolIndex {
  const documents = [...ws.documents.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const mims = groupMims({ documents, configFor: (f) => ws.configFor(f), roots: ws.roots });
  return new SymbolIndex(mims, ws.documents, new IndexCaches());
}

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
}

describe('an index built from the last and what changed', () => {
  it('regroups what a change moves where a grouping of everything gives the same MIMs, in the same order', async () => {
    const ws = await memoryWorkspace(Object.fromEntries(PATHS.map((p) => [p, POOL[p][0]])));
    const docs = [...ws.documents.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const ctx = {
      configFor: (f: string) => ws.configFor(f),
      roots: ws.roots,
      documentsUnder: (d: string) => ws.documentsUnder(d),
    };
    const from = groupAll({ documents: docs, ...ctx });
    const before = ws.document('/ws/a/docs/two.md')!;
    ws.setDocument(before.file, POOL[before.file][1], 2);
    const after = ws.document(before.file)!;
    const again = regroup(from, [{ before, after }], ctx);
    assert.ok(again, 'a page that is no README regroups its own MIM alone');
    assert.deepEqual(
      again.mims.map((m) => [m.root, m.documents.map((d) => d.file)]),
      fromNothing(ws).mims.map((m) => [m.root, m.documents.map((d) => d.file)]),
    );
    assert.equal(again.byRoot.get('/ws/b'), from.byRoot.get('/ws/b'), 'the other MIMs are the same objects');
    // A README that ceases to name a MIM moves the pages below it; a publiccode file, only a grouping of everything tells.
    const readmeBefore = ws.document('/ws/a/README.md')!;
    ws.setDocument(readmeBefore.file, POOL[readmeBefore.file][2], 2);
    const moved = regroup(again, [{ before: readmeBefore, after: ws.document(readmeBefore.file) }], ctx);
    assert.ok(moved);
    assert.deepEqual(
      moved.mims.map((m) => [m.root, m.documents.map((d) => d.file)]),
      fromNothing(ws).mims.map((m) => [m.root, m.documents.map((d) => d.file)]),
    );
    assert.ok(!moved.byRoot.has('/ws/a'), 'the folder names no MIM any more');
    const publiccode = ws.document('/ws/b/publiccode.yml')!;
    ws.setDocument(publiccode.file, POOL[publiccode.file][1], 2);
    assert.equal(regroup(moved, [{ before: publiccode, after: ws.document(publiccode.file) }], ctx), undefined);
  });

  it('answers as an index built from nothing after every change, in any order of changes', async () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const next = random(seed);
      const start = PATHS.filter(() => next() < 0.5);
      const ws = await memoryWorkspace(Object.fromEntries(start.map((p) => [p, POOL[p][0]])));
      let version = 1;
      let held = ws.index;
      for (let step = 0; step < 60; step++) {
        // One to three changes between two indexes, as between two requests during a scan.
        for (let n = 1 + Math.floor(next() * 3); n > 0; n--) {
          const path = PATHS[Math.floor(next() * PATHS.length)];
          if (next() < 0.25) ws.removeDocument(path);
          else ws.setDocument(path, POOL[path][Math.floor(next() * POOL[path].length)], ++version);
        }
        // An index held while documents changed (a view's, a check in turns) may gather the documents
        // naming a MIM afterwards, from the documents as they are now.
        if (next() < 0.3) held.refsInto('MIM8');
        // They are gathered now and then, so that some indexes carry them over and some do not.
        const index = ws.index;
        if (next() < 0.7) index.refsInto('MIM7');
        held = index;
        assert.deepEqual(describeIndex(ws, index), describeIndex(ws, fromNothing(ws)), `seed ${seed}, step ${step}`);
      }
    }
  });

  it('follows a scan as it reads, pause after pause, and answers between two as from nothing', async () => {
    // Every text of the pool at once, under as many paths: each pause of the scan is a moment an editor may ask.
    const files: Record<string, string> = {};
    for (const [path, texts] of Object.entries(POOL))
      texts.forEach((text, i) => (files[i === 0 ? path : path.replace('/ws/', `/ws/v${i}/`)] = text));
    let asked = 0;
    // Called by the scan only, once `ws` is made.
    const breathe = () => {
      if (ws.documents.size > 0 && asked++ % 2 === 0) {
        const index = ws.index;
        if (asked % 3 === 0) index.refsInto('MIM7');
        assert.deepEqual(describeIndex(ws, index), describeIndex(ws, fromNothing(ws)), `pause ${asked}`);
      }
      return Promise.resolve();
    };
    const ws: Workspace = new WorkspaceClass(new MemoryFileSystem(files), { roots: ['/ws'], breathe });
    await ws.scan();
    assert.ok(asked > 20, `the scan paused ${asked} times`);
    assert.deepEqual(describeIndex(ws, ws.index), describeIndex(ws, fromNothing(ws)));
  });
});
