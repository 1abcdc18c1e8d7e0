import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { xrefNameMismatch } from '../../server/src/rules/xref/name-mismatch.js';
import { Workspace } from '../../server/src/workspace/workspace.js';
import { findingsText } from '../support/check.js';
import { MemoryFileSystem } from '../support/memory-fs.js';
import { ROOT } from '../support/paths.js';

/**
 * After a change of text, a pass of the rules asks again only the reads the change may reach
 * (the changed documents, the MIMs that are no longer the same objects: `RulePass`). Whatever
 * is edited, its findings must be those of a fresh check of the same texts: an id renamed that
 * other documents name, a MIM renumbered, a heading that links point at, a link's target.
 * (Reads of a MIM by its id, and of another document, not asked again after the change: it fails.)
 */

const EXAMPLES = join(ROOT, 'examples');

function textsUnder(dir: string, out: Record<string, string> = {}): Record<string, string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) textsUnder(path, out);
    else out[`/ws/${relative(EXAMPLES, path)}`] = readFileSync(path, 'utf8');
  }
  return out;
}

/** Edits that reach beyond their document: the first match of each, in each document. */
const EDITS: [RegExp, string][] = [
  [/\bR(\d+)\.1\b/, 'R$1.9'],
  [/\bR(\d+)\.2\b/, 'R$1.8'],
  [/\bM(\d+)\b/, 'M9$1'],
  [/\bMIM(\d+)\b/, 'MIM9$1'],
  [/^(#+) (.*)$/m, '$1 Renamed $2'],
  [/\]\(([^)#]+)\.md/, ']($1-gone.md'],
  [/^## The part$/m, '## Another part'],
  [/\bid: (\w+)/, 'id: X$1'],
];

async function fresh(files: Record<string, string>): Promise<string> {
  const ws = new Workspace(new MemoryFileSystem(files), { roots: ['/ws'], incremental: false });
  await ws.scan();
  return findingsText('/ws', [...ws.check().values()].flat());
}

describe('a pass of the rules after a change of text', () => {
  it('gives the findings of a fresh check, edit after edit and back, on the examples', async () => {
    // Beside the examples, a link to a heading of another page.
    const files: Record<string, string> = {
      ...textsUnder(EXAMPLES),
      '/ws/notes/a.md': '# Notes\n\nSee [the part](b.md#the-part).\n',
      '/ws/notes/b.md': '# More\n\n## The part\n\nText.\n',
    };
    const ws = new Workspace(new MemoryFileSystem(files), { roots: ['/ws'] });
    await ws.scan();
    ws.check();
    const documents = Object.keys(files).filter((f) => /\.(md|mim\.yaml)$/.test(f));
    let version = 0;
    let edits = 0;
    for (const file of documents) {
      const original = files[file];
      for (const [pattern, replacement] of EDITS) {
        if (!pattern.test(files[file])) continue;
        for (const text of [files[file].replace(pattern, replacement), original]) {
          files[file] = text;
          ws.setDocument(file, text, `editor:${++version}`);
          assert.equal(findingsText('/ws', [...ws.check().values()].flat()), await fresh(files), `${file}: ${pattern}`);
          edits++;
        }
        // The next edit on top of this one.
        files[file] = files[file].replace(pattern, replacement);
        ws.setDocument(file, files[file], `editor:${++version}`);
      }
      files[file] = original;
      ws.setDocument(file, original, `editor:${++version}`);
    }
    assert.ok(edits > 60, `${edits} edits`);
  });

  it('runs a rule that names a MIM by its title again only where a change reaches that title', async () => {
    const files: Record<string, string> = {
      '/ws/notes.md': '# Notes on the MIMs\n\nBin sensors follow MIM12 Waste Collection.\n',
      '/ws/waste.mim.yaml': 'mim: MIM21\ntitle: Waste Collection\nobjective: Bins report their fill level.\n',
      '/ws/lights.mim.yaml': 'mim: MIM22\ntitle: Street Lights\nobjective: Lights dim at night.\n',
    };
    const ws = new Workspace(new MemoryFileSystem(files), { roots: ['/ws'] });
    await ws.scan();
    const codes = () =>
      (ws.check().get('/ws/notes.md') ?? []).map((f) => f.code).filter((c) => c === 'xref/name-mismatch');
    assert.deepEqual(codes(), ['xref/name-mismatch']);
    const seen: string[] = [];
    const check = xrefNameMismatch.check;
    // The edited document is checked again in any case: the notes are what is watched.
    xrefNameMismatch.check = (doc, ctx) => (doc.file === '/ws/notes.md' && seen.push(doc.file), check(doc, ctx));
    try {
      // Another MIM's text: no title the notes name changes.
      ws.setDocument('/ws/lights.mim.yaml', files['/ws/lights.mim.yaml'].replace('dim', 'go dark'), 'editor:1');
      assert.deepEqual(codes(), ['xref/name-mismatch']);
      assert.deepEqual(seen, []);
      // The MIM that owns the name: the notes are checked again.
      ws.setDocument('/ws/waste.mim.yaml', files['/ws/waste.mim.yaml'].replace('Waste', 'Refuse'), 'editor:2');
      assert.deepEqual(codes(), []);
      assert.deepEqual(seen, ['/ws/notes.md']);
    } finally {
      xrefNameMismatch.check = check;
    }
  });
});
