import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Finding } from '../../server/src/model/finding.js';
import { NodeFileSystem } from '../../server/src/node/file-system.js';
import { Workspace } from '../../server/src/workspace/workspace.js';
import { fixture, ROOT } from '../support/paths.js';

/**
 * The server's first check pauses between documents and MIMs (`Workspace.checkInTurns`), so
 * that it answers the editor meanwhile. Its findings are those of `check()`, also when a
 * document changes during a pause.
 */

const key = (f: Finding) =>
  `${f.file} ${f.code} ${f.severity} ${f.range.start.line}:${f.range.start.character} ${f.message}`;
const keys = (m: Map<string, Finding[]>) => [...m.values()].flat().map(key).sort();

const ROOTS = [join(ROOT, 'examples'), fixture('lsp', 'workspace'), fixture('features', 'workspace')];

/** A workspace whose host takes a turn at every chance; `onTurn` runs at each. */
function pausing(root: string) {
  const host = { turns: 0, onTurn: (_ws: Workspace) => undefined as void, ws: undefined as unknown as Workspace };
  host.ws = new Workspace(new NodeFileSystem(), {
    roots: [root],
    breathe: () => {
      host.turns++;
      host.onTurn(host.ws);
      return new Promise<void>((resolve) => setImmediate(resolve));
    },
  });
  return host;
}

async function checked(root: string, edit?: { file: string; text: string }): Promise<Map<string, Finding[]>> {
  const ws = new Workspace(new NodeFileSystem(), { roots: [root] });
  await ws.scan();
  if (edit) ws.setDocument(edit.file, edit.text, 'editor:2');
  return ws.check();
}

describe('the first check in turns', () => {
  it('finds what check() finds, pausing after each document and MIM', async () => {
    for (const root of ROOTS) {
      const host = pausing(root);
      await host.ws.scan();
      const before = host.turns;
      const found = await host.ws.checkInTurns();
      assert.ok(
        host.turns - before >= host.ws.documents.size + host.ws.mims().length - 1,
        `${root}: ${host.turns - before} pauses`,
      );
      assert.deepEqual(keys(found), keys(await checked(root)), root);
      assert.equal(found, host.ws.check(), 'check() then answers from what the turns found');
    }
  });

  it('starts again when a document changes during a pause, and finds what the new state holds', async () => {
    const root = join(ROOT, 'examples');
    const host = pausing(root);
    await host.ws.scan();
    const file = [...host.ws.documents.values()].find((d) => d.kind === 'mim-yaml')!.file;
    const edit = { file, text: host.ws.document(file)!.text.replace(/\bSHALL\b/, 'shall') };
    const expected = keys(await checked(root, edit));
    assert.notDeepEqual(expected, keys(await checked(root)), 'the edit changes the findings');

    // The edit comes in the middle of the check.
    let turn = 0;
    host.onTurn = (ws) => {
      if (++turn === 3) ws.setDocument(edit.file, edit.text, 'editor:2');
    };
    const found = await host.ws.checkInTurns();
    assert.ok(turn > 3, 'the check went on after the edit');
    assert.deepEqual(keys(found), expected);
  });
});
