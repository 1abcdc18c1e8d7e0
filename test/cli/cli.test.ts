import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fixture, ROOT } from '../support/paths.js';

const CLI = join(ROOT, 'dist', 'cli', 'mimspec.js');

function mimspec(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('mimspec check', () => {
  it('exits 1 and prints the JSON contract when errors are found', () => {
    const r = mimspec(['check', 'errors', '--format', 'json'], fixture('cli'));
    assert.equal(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.version, 1);
    assert.equal(out.files, 1);
    assert.deepEqual(Object.keys(out.summary), ['errors', 'warnings', 'infos']);
    const d = out.diagnostics.find((x: { code: string }) => x.code === 'trace/unknown-requirement');
    assert.deepEqual(
      {
        file: d.file,
        line: d.line,
        column: d.column,
        endLine: d.endLine,
        endColumn: d.endColumn,
        severity: d.severity,
      },
      { file: 'errors/spec.mim.yaml', line: 18, column: 22, endLine: 18, endColumn: 26, severity: 'error' },
    );
    assert.match(d.message, /R1\.9/);
    assert.ok(out.summary.errors >= 1);
  });

  it('prints one finding a line in text form, then a summary', () => {
    const r = mimspec(['check', 'errors'], fixture('cli'));
    assert.equal(r.code, 1);
    const lines = r.stdout.trim().split('\n');
    assert.match(lines[0], /^errors\/spec\.mim\.yaml:\d+:\d+ {2}(error|warning|info) {2}.+ {2}[a-z-]+(\/[a-z-]+)?$/);
    assert.match(lines[lines.length - 1], /^1 file checked: \d+ errors?, \d+ warnings?, \d+ infos?$/);
  });

  it('prints SARIF 2.1.0 with the rule catalogue and relative locations', () => {
    const r = mimspec(['check', 'errors', '--format=sarif'], fixture('cli'));
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.name, 'mimspec');
    assert.ok(
      run.tool.driver.rules.some(
        (x: { id: string; helpUri: string }) =>
          x.id === 'trace/unknown-requirement' && /docs\/rules\/trace\/unknown-requirement\.md$/.test(x.helpUri),
      ),
    );
    const result = run.results.find((x: { ruleId: string }) => x.ruleId === 'trace/unknown-requirement');
    assert.equal(result.level, 'error');
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'errors/spec.mim.yaml');
    assert.equal(result.locations[0].physicalLocation.region.startLine, 18);
    assert.equal(run.tool.driver.rules[result.ruleIndex].id, 'trace/unknown-requirement');
  });

  it('exits 0 when a folder holds nothing wrong', () => {
    const r = mimspec(['check', 'clean', '--format', 'json'], fixture('cli'));
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(JSON.parse(r.stdout).summary.errors, 0);
  });

  it('exits 2 on bad usage, naming the problem', () => {
    for (const args of [
      ['frobnicate'],
      ['check', '--format', 'xml'],
      ['check', '--bogus'],
      ['check', 'no/such/folder'],
      [],
    ]) {
      const r = mimspec(args, fixture('cli'));
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}`);
      assert.match(r.stderr, /mimspec: /);
    }
  });

  it('honours --config for every file', () => {
    const r = mimspec(['check', 'errors', '--format', 'json', '--config', 'off.yaml'], fixture('cli'));
    const out = JSON.parse(r.stdout);
    assert.equal(out.diagnostics.filter((d: { code: string }) => d.code === 'trace/unknown-requirement').length, 0);
  });

  it('checks one page in the context of its MIM, and reports only that page', () => {
    const r = mimspec(['check', 'repo/docs/mechanisms.md', '--format', 'json'], fixture('cli'));
    const out = JSON.parse(r.stdout);
    assert.equal(out.files, 1);
    assert.deepEqual(
      out.diagnostics.map((d: { file: string; line: number; code: string }) => `${d.file}:${d.line} ${d.code}`),
      ['repo/docs/mechanisms.md:12 trace/unknown-requirement'],
    );
    assert.equal(r.code, 1);
  });
});

describe('mimspec model', () => {
  it('prints the model with ids, texts, levels and 1-based lines', () => {
    const r = mimspec(['model', 'errors'], fixture('cli'));
    assert.equal(r.code, 0, r.stderr);
    const { mims } = JSON.parse(r.stdout);
    assert.equal(mims.length, 1);
    const [mim] = mims;
    assert.equal(mim.id, 'MIM8');
    assert.equal(mim.title, 'Twin Registry');
    assert.deepEqual(mim.files, ['errors/spec.mim.yaml']);
    const req = mim.capabilities[0].requirements[0];
    assert.deepEqual(
      { id: req.id, keyword: req.keyword, level: req.level, file: req.file, line: req.line },
      { id: 'R1.1', keyword: 'SHALL', level: 'required', file: 'errors/spec.mim.yaml', line: 12 },
    );
    assert.deepEqual(
      mim.mechanisms[0].satisfies.map((s: { requirement: string; line: number }) => [s.requirement, s.line]),
      [['R1.9', 18]],
    );
  });
});

describe('the code cache of the CLI', () => {
  const DIST = join(ROOT, 'dist', 'cli');

  it('is made by the build for the bundle beside it, and V8 takes it', () => {
    const { loadCli } = require(CLI) as { loadCli(dir?: string): { cached: boolean } };
    assert.equal(
      loadCli(DIST).cached,
      true,
      'npm run build should write dist/cli/mimspec-cli.cache for dist/cli/mimspec-cli.js',
    );
  });

  it('is not used for another bundle, which is compiled from its source and runs the same', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mimspec-cache-'));
    try {
      for (const name of readdirSync(DIST)) copyFileSync(join(DIST, name), join(dir, name));
      // Same length, other source: V8 alone would take the cache for it.
      const bundle = join(dir, 'mimspec-cli.js');
      writeFileSync(bundle, readFileSync(bundle, 'utf8').replace('"use strict";', '"use strict"\n'));
      const { loadCli } = require(join(dir, 'mimspec.js')) as { loadCli(dir?: string): { cached: boolean } };
      assert.equal(loadCli(dir).cached, false);
      const copy = spawnSync(process.execPath, [join(dir, 'mimspec.js'), 'check', 'errors', '--format', 'json'], {
        cwd: fixture('cli'),
        encoding: 'utf8',
      });
      const original = mimspec(['check', 'errors', '--format', 'json'], fixture('cli'));
      assert.equal(copy.status, 1, copy.stderr);
      assert.equal(copy.stdout, original.stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
