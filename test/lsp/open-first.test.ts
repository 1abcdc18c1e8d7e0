import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { checkFolder } from '../support/check.js';
import { ROOT } from '../support/paths.js';
import { TestClient } from '../support/lsp-client.js';

/** A workspace big enough that its scan lasts far longer than parsing and checking one file. */
function generated(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mimspec-open-first-'));
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'bench', 'generate.mjs'), dir, '--markdown-repos', '80', '--yaml-specs', '80'],
    { encoding: 'utf8' },
  );
  assert.equal(r.status, 0, r.stderr);
  return dir;
}

const key = (d: { code?: unknown; range: Diagnostic['range']; message: unknown }) =>
  `${String(d.code)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.message)}`;

describe('the open document first', () => {
  let dir: string;
  let spec: string;
  let client: TestClient;
  before(() => {
    dir = generated();
    spec = join(dir, 'spec-000.mim.yaml');
  });
  after(async () => {
    await client?.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  it('publishes a file opened during the scan before the scan ends, and only findings that stay', async () => {
    client = new TestClient();
    await client.initialize(dir);
    // One reference to a MIM of the workspace, one to a MIM nobody knows: only the whole workspace tells them apart.
    const text = readFileSync(spec, 'utf8').replace(
      /(- id: R1\.1\n\s+text: [^\n]*)/,
      '$1 See MIM100.R1.1 and MIM9999.R1.1.',
    );
    assert.match(text, /MIM9999/);
    const docUri = await client.open(spec, text);
    const line = text.split('\n').findIndex((l) => l.includes('- id: R1.1'));
    const hover = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: docUri },
      position: { line, character: text.split('\n')[line].indexOf('R1.1') + 1 },
    });
    const hoveredBeforeEnd = !client.events.some((e) => e.method === 'progress' && e.kind === 'end');
    await client.diagnostics(docUri);
    // The full check follows the scan; its findings are published when they differ.
    await waitFor(() => client.events.some((e) => e.method === 'progress' && e.kind === 'end'));
    writeFileSync(spec, text);
    const fresh = (await checkFolder(dir)).findings.filter((f) => f.file === spec.replaceAll('\\', '/'));
    const final = await client.diagnostics(docUri, (d) => d.length === fresh.length, 20000);

    const end = client.events.findIndex((e) => e.method === 'progress' && e.kind === 'end');
    const first = client.events.findIndex((e) => e.method === 'diagnostics' && e.params.uri === docUri);
    assert.ok(first >= 0 && first < end, 'the opened file was published before the scan ended');
    assert.ok(hoveredBeforeEnd && hover !== null, 'hover answered from what was indexed so far');
    assert.match(JSON.stringify(hover?.contents), /R1\.1/);

    const early = (client.events[first] as { params: { diagnostics: Diagnostic[] } }).params.diagnostics;
    assert.ok(early.length > 0, 'the early findings are not empty (the generated file has keyword-case slips)');
    const finalKeys = new Set(final.map(key));
    for (const d of early) assert.ok(finalKeys.has(key(d)), `early finding withdrawn later: ${key(d)}`);
    // Findings that need the rest of the workspace came only with the full check.
    assert.ok(
      final.some((d) => d.code === 'xref/unknown-mim') && !early.some((d) => String(d.code).startsWith('xref/')),
      'the references waited for the whole workspace',
    );
    assert.deepEqual(final.map(key).sort(), fresh.map(key).sort());
  });

  it('answers on a file opened during the scan as it does once the scan is done, where the answer is about its own MIM', async () => {
    const other = new TestClient();
    try {
      await other.initialize(dir);
      const file = join(dir, 'spec-001.mim.yaml');
      // Not the text on disk (a line more above, a reference more): the answers are about what the
      // editor holds, whenever the scan reads the file.
      const text = `# Edited\n${readFileSync(file, 'utf8').replace(/(- id: R1\.1\n\s+text: [^\n]*)/, '$1 See MIM179.R1.1.')}`;
      const lines = text.split('\n');
      const at = (pattern: string, offset = 1) => {
        const line = lines.findIndex((l) => l.includes(pattern));
        assert.ok(line >= 0, pattern);
        return { line, character: lines[line].indexOf(pattern) + offset };
      };
      const docUri = await other.open(file, text);
      const textDocument = { uri: docUri };
      const element = at('- id: R1.1', 7);
      const ref = at('requirement: R1.1', 15);
      const foreign = at('MIM179.R1.1', 9);
      const ask = () =>
        Promise.all([
          other.request<Hover | null>('textDocument/hover', { textDocument, position: element }),
          other.request('textDocument/definition', { textDocument, position: ref }),
          other.request('textDocument/completion', { textDocument, position: ref }),
          other.request('textDocument/documentSymbol', { textDocument }),
          other.request<Hover | null>('textDocument/hover', { textDocument, position: foreign }),
        ]);
      // Asked again and again while the scan reads the rest, and once it is done.
      const ended = () => other.events.some((e) => e.method === 'progress' && e.kind === 'end');
      const rounds: Awaited<ReturnType<typeof ask>>[] = [];
      while (!ended()) {
        const answers = await ask();
        if (!ended()) rounds.push(answers);
      }
      const late = await ask();

      assert.ok(rounds.length > 0, 'answered before the scan ended');
      assert.match(JSON.stringify(late[0]), /MIM181\.R1\.1.*Satisfied by: M1/);
      assert.ok(JSON.stringify(late[1]).includes(`"line":${element.line}`), 'the definition is R1.1 of the file');
      assert.ok((late[2] as unknown[]).length > 0, 'completion items');
      assert.ok((late[3] as unknown[]).length > 0, 'document symbols');
      for (const early of rounds) {
        assert.deepEqual(early.slice(0, 4), late.slice(0, 4));
        assert.ok(early[4] !== null, 'the reference the editor added is there');
      }
      // After the scan the whole index answers, MIMs read late included.
      assert.match(JSON.stringify(late[4]), /MIM179\.R1\.1.*Requirement of MIM179/);
    } finally {
      await other.shutdown();
    }
  });
});

async function waitFor(done: () => boolean, timeoutMs = 60000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
