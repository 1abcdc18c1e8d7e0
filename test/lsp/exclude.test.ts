import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixture, ROOT } from '../support/paths.js';
import { TestClient, uri } from '../support/lsp-client.js';

const CLI = join(ROOT, 'dist', 'cli', 'mimspec.js');
const CONFIG = readFileSync(fixture('lsp', 'workspace', 'mimspec.yaml'), 'utf8');

/**
 * A copy of the protocol fixture where docs/mechanisms.md and drafts/mechanisms.md both map
 * a requirement that does not exist, so that each has a finding unless it is excluded.
 */
function workspaceCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mimspec-exclude-'));
  cpSync(fixture('lsp', 'workspace'), dir, { recursive: true });
  const mech = readFileSync(join(dir, 'docs', 'mechanisms.md'), 'utf8').replace('| R2.1 |', '| R9.9 |');
  writeFileSync(join(dir, 'docs', 'mechanisms.md'), mech);
  mkdirSync(join(dir, 'drafts'));
  writeFileSync(join(dir, 'drafts', 'mechanisms.md'), mech);
  return dir;
}

const MECHS = ['docs/mechanisms.md', 'drafts/mechanisms.md'];

/** The files among MECHS that `mimspec check` reports findings for. */
function cliFindings(dir: string): string[] {
  const r = spawnSync(process.execPath, [CLI, 'check', dir, '--format', 'json'], { encoding: 'utf8' });
  const files = new Set(
    (JSON.parse(r.stdout) as { diagnostics: { file: string }[] }).diagnostics.map((d) =>
      relative(dir, join(process.cwd(), d.file)),
    ),
  );
  return MECHS.filter((f) => files.has(f));
}

/** The files among MECHS that the server reports findings for, both opened in the editor. */
async function serverFindings(dir: string, settings: unknown): Promise<string[]> {
  const client = new TestClient();
  client.settings = settings;
  try {
    await client.initialize(dir);
    const found: string[] = [];
    for (const rel of MECHS) await client.open(join(dir, rel));
    // The findings that need the whole workspace are published by the time the scan ends.
    await client.indexed();
    for (const rel of MECHS) {
      const diags = await client.diagnostics(uri(join(dir, rel)));
      if (diags.length > 0) found.push(rel);
    }
    // The workspace report says the same of the files no editor has open.
    const report = await client.request<{ items: { uri: string; items: unknown[] }[] }>('workspace/diagnostic', {
      previousResultIds: [],
    });
    const listed = MECHS.filter((rel) => report.items.some((i) => i.uri === uri(join(dir, rel)) && i.items.length > 0));
    assert.deepEqual(listed, found, 'workspace/diagnostic agrees with the published diagnostics');
    return found;
  } finally {
    await client.shutdown();
  }
}

describe('exclude globs: the CLI and the server agree', () => {
  let dir: string;
  before(() => {
    dir = workspaceCopy();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const cases: [glob: string, checked: string[]][] = [
    ['docs/mechanisms.md', ['drafts/mechanisms.md']],
    ['**/mechanisms.md', []],
    ['docs/**', ['drafts/mechanisms.md']],
    ['mechanisms.md', []],
    ['drafts/', ['docs/mechanisms.md']],
  ];
  for (const [glob, checked] of cases) {
    it(`exclude: ${glob}`, async () => {
      writeFileSync(join(dir, 'mimspec.yaml'), CONFIG);
      assert.deepEqual(cliFindings(dir), MECHS, 'without the glob both files have findings');
      assert.deepEqual(await serverFindings(dir, { exclude: [glob] }), checked, 'the setting');
      writeFileSync(join(dir, 'mimspec.yaml'), `${CONFIG}exclude: [${JSON.stringify(glob)}]\n`);
      assert.deepEqual(cliFindings(dir), checked, 'the CLI');
      assert.deepEqual(await serverFindings(dir, {}), checked, 'mimspec.yaml in the server');
    });
  }
});

describe('an excluded file opened in the editor', () => {
  let dir: string;
  let client: TestClient;
  before(async () => {
    dir = workspaceCopy();
    writeFileSync(join(dir, 'mimspec.yaml'), `${CONFIG}exclude: [docs/mechanisms.md]\n`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gets an empty list of diagnostics, and findings again once a setting lets it in', async () => {
    client = new TestClient();
    try {
      await client.initialize(dir);
      const mech = await client.open(join(dir, 'docs', 'mechanisms.md'));
      assert.deepEqual(await client.diagnostics(mech), []);
      // The mimspec.yaml, opened and edited: its globs change while the file is open.
      const config = join(dir, 'mimspec.yaml');
      await client.open(config);
      await client.change(config, 2, CONFIG);
      await client.diagnostics(mech, (d) => d.some((x) => x.code === 'trace/unknown-requirement'));
      await client.change(config, 3, `${CONFIG}exclude: [mechanisms.md]\n`);
      await client.diagnostics(mech, (d) => d.length === 0);
      await client.change(config, 4, CONFIG);
      await client.diagnostics(mech, (d) => d.length > 0);
      // The setting excludes it too.
      await client.changeSettings({ exclude: ['**/mechanisms.md'] });
      await client.diagnostics(mech, (d) => d.length === 0);
      await client.changeSettings({});
      await client.diagnostics(mech, (d) => d.length > 0);
    } finally {
      await client.shutdown();
    }
  });

  it('is answered an empty report when the client pulls', async () => {
    client = new TestClient();
    try {
      await client.initialize(dir, { textDocument: { diagnostic: { dynamicRegistration: false } } });
      await client.open(join(dir, 'docs', 'mechanisms.md'));
      const drafts = join(dir, 'drafts', 'mechanisms.md');
      await client.open(drafts);
      await client.indexed();
      const excluded = await client.request<{ kind: string; items: unknown[] }>('textDocument/diagnostic', {
        textDocument: { uri: uri(join(dir, 'docs', 'mechanisms.md')) },
      });
      assert.deepEqual({ kind: excluded.kind, items: excluded.items }, { kind: 'full', items: [] });
      const checked = await client.request<{ kind: string; items: unknown[] }>('textDocument/diagnostic', {
        textDocument: { uri: uri(drafts) },
      });
      assert.ok(checked.items.length > 0);
    } finally {
      await client.shutdown();
    }
  });
});
