import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TestClient, uri } from '../support/lsp-client.js';
import { ROOT } from '../support/paths.js';

/**
 * The npm package as a user gets it: `npm pack` of this build, installed in an empty folder
 * with nothing else, gives working `mimspec` and `mimspec-language-server` commands.
 */
const work = mkdtempSync(join(tmpdir(), 'mimspec-package-'));
const app = join(work, 'app');
const bin = (name: string) => join(app, 'node_modules', '.bin', name);
let files: string[] = [];

function run(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the npm package', () => {
  before(() => {
    // The bundles were built by the test command; packing builds again otherwise (prepack).
    const pack = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT);
    assert.equal(pack.code, 0, pack.stderr);
    const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
    files = info.files.map((f) => f.path);
    // An empty project of its own, so npm does not look for one further up.
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), '{ "private": true }\n');
    cpSync(join(ROOT, 'examples'), join(work, 'examples'), { recursive: true });
    const install = run(
      'npm',
      ['install', '--offline', '--no-audit', '--no-fund', '--prefix', app, join(work, info.filename)],
      work,
    );
    assert.equal(install.code, 0, install.stderr);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('holds the bundles, the schemas and the rule pages, and nothing of node_modules or source maps', () => {
    for (const path of [
      'bin/mimspec.js',
      'bin/mimspec-language-server.js',
      'dist/server/server.js',
      'dist/cli/mimspec.js',
    ])
      assert.ok(files.includes(path), `${path} in ${files.join(', ')}`);
    assert.ok(files.some((f) => f.startsWith('docs/rules/')) && files.some((f) => f.startsWith('schemas/')));
    assert.deepEqual(
      files.filter(
        (f) => f.includes('node_modules') || f.endsWith('.map') || f.startsWith('server/') || f.startsWith('test/'),
      ),
      [],
    );
  });

  it('installs a mimspec command that checks the examples as the build does', () => {
    const installed = run(bin('mimspec'), ['check', 'examples', '--format', 'json'], work);
    const built = run(
      process.execPath,
      [join(ROOT, 'bin', 'mimspec.js'), 'check', 'examples', '--format', 'json'],
      work,
    );
    assert.equal(installed.code, 1, installed.stderr);
    assert.ok(JSON.parse(installed.stdout).diagnostics.length > 0);
    assert.equal(installed.stdout, built.stdout);
  });

  it('installs a mimspec-language-server command that answers over stdio', async () => {
    const client = new TestClient([bin('mimspec-language-server')]);
    try {
      const root = join(work, 'examples', 'with-mistakes');
      const init = (await client.initialize(root)) as { serverInfo?: { name: string } };
      assert.equal(init.serverInfo?.name, 'mimspec');
      const file = join(root, 'securing-sensor-data.mim.yaml');
      await client.open(file);
      const diagnostics = await client.diagnostics(uri(file), (d) => d.length > 0);
      assert.ok(diagnostics.every((d) => typeof d.code === 'string'));
    } finally {
      assert.equal(await client.shutdown(), 0);
    }
  });
});
