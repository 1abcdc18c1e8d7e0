// Runs every test layer on the built bundles: engine units, LSP protocol, real editors,
// the VS Code extension host. A layer whose tool is absent says so and fails, unless
// MIMSPEC_SKIP names it (e.g. MIMSPEC_SKIP=vscode for a quick local run).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const skip = new Set((process.env.MIMSPEC_SKIP ?? '').split(',').filter(Boolean));

function testFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return name.endsWith('.test.js') ? [path] : [];
  });
}

const layers = [
  { name: 'unit', files: testFiles('dist/test/unit') },
  { name: 'cli', files: testFiles('dist/test/cli') },
  { name: 'lsp', files: testFiles('dist/test/lsp') },
  { name: 'editor', files: testFiles('dist/test/editor') },
  { name: 'package', files: testFiles('dist/test/package') },
  { name: 'vscode', files: testFiles('dist/test/vscode') },
];

let failed = false;
for (const layer of layers) {
  if (layer.files.length === 0) continue;
  if (skip.has(layer.name)) {
    console.log(`# layer ${layer.name}: skipped (MIMSPEC_SKIP)`);
    continue;
  }
  console.log(`# layer ${layer.name}: ${layer.files.length} file(s)`);
  const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...layer.files], { stdio: 'inherit' });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
