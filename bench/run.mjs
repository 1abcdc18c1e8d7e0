// `npm run bench`: measures the CLI's cold check and the engine's re-validation against the
// budgets of a 2-core machine, and prints a table. Exits 0 even when a figure is over budget
// (it is a report); 1 when a step could not run or crashed; 2 on bad usage.
//
//   node bench/run.mjs [--only cli|engine|lsp|graph|preview|matrix|memory|vscode|packages|user] [--quick]
//
// The language-server figures (issue budgets for a 1,000-file workspace) come from
// bench/lsp-bench.mjs, which drives the real server over stdio; its table follows this one.
// The MIM graph's request times on the generated workspace come from bench/graph.mjs (no budget).
// The preview and the HTML export (issue 11) come from bench/preview.mjs.
// The traceability matrix's figures (CLI and server) come from bench/matrix.mjs.
// Activation to first diagnostics in code-server comes from bench/vscode.mjs (the extension-host test).
// Peak memory (the command on a page of almost 5 MB and on 2,000 MIMs under a 700 MB heap; the
// language server holding the 2,000 MIMs) comes from bench/memory.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { GENERATOR_VERSION, generateWorkspace } from './generate.mjs';
import { benchMemory } from './memory.mjs';
import { benchPackages } from './packages.mjs';
import { benchVscode } from './vscode.mjs';

const COLD_RUNS = 5;
const CLI = 'dist/cli/mimspec.js';
const ENGINE_BENCH = 'dist/bench/engine-bench.js';
const BUDGET = { coldMs: 2000, revalidateMs: 100, rssMb: 300 };

process.chdir(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
if (
  (only !== undefined &&
    !['cli', 'engine', 'lsp', 'graph', 'preview', 'matrix', 'memory', 'vscode', 'packages', 'user'].includes(only)) ||
  args.some((a) => a.startsWith('-') && a !== '--quick' && a !== '--only')
) {
  console.error(
    'usage: node bench/run.mjs [--only cli|engine|lsp|graph|preview|matrix|memory|vscode|packages|user] [--quick]',
  );
  process.exit(2);
}

const workspace = quick ? '.bench/workspace-quick' : '.bench/workspace';
const rows = []; // [figure, measured, budget, status]
let failed = false;

function fail(step, message) {
  console.error(`${step}: ${message}`);
  rows.push([step, 'not measured', '', 'FAILED']);
  failed = true;
}

function row(figure, value, unit, budget) {
  const status = budget === undefined ? '' : value <= budget ? 'ok' : 'over';
  rows.push([figure, `${value} ${unit}`, budget === undefined ? '' : `<= ${budget} ${unit}`, status]);
}

/** Generates the workspace unless the cached one came from the same generator version and options. */
function ensureWorkspace() {
  const options = quick ? { markdownRepos: 10, yamlSpecs: 10 } : {};
  const stampFile = `${workspace}.json`;
  const key = JSON.stringify({ generator: GENERATOR_VERSION, options });
  if (existsSync(workspace) && existsSync(stampFile)) {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    if (JSON.stringify({ generator: stamp.generator, options: stamp.options }) === key) return stamp.stats;
  }
  rmSync(workspace, { recursive: true, force: true });
  const started = performance.now();
  const stats = generateWorkspace(workspace, options);
  console.log(`generated ${workspace} in ${Math.round(performance.now() - started)} ms`);
  writeFileSync(stampFile, `${JSON.stringify({ ...JSON.parse(key), stats }, null, 2)}\n`);
  return stats;
}

/** Runs node with args; returns its stdout, or undefined after reporting a crash. */
function runNode(step, nodeArgs, { env = {}, okStatus = [0] } = {}) {
  const result = spawnSync(process.execPath, nodeArgs, {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, ...env },
  });
  if (result.error || !okStatus.includes(result.status)) {
    const why = result.error?.message ?? (result.signal ? `killed by ${result.signal}` : `exit code ${result.status}`);
    fail(step, `${why}\n${(result.stderr ?? '').trim().split('\n').slice(-20).join('\n')}`);
    return undefined;
  }
  return result.stdout;
}

function benchCli() {
  if (!existsSync(CLI))
    return fail('cli', `build the CLI first: ${CLI} is missing (npm run build bundles it from server/src/cli/main.ts)`);
  const rssFile = '.bench/cli-rss.txt';
  const walls = [];
  let maxRssKiB = 0;
  let report;
  for (let run = 0; run < COLD_RUNS; run++) {
    rmSync(rssFile, { force: true });
    const started = performance.now();
    const stdout = runNode(
      'cli',
      ['--require', './bench/rss.cjs', CLI, 'check', workspace, '--format', 'json'],
      // `mimspec check` exits 1 when it finds errors, which the generated workspace has.
      { env: { MIMSPEC_BENCH_RSS_FILE: rssFile }, okStatus: [0, 1] },
    );
    walls.push(performance.now() - started);
    if (stdout === undefined) return;
    try {
      report = JSON.parse(stdout);
    } catch {
      return fail('cli', `--format json did not print JSON: ${stdout.slice(0, 200)}`);
    }
    if (!(report.files > 0) || !Array.isArray(report.diagnostics)) {
      return fail('cli', `unexpected report: files=${report.files}, diagnostics is ${typeof report.diagnostics}`);
    }
    if (existsSync(rssFile)) maxRssKiB = Math.max(maxRssKiB, Number(readFileSync(rssFile, 'utf8')));
  }
  walls.sort((a, b) => a - b);
  const s = report.summary ?? {};
  console.log(
    `cli: ${report.files} files, ${report.diagnostics.length} diagnostics (${s.errors} errors, ${s.warnings} warnings, ${s.infos} infos)`,
  );
  row(`cold check, median of ${COLD_RUNS}`, Math.round(walls[Math.floor(walls.length / 2)]), 'ms', BUDGET.coldMs);
  row(`cold check, max of ${COLD_RUNS}`, Math.round(walls[walls.length - 1]), 'ms');
  if (maxRssKiB > 0) row('cold check, peak RSS', Math.round(maxRssKiB / 1024), 'MB', BUDGET.rssMb);
  else fail('cli', `no peak RSS recorded (bench/rss.cjs did not write ${rssFile})`);
}

function benchEngine() {
  if (!existsSync(ENGINE_BENCH)) {
    return fail(
      'engine',
      `build the engine benchmark first: ${ENGINE_BENCH} is missing (npm run build bundles bench/engine-bench.ts)`,
    );
  }
  const stdout = runNode('engine', [ENGINE_BENCH, workspace]);
  if (stdout === undefined) return;
  let figures;
  try {
    figures = JSON.parse(stdout.trim().split('\n').pop());
  } catch {
    return fail('engine', `${ENGINE_BENCH} did not end with a JSON line: ${stdout.slice(-200)}`);
  }
  console.log(
    `engine: ${figures.findings} findings after the first check, ${figures.findingsAfter} after ${figures.rounds} changes`,
  );
  row('engine: scan', figures.scanMs, 'ms');
  row('engine: first check', figures.firstCheckMs, 'ms');
  row(`re-validation, median of ${figures.rounds}`, figures.revalidateMedianMs, 'ms', BUDGET.revalidateMs);
  row('re-validation, p95', figures.revalidateP95Ms, 'ms');
  row('engine: peak RSS', figures.rssMb, 'MB');
  row('engine: heap used', figures.heapUsedMb, 'MB');
}

function benchMatrix() {
  const stdout = runNode('matrix', ['bench/matrix.mjs', workspace]);
  if (stdout === undefined) return;
  for (const line of stdout.split('\n')) {
    if (line.startsWith('ROW ')) rows.push(line.slice(4).split('|'));
    else if (line) console.log(line);
  }
}

function printTable() {
  const table = [['figure', 'measured', 'budget', ''], ...rows];
  const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
  const line = (r) => `| ${r.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  console.log(
    ['', line(table[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n'),
  );
}

if (only === undefined || ['cli', 'engine', 'matrix'].includes(only)) {
  const stats = ensureWorkspace();
  console.log(
    `workspace ${workspace}: ${stats.mims} MIMs, ${stats.files} files, ${stats.requirements} requirements, ` +
      `${(stats.bytes / 1048576).toFixed(1)} MB`,
  );
  if (quick)
    console.log('quick run: the budgets are for the full workspace (200 MIMs); these figures are a smoke test');
  if (only === undefined || only === 'cli') benchCli();
  if (only === undefined || only === 'engine') benchEngine();
  if (only === undefined || only === 'matrix') benchMatrix();
  printTable();
}
if (only === undefined || only === 'graph') {
  if (only === 'graph') ensureWorkspace();
  console.log(`\nMIM graph over the language server, ${workspace}:`);
  const graph = spawnSync(process.execPath, ['bench/graph.mjs', workspace], { stdio: 'inherit' });
  if (graph.status !== 0) failed = true;
}
if (only === undefined || only === 'lsp') {
  console.log('\nlanguage server over stdio, 1,000-file workspace:');
  const lsp = spawnSync(process.execPath, ['bench/lsp-bench.mjs'], { stdio: 'inherit' });
  if (lsp.status !== 0) failed = true;
}
if (only === undefined || only === 'preview') {
  if (only === 'preview') ensureWorkspace();
  console.log('\npreview over stdio (5,000-line page) and export --to html:');
  const preview = spawnSync(process.execPath, ['bench/preview.mjs', ...(quick ? ['--quick'] : [])], {
    stdio: 'inherit',
  });
  if (preview.status !== 0) failed = true;
}
if (only === undefined || only === 'memory') {
  console.log(
    '\npeak memory (the command: a page of almost 5 MB, 2,000 MIMs under a 700 MB heap; the server holding them):',
  );
  rows.length = 0;
  try {
    for (const [figure, value, unit, budget] of await benchMemory({ quick })) row(figure, value, unit, budget);
  } catch (e) {
    fail('memory', e instanceof Error ? e.message : String(e));
  }
  printTable();
}
if (only === undefined || only === 'vscode') {
  console.log('\nVS Code extension host (code-server):');
  rows.length = 0;
  try {
    for (const [figure, value, unit, budget] of benchVscode()) row(figure, value, unit, budget);
  } catch (e) {
    fail('vscode', e instanceof Error ? e.message : String(e));
  }
  printTable();
}
if (only === undefined || only === 'user') {
  // The paths a user waits on, beside yaml-language-server and vscode-markdown-languageservice,
  // alternating, with the peak memory of each (bench/results/user-paths.md).
  console.log('\nuser paths, beside yaml-language-server and vscode-markdown-languageservice (20, 200, 2,000 MIMs):');
  const user = spawnSync(
    process.execPath,
    ['bench/user-paths.mjs', ...(quick ? ['--sizes', '20,200', '--runs', '3'] : [])],
    {
      stdio: 'inherit',
    },
  );
  if (user.status !== 0) failed = true;
}
// Last: packing the .vsix makes a production build of dist/.
if (only === undefined || only === 'packages') {
  console.log('\npackages and templates:');
  rows.length = 0;
  try {
    for (const [figure, value, unit, budget] of benchPackages()) row(figure, value, unit, budget);
  } catch (e) {
    fail('packages', e instanceof Error ? e.message : String(e));
  }
  printTable();
}
process.exit(failed ? 1 : 0);
