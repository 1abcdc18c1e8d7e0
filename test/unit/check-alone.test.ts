import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Finding } from '../../server/src/model/finding.js';
import { normalizePath } from '../../server/src/base/paths.js';
import { NodeFileSystem } from '../../server/src/node/file-system.js';
import { Workspace } from '../../server/src/workspace/workspace.js';
import { MemoryFileSystem } from '../support/memory-fs.js';
import { fixture, ROOT } from '../support/paths.js';

/**
 * A document opened before the scan gets the findings it shows alone (`Workspace.checkAlone`).
 * None of them may be withdrawn once the rest is read: on every document of the rule fixtures
 * and the examples, the findings alone are among the findings of the whole workspace.
 */

const key = (f: Finding) =>
  `${f.code} ${f.severity} ${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.message}`;

function roots(): string[] {
  const rules = fixture('rules');
  const out = [fixture('lsp', 'workspace'), join(ROOT, 'examples')];
  for (const area of readdirSync(rules))
    for (const name of readdirSync(join(rules, area))) out.push(join(rules, area, name));
  return out.map(normalizePath);
}

describe('the findings of a document alone', () => {
  it('are all findings of the whole workspace, on every fixture and example', async () => {
    let alone = 0;
    let whole = 0;
    for (const root of roots()) {
      const ws = new Workspace(new NodeFileSystem(), { roots: [root] });
      await ws.scan();
      const all = ws.check();
      for (const doc of ws.documents.values()) {
        if (doc.skipped) continue;
        // A workspace that holds nothing but this document, as the server's before its scan.
        const early = new Workspace(new NodeFileSystem(), { roots: [root] });
        early.setDocument(doc.file, doc.text, 1);
        const found = (await early.checkAlone(doc.file)) ?? [];
        const full = new Set((all.get(doc.file) ?? []).map(key));
        for (const f of found) assert.ok(full.has(key(f)), `${doc.file}: ${key(f)} is not a finding of the workspace`);
        alone += found.length;
        whole += full.size;
      }
    }
    // Most findings of the fixtures are document-level: the early publication is worth having.
    assert.ok(alone > whole / 4, `${alone} of ${whole} findings known alone`);
  });

  it('leaves to the whole workspace what another document decides', async () => {
    const spec = [
      'mim: MIM41',
      'title: Places',
      'conventions: bcp14',
      'capabilities:',
      '  - id: C1',
      '    title: Find places',
      '    requirements:',
      '      - id: R1.1',
      '        text: Implementations should list places. See MIM42.R1.1.',
      '',
    ].join('\n');
    const other = spec.replace('MIM41', 'MIM42').replace('MIM42.R1.1', 'MIM41.R1.1');
    const fs = new MemoryFileSystem({ '/w/a.mim.yaml': spec, '/w/b.mim.yaml': other });
    const early = new Workspace(fs, { roots: ['/w'] });
    early.setDocument('/w/a.mim.yaml', spec, 1);
    const found = ((await early.checkAlone('/w/a.mim.yaml')) ?? []).map((f) => f.code);
    assert.ok(found.includes('requirement/keyword-case'), found.join());
    // Alone, MIM42 is unknown (no registry has it); in the workspace it is b.mim.yaml. The reference waits.
    assert.ok(!found.some((c) => c.startsWith('xref/')), found.join());
    const ws = new Workspace(fs, { roots: ['/w'] });
    await ws.scan();
    const inWorkspace = (ws.check().get('/w/a.mim.yaml') ?? []).map((f) => f.code);
    assert.ok(!inWorkspace.some((c) => c.startsWith('xref/')), inWorkspace.join());
    const lone = new Workspace(new MemoryFileSystem({ '/w/a.mim.yaml': spec }), { roots: ['/w'] });
    await lone.scan();
    const alone = (lone.check().get('/w/a.mim.yaml') ?? []).map((f) => f.code);
    assert.ok(alone.includes('xref/unknown-mim'), alone.join());
  });
});
