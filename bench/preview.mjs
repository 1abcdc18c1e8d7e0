// The preview and the HTML export against their budgets (issue 11, 2-core machine):
//  (a) the preview after a one-character edit of a 5,000-line page, over the real server on
//      stdio: from didChange to the answer of mimspec/preview, p50 and p95 of 30 edits;
//  (b) `mimspec export .bench/workspace --to html` of the 200-MIM workspace, wall time.
// A report: exits 0 when over budget, 1 when a step fails.
//
//   node bench/preview.mjs [--quick]   (--quick: the small workspace, a smoke test)
//
// MIMSPEC_BENCH_NODE_ARGS passes Node options to the server, e.g. `--cpu-prof --cpu-prof-dir=DIR`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { initialize, startServer } from './server-session.mjs';
import { generateLargeDocument } from './generate.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli', 'mimspec.js');
const BUDGET = { previewP95Ms: 150, exportMs: 3000 };
const EDITS = 30;
const EXPORT_RUNS = 3;
const quick = process.argv.includes('--quick');
const workspace = join(ROOT, '.bench', quick ? 'workspace-quick' : 'workspace');

const uri = (p) => pathToFileURL(p).href;
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const round = (x) => Math.round(x * 10) / 10;
const rows = [];
const row = (figure, value, unit, budget) =>
  rows.push([
    figure,
    `${round(value)} ${unit}`,
    budget === undefined ? '' : `<= ${budget} ${unit}`,
    budget === undefined ? '' : value <= budget ? 'ok' : 'over',
  ]);

async function benchPreview() {
  const dir = join(ROOT, '.bench', 'preview-workspace');
  const page = join(dir, 'large', 'docs', 'capabilities-and-requirements.md');
  if (!existsSync(page)) {
    generateLargeDocument(page, 5000);
    // The repository's config makes the page a MIM's.
    writeFileSync(join(dir, 'large', 'mimspec.yaml'), 'mim: MIM900\nconventions: bcp14\n');
  }
  const { child, conn } = startServer();
  conn.listen();
  await initialize(conn, dir, {});
  let text = readFileSync(page, 'utf8');
  const lines = text.split('\n');
  await conn.sendNotification('textDocument/didOpen', {
    textDocument: { uri: uri(page), languageId: 'markdown', version: 1, text },
  });
  let t = performance.now();
  const first = await conn.sendRequest('mimspec/preview', { uri: uri(page) });
  if (!first?.html) throw new Error('mimspec/preview gave no preview of the large page');
  row(`first preview, ${lines.length}-line page (info)`, performance.now() - t, 'ms');
  const editLine = lines.findIndex((l) => l.startsWith('* **R'));
  const times = [];
  const cpus = [];
  // The server's CPU time (all threads), which sharing the cores changes less than wall time.
  const cpuMs = () => {
    const f = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
  };
  for (let v = 2; v < 2 + EDITS; v++) {
    lines[editLine] = lines[editLine].replace(/x?$/, v % 2 === 0 ? 'x' : '');
    text = lines.join('\n');
    t = performance.now();
    const cpu = cpuMs();
    await conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: uri(page), version: v },
      contentChanges: [{ text }],
    });
    const answer = await conn.sendRequest('mimspec/preview', { uri: uri(page) });
    times.push(performance.now() - t);
    cpus.push(cpuMs() - cpu);
    if (!answer.html.includes(lines[editLine].slice(-12).replace(/x$/, '')))
      throw new Error('the edit is not in the preview');
  }
  row(`preview after an edit, p95 of ${EDITS}`, percentile(times, 0.95), 'ms', BUDGET.previewP95Ms);
  row('preview after an edit, median', percentile(times, 0.5), 'ms');
  row('server CPU per edit, median (info, 10 ms ticks)', percentile(cpus, 0.5), 'ms');
  row('server CPU per edit, p95 (info)', percentile(cpus, 0.95), 'ms');
  row('preview HTML size (info)', first.html.length / 1024, 'KB');
  // The preview's own share: the same request with nothing changed (check cached, render, transfer).
  const still = [];
  for (let i = 0; i < EDITS; i++) {
    t = performance.now();
    await conn.sendRequest('mimspec/preview', { uri: uri(page) });
    still.push(performance.now() - t);
  }
  row(`preview with no edit (render and transfer), p95 of ${EDITS} (info)`, percentile(still, 0.95), 'ms');
  row('preview with no edit, median (info)', percentile(still, 0.5), 'ms');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  // A server that exits on its own writes its CPU profile, when one is asked for.
  const timer = setTimeout(() => child.kill(), 5000);
  await exited;
  clearTimeout(timer);
  conn.dispose();
}

function benchExport() {
  if (!existsSync(workspace)) throw new Error(`${workspace} is missing: node bench/run.mjs generates it`);
  const out = mkdtempSync(join(tmpdir(), 'mimspec-bench-export-'));
  const walls = [];
  const cpus = [];
  const cpuFile = join(out, '.cpu');
  try {
    for (let run = 0; run < EXPORT_RUNS; run++) {
      const t = performance.now();
      const r = spawnSync(
        process.execPath,
        ['--require', join(ROOT, 'bench', 'rss.cjs'), CLI, 'export', workspace, '--to', 'html', '-o', out, '--force'],
        { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, MIMSPEC_BENCH_CPU_FILE: cpuFile } },
      );
      walls.push(performance.now() - t);
      if (existsSync(cpuFile)) cpus.push(Number(readFileSync(cpuFile, 'utf8')));
      if (r.status !== 0) throw new Error(`export exited ${r.status}: ${r.stderr.slice(-500)}`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  row(
    `export --to html of ${quick ? 'the quick' : 'the 200-MIM'} workspace, median of ${EXPORT_RUNS}`,
    percentile(walls, 0.5),
    'ms',
    BUDGET.exportMs,
  );
  row(`export --to html, max of ${EXPORT_RUNS}`, Math.max(...walls), 'ms');
  if (cpus.length > 0) row('export --to html, CPU time, median (info)', percentile(cpus, 0.5), 'ms');
}

let failed = false;
for (const [name, step] of [
  ['preview', benchPreview],
  ['export', benchExport],
]) {
  try {
    await step();
  } catch (e) {
    console.error(`${name}: ${e instanceof Error ? e.message : String(e)}`);
    rows.push([name, 'not measured', '', 'FAILED']);
    failed = true;
  }
}
// Two cores shared with other work make wall times long: the load says how shared they were.
row('load average, last minute (info)', loadavg()[0], '');
const table = [['figure', 'measured', 'budget', ''], ...rows];
const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
const line = (r) => `| ${r.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
console.log(['', line(table[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n'));
process.exit(failed ? 1 : 0);
