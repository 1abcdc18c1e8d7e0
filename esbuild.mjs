// Bundles the three fronts (CLI, language server, VS Code client) and the test suites.
// Each entry is one self-contained CommonJS file, so Node 20 runs it without a loader.
import { build } from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

function findTests(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'fixtures' ? [] : findTests(path);
    return /\.test\.ts$|^index\.ts$/.test(name) ? [path] : [];
  });
}

const fronts = [
  ['server/src/cli/main.ts', 'dist/cli/mimspec.js'],
  ['server/src/lsp/main.ts', 'dist/server/server.js'],
  ['server/src/workspace/parse-worker.ts', 'dist/server/parse-worker.js'],
  ['client/src/extension.ts', 'dist/client/extension.js'],
  ['bench/engine-bench.ts', 'dist/bench/engine-bench.js'],
].filter(([src]) => existsSync(src));

const tests = findTests('test').map((src) => [src, join('dist', src.replace(/\.ts$/, '.js'))]);

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  external: ['vscode'],
  logLevel: 'warning',
  // JSON schemas are imported as modules so that the bundle needs no file next to it.
  loader: { '.json': 'json' },
};

const started = Date.now();
await Promise.all(
  [...fronts, ...tests].map(([src, out]) => build({ ...common, entryPoints: [src], outfile: out })),
);
if (!watch) console.log(`built ${fronts.length + tests.length} bundles in ${Date.now() - started} ms (${relative('.', 'dist')}/)`);
