import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ResponseError, type Diagnostic } from 'vscode-languageserver-protocol';
import { freshCheck } from '../support/fuzz/protocol-session.js';
import { TestClient, uri } from '../support/lsp-client.js';
import { ROOT } from '../support/paths.js';

const made: string[] = [];
after(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mimspec-faults-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
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

  it('turns every warning of the YAML library into the same findings on the CLI and the server, and writes nothing else', async () => {
    // Each kind of file YAML is read from, and a *.mim.yaml large enough for the CLI's tokenizer thread.
    const filler = Array.from({ length: 700 }, (_, i) => `  - id: C${i + 1}\n    title: Capability ${i + 1}\n`).join(
      '',
    );
    const files: Record<string, string> = {
      'a.mim.yaml': '%SPEC bins\n---\nmim: MIM7\ntitle: !title Bins\nobjective: &o: Full bins\n',
      'big.mim.yaml': `%YAML 1.3\n---\nmim: MIM8\ntitle: !!set [T]\ncapabilities:\n${filler}`,
      'tools.mim.yml': 'name: !n Toolkit\nmims: [MIM7]\n',
      'mimspec.yaml': 'numbering: !!omap oasc-2025\n',
      'docs/README.md': '---\ndescription: !d Bins\nmim: MIM9\n---\n\n# Objective\n\nBins.\n',
    };
    assert.ok(files['big.mim.yaml'].length > 16 * 1024);
    const dir = workspace(files);
    // The library prints every token it reads when these are set (build/patches/yaml-debug-env.mjs).
    const env = { LOG_TOKENS: '1', LOG_STREAM: '1' };
    const cli = spawnSync(
      process.execPath,
      [join(ROOT, 'dist', 'cli', 'mimspec.js'), 'check', '.', '--format', 'json'],
      {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, ...env },
      },
    );
    assert.equal(cli.stderr, '');
    const warnings = (
      JSON.parse(cli.stdout) as { diagnostics: { file: string; line: number; column: number; code: string }[] }
    ).diagnostics
      .filter((d) => d.code === 'syntax/yaml-warning')
      .map((d) => `${d.file}:${d.line}:${d.column}`)
      .sort();
    assert.deepEqual(warnings, [
      'a.mim.yaml:1:1',
      'a.mim.yaml:4:8',
      'a.mim.yaml:5:14',
      'big.mim.yaml:1:7',
      'big.mim.yaml:4:8',
      'docs/README.md:2:14',
      'mimspec.yaml:1:12',
      'tools.mim.yml:1:7',
    ]);
    const expected = freshCheck(dir);

    const client = new TestClient(undefined, env);
    await client.initialize(dir);
    await client.indexed();
    for (const name of Object.keys(files)) {
      const path = join(dir, name);
      const want = (expected.get(path) ?? []).filter((k) => / syntax\/yaml-warning /.test(k));
      const docUri = await client.open(path, files[name]);
      const got = await client.diagnostics(docUri, (d) => d.some((x) => x.code === 'syntax/yaml-warning'));
      assert.deepEqual(
        keys(got).filter((k) => / syntax\/yaml-warning /.test(k)),
        want,
        name,
      );
    }
    assert.equal(await client.shutdown(), 0);
    assert.deepEqual(client.logged, []);
    assert.equal(client.stderr.join(''), '');
  });
});
