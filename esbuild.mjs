// Bundles the three fronts (CLI, language server, VS Code client) and the test suites.
// Each entry is one self-contained CommonJS file, so Node 20 runs it without a loader.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('.', import.meta.url));

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
  // The command's entry, which compiles the CLI beside it from V8's code cache (made below).
  ['server/src/cli/entry.ts', 'dist/cli/mimspec.js'],
  ['server/src/cli/main.ts', 'dist/cli/mimspec-cli.js'],
  // Beside the CLI, which tokenizes large YAML files on this worker thread while it parses the rest.
  ['server/src/workspace/yaml-events-worker.ts', 'dist/cli/yaml-events-worker.js'],
  ['server/src/lsp/main.ts', 'dist/server/server.js'],
  ['client/src/extension.ts', 'dist/client/extension.js'],
  ['bench/engine-bench.ts', 'dist/bench/engine-bench.js'],
].filter(([src]) => existsSync(src));

const tests = findTests('test').map((src) => [src, join('dist', src.replace(/\.ts$/, '.js'))]);
// Test bundles are made anew each build, so a test whose source was renamed or removed does not run on.
rmSync(join(ROOT, 'dist', 'test'), { recursive: true, force: true });

// markdown-it's dist sets every field of every token through a transpiled class-field helper
// that converts the key and probes the prototype first; its classes have no accessors, so a
// plain assignment is the same and keeps parsing off that path. The constructors' calls
// (`_defineProperty(this, "map", null)`) become assignments, the rest call a plain helper.
const FIELD_CALL = /_defineProperty\(\s*this,\s*(?:\/\*\*[\s\S]*?\*\/\s*)?"([A-Za-z_$][\w$]*)",\s*([^;]*?)\s*\);/g;
const fastClassFields = {
  name: 'markdown-it-class-fields',
  setup(b) {
    b.onLoad({ filter: /markdown-it[\\/]dist[\\/]markdown-it\.mjs$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const helper = /function _defineProperty\(e, r, t\) \{[\s\S]*?\n\}/;
      if (!helper.test(source)) return undefined;
      const contents = source
        .replace(helper, 'function _defineProperty(e, r, t) {\n\te[r] = t;\n\treturn e;\n}')
        .replace(FIELD_CALL, (_, name, value) => `this.${name} = ${value};`);
      return { contents, loader: 'js' };
    });
  },
};

// js-yaml's event parser builds its state by spreading its options into a literal, which gives
// the state a different shape from one call to the next: the functions that read it, nearly all
// of the parser, are optimized and thrown away again and again (measured: 25 deoptimizations and
// twice the time over the benchmark's YAML). The parser reads no option but these two, so they
// are written out, and the state keeps one shape. Left as shipped if its source differs.
const PARSER_OPTIONS = /var DEFAULT_PARSER_OPTIONS = \{\s*filename: "",\s*maxDepth: 100\s*\};/;
const PARSER_STATE = /(function parseEvents\(input, options\) \{\s*const length = input\.length;\s*const state = \{\s*)\.\.\.DEFAULT_PARSER_OPTIONS,\s*\.\.\.options,/;
const stableYamlState = {
  name: 'js-yaml-parser-state',
  setup(b) {
    b.onLoad({ filter: /js-yaml[\\/]dist[\\/]js-yaml\.(mjs|cjs\.js)$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!PARSER_OPTIONS.test(source) || !PARSER_STATE.test(source)) {
        return { warnings: [{ text: "js-yaml's parseEvents is not as expected: its state is left as shipped (slower)" }] };
      }
      const option = (name) => `${name}: options != null && Object.hasOwn(options, "${name}") ? options.${name} : DEFAULT_PARSER_OPTIONS.${name},`;
      const contents = source.replace(PARSER_STATE, (_, head) => `${head}${option('filename')} ${option('maxDepth')}`);
      return { contents, loader: 'js' };
    });
  },
};

// ajv compiles each schema at run time in about 80 ms; its standalone mode turns them into
// code once, here, and the bundles import that code as `mimspec:validators`. The options are
// those the messages need: every error, with the data and the schema at fault.
let validatorsCode;
async function generateValidators() {
  const { default: Ajv2020 } = await import('ajv/dist/2020.js');
  const { default: standaloneCode } = await import('ajv/dist/standalone/index.js');
  const out = await build({ absWorkingDir: ROOT, entryPoints: ['server/src/parse/yaml/schemas.ts'], bundle: true, platform: 'node', format: 'cjs', write: false, loader: { '.json': 'json' }, logLevel: 'warning' });
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
  plugins: [fastClassFields, stableYamlState, precompiledValidators],
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

// V8's code cache of the CLI, made by a check of the examples, so that a cold start compiles
// nothing the check needs (server/src/cli/entry.ts). A fresh Node process makes it, started
// as the command is, so the cache holds what a check compiles and nothing of the build's.
if (!watch) {
  const made = spawnSync(process.execPath, ['-e', "require('./dist/cli/mimspec.js').writeCodeCache('examples').then((n) => console.log(n))"], { cwd: ROOT, encoding: 'utf8' });
  if (made.status !== 0) {
    console.error(`could not make the CLI's code cache:\n${made.stderr}`);
    process.exit(1);
  }
  console.log(`code cache of the CLI: ${Math.round(Number(made.stdout.trim()) / 1024)} KB`);
}
