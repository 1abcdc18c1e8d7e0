// The traceability matrix of the 200-MIM workspace (bench/generate.mjs, about 40,000
// requirements) against its budgets: `mimspec matrix --format csv` from the CLI, cold, and
// `mimspec/matrix` (first page and summary) from a language server that has indexed the
// workspace, over stdio; also the whole CSV from the server, and where the CLI's time goes.
//
//   node bench/matrix.mjs WORKSPACE      (bench/run.mjs --only matrix calls it)
//
// MIMSPEC_BENCH_NODE_ARGS passes Node options to the server, e.g. `--cpu-prof --cpu-prof-dir=DIR`.
// Prints `ROW figure|measured|budget|status` lines, which bench/run.mjs puts in its table; exits 1 when
// a step fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { initialize, SERVER, startServer } from './server-session.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli', 'mimspec.js');
const PHASES = join(ROOT, 'dist', 'bench', 'matrix-phases.js');
const FLOOR = join(ROOT, 'dist', 'bench', 'parse-floor.js');
const BUDGET = { cliMs: 1000, warmMs: 300 };
const RUNS = 5;

const dir = resolve(process.argv[2] ?? join(ROOT, '.bench', 'workspace'));
const rows = [];
let failed = false;

function row(figure, value, unit, budget) {
  const status = budget === undefined ? '' : value <= budget ? 'ok' : 'over';
  rows.push([figure, `${Math.round(value)} ${unit}`, budget === undefined ? '' : `<= ${budget} ${unit}`, status]);
}

function fail(step, message) {
  console.error(`${step}: ${message}`);
  rows.push([step, 'not measured', '', 'FAILED']);
  failed = true;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function benchCli() {
  const walls = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [CLI, 'matrix', dir, '--format', 'csv'], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    walls.push(performance.now() - t);
    if (r.status !== 0) return fail('cli matrix', `exit ${r.status}: ${r.stderr.slice(-500)}`);
    if (i === 0)
      console.log(
        `cli: ${r.stdout.split('\r\n').length - 2} rows, ${(r.stdout.length / 1048576).toFixed(1)} MB of CSV`,
      );
  }
  row(`mimspec matrix --format csv, median of ${RUNS}`, median(walls), 'ms', BUDGET.cliMs);
  row(`mimspec matrix --format csv, min of ${RUNS}`, Math.min(...walls), 'ms');
  // The cold check of the same workspace, for scale: it reads the same files and runs every rule.
  const checks = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [CLI, 'check', dir, '--format', 'json'], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    checks.push(performance.now() - t);
    if (r.status !== 0 && r.status !== 1) return fail('cli check', `exit ${r.status}: ${r.stderr.slice(-500)}`);
  }
  row('mimspec check of the same workspace, median of 3 (info)', median(checks), 'ms');
  const phases = [];
  for (let i = 0; i < 3; i++) {
    const r = spawnSync(process.execPath, [PHASES, dir], { encoding: 'utf8' });
    if (r.status !== 0) return fail('matrix phases', r.stderr.slice(-500));
    phases.push(JSON.parse(r.stdout.trim().split('\n').pop()));
  }
  const pick = (k) => median(phases.map((p) => p[k]));
  row('  of which scan (read and parse), median of 3', pick('scanMs'), 'ms');
  row('  of which index (group into MIMs)', pick('indexMs'), 'ms');
  row('  of which matrix (rows, unknown, coverage)', pick('matrixMs'), 'ms');
  row('  of which CSV text', pick('csvMs'), 'ms');
  const floors = [];
  for (let i = 0; i < 3; i++) {
    const r = spawnSync(process.execPath, [FLOOR, dir], { encoding: 'utf8' });
    if (r.status !== 0) return fail('parse floor', r.stderr.slice(-500));
    floors.push(JSON.parse(r.stdout.trim().split('\n').pop()).parseMs);
  }
  row('every file parsed once, nothing kept (the floor of any reading), median of 3', median(floors), 'ms');
}

async function benchServer() {
  const { child, conn, indexed } = startServer();
  conn.onNotification('textDocument/publishDiagnostics', () => undefined);
  conn.listen();
  try {
    let t = performance.now();
    await initialize(conn, dir);
    await indexed;
    row('server: index and first check (info)', performance.now() - t, 'ms');
    const timed = async (method, params) => {
      const start = performance.now();
      const result = await conn.sendRequest(method, params);
      return [performance.now() - start, result];
    };
    const [first, page] = await timed('mimspec/matrix', { scope: 'workspace', limit: 200 });
    if (page.count !== 200 || !(page.total > 0)) throw new Error(`unexpected page: ${page.count} of ${page.total}`);
    console.log(
      `server: ${page.total} rows; first page ${(page.html.length / 1024).toFixed(0)} KB, summary ${(page.summaryHtml.length / 1024).toFixed(0)} KB`,
    );
    row('mimspec/matrix, warm server: first page + summary', first, 'ms', BUDGET.warmMs);
    const [next] = await timed('mimspec/matrix', { scope: 'workspace', offset: 200, limit: 200 });
    row('mimspec/matrix, next page with the summary (cached matrix)', next, 'ms');
    const [scrolled] = await timed('mimspec/matrix', { scope: 'workspace', offset: 400, limit: 200, summary: false });
    row('mimspec/matrix, next page as the view asks it (summary: false)', scrolled, 'ms');
    const [filtered] = await timed('mimspec/matrix', { scope: 'workspace', filter: 'untested', limit: 200 });
    row('mimspec/matrix, filtered (untested)', filtered, 'ms');
    const [csvMs, csv] = await timed('mimspec/matrixCsv', { scope: 'workspace' });
    row(`mimspec/matrixCsv, whole workspace (${(csv.csv.length / 1048576).toFixed(1)} MB)`, csvMs, 'ms');
    const [again] = await timed('mimspec/matrixCsv', { scope: 'workspace' });
    row('mimspec/matrixCsv again (cached)', again, 'ms');
    // An edit makes a new index: the matrix is made again, from the rows of the MIMs that did not change.
    const page0 = readdirSync(dir).find((n) => n.startsWith('repo-'));
    const file = join(dir, page0, 'docs', 'capabilities-and-requirements.md');
    const text = readFileSync(file, 'utf8').replace(/\bSHALL\b/, 'SHOULD');
    await conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri: pathToFileURL(file).href, languageId: 'markdown', version: 1, text },
    });
    const [edited] = await timed('mimspec/matrix', { scope: 'workspace', limit: 200 });
    row('mimspec/matrix after an edit: first page + summary', edited, 'ms');
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
  } catch (e) {
    fail('server matrix', e instanceof Error ? e.message : String(e));
    child.kill();
  }
}

for (const [file, what] of [
  [CLI, 'the CLI'],
  [PHASES, 'the matrix phase timer'],
  [FLOOR, 'the parse floor timer'],
  [SERVER, 'the server'],
]) {
  if (!existsSync(file)) {
    console.error(`build first: ${what} (${file}) is missing (npm run build)`);
    process.exit(1);
  }
}
benchCli();
await benchServer();
for (const r of rows) console.log(`ROW ${r.join('|')}`);
process.exit(failed ? 1 : 0);
