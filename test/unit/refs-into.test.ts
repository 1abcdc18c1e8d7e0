import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { normalizePath } from '../../server/src/base/paths.js';
import { NodeFileSystem } from '../../server/src/node/file-system.js';
import type { SymbolIndex } from '../../server/src/query/symbol-index.js';
import type { ResolvedRef } from '../../server/src/query/index-view.js';
import { Workspace } from '../../server/src/workspace/workspace.js';
import { memoryWorkspace } from '../support/memory-fs.js';
import { fixture, ROOT } from '../support/paths.js';

/**
 * The references into one MIM (`SymbolIndex.refsInto`) are gathered from that MIM's documents
 * and from the documents that name it, not from the whole graph. They must be exactly the
 * references that resolve into it when every document of the workspace is resolved.
 */

function roots(): string[] {
  const rules = fixture('rules');
  const out = [
    fixture('lsp', 'workspace'),
    fixture('features', 'workspace'),
    fixture('features', 'renumber'),
    join(ROOT, 'examples'),
  ];
  for (const area of readdirSync(rules))
    for (const name of readdirSync(join(rules, area))) out.push(join(rules, area, name));
  return out.map(normalizePath);
}

/** Every resolved reference of every document, by the MIM it resolves into and then by key. */
function wholeGraph(index: SymbolIndex, ws: Workspace): Map<string, Map<string, ResolvedRef[]>> {
  const out = new Map<string, Map<string, ResolvedRef[]>>();
  for (const doc of ws.documents.values())
    for (const r of index.refsOf(doc)) {
      if (!r.mimId || !r.key) continue;
      let byKey = out.get(r.mimId);
      if (!byKey) out.set(r.mimId, (byKey = new Map()));
      byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);
    }
  return out;
}

const place = (r: ResolvedRef) =>
  `${r.ref.file}:${r.ref.range.start.line}:${r.ref.range.start.character}-${r.ref.range.end.line}:${r.ref.range.end.character}`;
const seen = (r: ResolvedRef) => `${place(r)} ${r.ref.text} from ${r.from?.root ?? '-'}`;

function assertSame(index: SymbolIndex, ws: Workspace, where: string): number {
  const whole = wholeGraph(index, ws);
  const mimIds = new Set([...whole.keys(), ...index.byId.keys()]);
  let compared = 0;
  for (const mimId of mimIds) {
    const into = index.refsInto(mimId);
    const expected = whole.get(mimId) ?? new Map<string, ResolvedRef[]>();
    assert.deepEqual([...into.keys()].sort(), [...expected.keys()].sort(), `${where}: the keys into ${mimId}`);
    for (const [key, refs] of expected) {
      const got = into.get(key)!;
      assert.deepEqual(got.map(seen).sort(), refs.map(seen).sort(), `${where}: the references to ${key}`);
      // By place: the order in which the files were read does not show.
      for (let i = 1; i < got.length; i++)
        assert.ok(
          got[i - 1].ref.file < got[i].ref.file ||
            (got[i - 1].ref.file === got[i].ref.file &&
              (got[i - 1].ref.range.start.line < got[i].ref.range.start.line ||
                (got[i - 1].ref.range.start.line === got[i].ref.range.start.line &&
                  got[i - 1].ref.range.start.character <= got[i].ref.range.start.character))),
          `${where}: ${key} in place order`,
        );
      compared += refs.length;
    }
  }
  return compared;
}

describe('the references into a MIM', () => {
  it('are those that resolve into it when the whole workspace is resolved, on every fixture and example', async () => {
    let compared = 0;
    for (const root of roots()) {
      const ws = new Workspace(new NodeFileSystem(), { roots: [root] });
      await ws.scan();
      compared += assertSame(ws.index, ws, root);
    }
    // Enough references for the comparison to mean something: local ids, global ids, whole MIMs.
    assert.ok(compared > 500, `only ${compared} references compared`);
  });

  it('count the references of other MIMs, of files outside any MIM and of MIMs that share an id', async () => {
    const page = (mim: string, extra: string) =>
      `# ${mim}: Places\n\n## Capabilities and Requirements\n\n### C1 Find places\n\n` +
      `- R1.1 Implementations SHALL list places.\n- R1.2 Implementations SHALL sort what R.1 lists (see MIM7 and MIM7.R1.1).\n${extra}`;
    const ws = await memoryWorkspace({
      '/ws/a/docs/README.md': page('MIM7', ''),
      '/ws/b/docs/README.md': page('MIM8', '- R1.3 Implementations SHALL read MIM7.R1.1 and MIM7.R1.2.\n'),
      // Claims MIM7 too: its references are read in it.
      '/ws/c/docs/README.md': page('MIM7', ''),
      '/ws/notes.md': 'Notes on MIM7.R1.1 and MIM8.\n',
    });
    assertSame(ws.index, ws, 'memory');
    const to = ws.index
      .refsInto('MIM7')
      .get('MIM7.R1.1')!
      .map((r) => r.ref.file);
    // Its own global id in each MIM7, twice in MIM8 (which names it), once outside any MIM.
    assert.deepEqual(to, [
      '/ws/a/docs/README.md',
      '/ws/b/docs/README.md',
      '/ws/b/docs/README.md',
      '/ws/c/docs/README.md',
      '/ws/notes.md',
    ]);
  });
});
