// Bundles the three fronts (CLI, language server, VS Code client) and the test suites.
// Each entry is one self-contained CommonJS file, so Node 20 runs it without a loader.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsYamlParserState from './build/patches/js-yaml-parser-state.mjs';
import yamlDebugEnv from './build/patches/yaml-debug-env.mjs';

const ROOT = fileURLToPath(new URL('.', import.meta.url));

const args = process.argv.slice(2);
const watch = args.includes('--watch');
const production = args.includes('--production');
// The patch benchmark (bench/patches.mjs) builds the CLI alone into another folder, without
// some of the patches, to measure each patch against the build without it.
const outDir = args.includes('--out') ? args[args.indexOf('--out') + 1] : 'dist';
const without = new Set(args.includes('--without') ? args[args.indexOf('--without') + 1].split(',') : []);
const cliOnly = args.includes('--cli-only');
const PATCHES = [jsYamlParserState, yamlDebugEnv].filter((p) => !without.has(p.name));

function findTests(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'fixtures' ? [] : findTests(path);
    return /\.test\.ts$|^index\.ts$/.test(name) ? [path] : [];
  });
}

const cli = [
  // The command's entry, which compiles the CLI beside it from V8's code cache (made below).
  ['server/src/cli/entry.ts', 'cli/mimspec.js'],
  ['server/src/cli/main.ts', 'cli/mimspec-cli.js'],
  // Beside the CLI, which tokenizes large YAML files on this worker thread while it parses the rest.
  ['server/src/node/yaml-events-worker.ts', 'cli/yaml-events-worker.js'],
];
const others = [
  ['server/src/lsp/main.ts', 'server/server.js'],
  ['client/src/extension.ts', 'client/extension.js'],
  ['bench/engine-bench.ts', 'bench/engine-bench.js'],
  ['bench/matrix-phases.ts', 'bench/matrix-phases.js'],
  ['bench/parse-floor.ts', 'bench/parse-floor.js'],
  // `npm run fuzz`: long runs of the fuzzers with random seeds.
  ['test/fuzz/main.ts', 'fuzz/main.js'],
];
const fronts = [...cli, ...(cliOnly ? [] : others)].map(([src, out]) => [src, join(outDir, out)]);

const tests = cliOnly ? [] : findTests('test').map((src) => [src, join(outDir, src.replace(/\.ts$/, '.js'))]);
// Test bundles are made anew each build, so a test whose source was renamed or removed does not run on.
if (!cliOnly) rmSync(join(ROOT, outDir, 'test'), { recursive: true, force: true });

// ajv compiles each schema at run time in about 80 ms; its standalone mode turns them into
// code once, here, and the bundles import that code as `mimspec:validators`. The options are
// those the messages need: every error, with the data and the schema at fault.
let validatorsCode;
async function generateValidators() {
  const { default: Ajv2020 } = await import('ajv/dist/2020.js');
  const { default: standaloneCode } = await import('ajv/dist/standalone/index.js');
  const out = await build({
    absWorkingDir: ROOT,
    entryPoints: ['server/src/parse/yaml/schemas.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    loader: { '.json': 'json' },
    logLevel: 'warning',
  });
  const module = { exports: {} };
  new Function('module', 'exports', out.outputFiles[0].text)(module, module.exports);
  const { SCHEMAS } = module.exports;
  const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true, code: { source: true } });
  for (const [name, schema] of Object.entries(SCHEMAS)) ajv.addSchema(schema, name);
  return standaloneCode(ajv, Object.fromEntries(Object.keys(SCHEMAS).map((name) => [name, name])));
}
const precompiledValidators = {
  name: 'precompiled-validators',
  setup(b) {
    b.onResolve({ filter: /^mimspec:validators$/ }, () => ({ path: 'validators', namespace: 'mimspec-validators' }));
    b.onLoad({ filter: /.*/, namespace: 'mimspec-validators' }, async () => {
      validatorsCode ??= generateValidators();
      return { contents: await validatorsCode, loader: 'js', resolveDir: ROOT };
    });
  },
};

const common = {
  plugins: [...PATCHES, precompiledValidators],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  // vscode is the host's; playwright-core (extension-host test only) and eslint (the layering
  // test only) load their own files at run time.
  external: ['vscode', 'playwright-core', 'eslint'],
  logLevel: 'warning',
  // JSON schemas are imported as modules so that the bundle needs no file next to it.
  loader: { '.json': 'json' },
};

const started = Date.now();
await Promise.all([...fronts, ...tests].map(([src, out]) => build({ ...common, entryPoints: [src], outfile: out })));
if (!watch)
  console.log(
    `built ${fronts.length + tests.length} bundles in ${Date.now() - started} ms (${relative('.', outDir)}/)`,
  );

// V8's code cache of the CLI, made by a check of the examples, so that a cold start compiles
// nothing the check needs (server/src/cli/entry.ts). A fresh Node process makes it, started
// as the command is, so the cache holds what a check compiles and nothing of the build's.
if (!watch && !without.has('code-cache')) {
  const entry = JSON.stringify(resolve(ROOT, outDir, 'cli/mimspec.js'));
  const made = spawnSync(
    process.execPath,
    ['-e', `require(${entry}).writeCodeCache('examples').then((n) => console.log(n))`],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (made.status !== 0) {
    console.error(`could not make the CLI's code cache:\n${made.stderr}`);
    process.exit(1);
  }
  console.log(`code cache of the CLI: ${Math.round(Number(made.stdout.trim()) / 1024)} KB`);
}
