// Bundles the three fronts (CLI, language server, VS Code client) and the test suites.
// Each entry is one self-contained CommonJS file, so Node 20 runs it without a loader.
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
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
  ['client/src/extension.ts', 'dist/client/extension.js'],
  ['bench/engine-bench.ts', 'dist/bench/engine-bench.js'],
].filter(([src]) => existsSync(src));

const tests = findTests('test').map((src) => [src, join('dist', src.replace(/\.ts$/, '.js'))]);

// markdown-it's dist sets every field of every token through a transpiled class-field helper
// that converts the key and probes the prototype first; its classes have no accessors, so a
// plain assignment is the same and keeps parsing off that path.
const fastClassFields = {
  name: 'markdown-it-class-fields',
  setup(b) {
    b.onLoad({ filter: /markdown-it[\\/]dist[\\/]markdown-it\.mjs$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const helper = /function _defineProperty\(e, r, t\) \{[\s\S]*?\n\}/;
      if (!helper.test(source)) return undefined;
      return { contents: source.replace(helper, 'function _defineProperty(e, r, t) {\n\te[r] = t;\n\treturn e;\n}'), loader: 'js' };
    });
  },
};

const common = {
  plugins: [fastClassFields],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  // vscode is the host's; playwright-core (extension-host test only) loads its own files at run time.
  external: ['vscode', 'playwright-core'],
  logLevel: 'warning',
  // JSON schemas are imported as modules so that the bundle needs no file next to it.
  loader: { '.json': 'json' },
};

const started = Date.now();
await Promise.all(
  [...fronts, ...tests].map(([src, out]) => build({ ...common, entryPoints: [src], outfile: out })),
);
if (!watch) console.log(`built ${fronts.length + tests.length} bundles in ${Date.now() - started} ms (${relative('.', 'dist')}/)`);
