import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ResponseError, type Diagnostic } from 'vscode-languageserver-protocol';
import { freshCheck } from '../support/fuzz/protocol-session.js';
import { TestClient, uri } from '../support/lsp-client.js';

const made: string[] = [];
after(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mimspec-faults-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const keys = (ds: Diagnostic[]) =>
  ds
    .map(
      (d) =>
        `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.code} ${d.message}`,
    )
    .sort();

describe('faults over stdio', () => {
  it('answers an initialize without capabilities with invalid params naming them, and stays up', async () => {
    const client = new TestClient();
    const err = await client.connection.sendRequest('initialize', { processId: null, rootUri: null }).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err instanceof ResponseError, String(err));
    assert.equal(err.code, -32602);
    assert.match(err.message, /capabilities/);
    assert.doesNotMatch(err.message, /TypeError|Cannot read/);
    // A well-formed one afterwards is answered.
    const dir = workspace({ 'a.mim.yaml': 'mim: 1\n' });
    const ok = (await client.initialize(dir)) as { capabilities: unknown };
    assert.ok(ok.capabilities);
    assert.equal(await client.shutdown(), 0);
  });

  it('reads odd optional capabilities without failing', async () => {
    const client = new TestClient();
    const dir = workspace({ 'a.mim.yaml': 'mim: 1\n' });
    const result = (await client.connection.sendRequest('initialize', {
      processId: null,
      rootUri: uri(dir),
      workspaceFolders: [null, { name: 'no uri' }, { uri: uri(dir), name: 'ws' }],
      capabilities: { workspace: null, textDocument: { diagnostic: null, completion: 'yes' }, window: 7 },
    })) as { capabilities: unknown };
    assert.ok(result.capabilities);
    await client.connection.sendNotification('initialized', {});
    const docUri = await client.open(join(dir, 'a.mim.yaml'));
    await client.diagnostics(docUri, (d) => d.length > 0);
    assert.equal(await client.shutdown(), 0);
  });

  it('agrees with the CLI on a text with a NUL: both skip it as binary', async () => {
    const page = '# Objective\n\nSystems SHALL do\u0000 [x](missing.md).\n';
    const dir = workspace({ 'mimspec.yaml': 'numbering: oasc-2025\n', 'page.md': page });
    const cli = freshCheck(dir).get(join(dir, 'page.md')) ?? [];
    assert.equal(cli.length, 1);
    assert.match(cli[0], /file\/unreadable .*binary/);
    const client = new TestClient();
    await client.initialize(dir);
    const docUri = await client.open(join(dir, 'page.md'), page);
    const diags = await client.diagnostics(docUri, (d) => d.length > 0);
    assert.deepEqual(keys(diags), cli);
    assert.equal(await client.shutdown(), 0);
  });

  it('turns the YAML library warning on a collection key into a finding, and logs nothing', async () => {
    const text = 'mim: 1\ntitle: T\n? [a]\n: b\nbroken: [\n';
    const dir = workspace({ 'a.mim.yaml': text });
    const cli = freshCheck(dir).get(join(dir, 'a.mim.yaml')) ?? [];
    assert.ok(
      cli.some((k) => /^3:3-3:6 syntax\/yaml a key that is a list/.test(k)),
      cli.join('\n'),
    );
    const client = new TestClient();
    await client.initialize(dir);
    const docUri = await client.open(join(dir, 'a.mim.yaml'), text);
    for (let v = 2; v < 12; v++) await client.change(join(dir, 'a.mim.yaml'), v, text + '#'.repeat(v));
    const diags = await client.diagnostics(docUri, (d) => d.some((x) => /key that is a list/.test(String(x.message))));
    assert.ok(diags.length > 0);
    assert.equal(await client.shutdown(), 0);
    assert.deepEqual(
      client.logged.filter((m) => /stringified|warning/i.test(m.message)),
      [],
    );
    assert.equal(client.stderr.join(''), '');
  });
});
