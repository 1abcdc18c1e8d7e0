// Times `mimspec/graph` on a warm language server over stdio: the whole workspace (narrowed to
// what one drawing lays out quickly), one MIM with its neighbours, and that MIM expanded.
// The issue sets no budget: the figures are a report.
//
//   node bench/graph.mjs [workspace-dir]   (bench/run.mjs --only graph generates the workspace)
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { initialize, SERVER, startServer } from './server-session.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 5;
const dir = resolve(process.argv[2] ?? join(ROOT, '.bench', 'workspace'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  if (!existsSync(SERVER)) throw new Error('build the server first: dist/server/server.js is missing (npm run build)');
  if (!existsSync(dir)) throw new Error(`no workspace at ${dir} (node bench/run.mjs --only graph generates it)`);
  const { child, conn, indexed } = startServer();
  conn.listen();
  await initialize(conn, dir);
  await indexed;

  const cases = [
    ['whole workspace', {}],
    ['focus MIM150 and its neighbours', { focus: 'MIM150' }],
    ['focus MIM150, expanded', { focus: 'MIM150', expand: ['MIM150'] }],
    ['focus MIM250 (*.mim.yaml), expanded', { focus: 'MIM250', expand: ['MIM250'] }],
  ];
  // The server keeps its last answer; asking the cases in turn makes each request a new drawing.
  const times = cases.map(() => []);
  const results = [];
  for (let run = 0; run < RUNS; run++) {
    for (const [i, [, params]] of cases.entries()) {
      const t = performance.now();
      results[i] = await conn.sendRequest('mimspec/graph', params);
      times[i].push(performance.now() - t);
    }
  }
  const rows = [];
  for (const [i, [name]] of cases.entries()) {
    const result = results[i];
    rows.push([
      `graph: ${name}, median of ${RUNS}`,
      `${Math.round(median(times[i]))} ms`,
      `${result.nodes} boxes, ${result.edges} arrows, ${Math.round(result.svg.length / 1024)} KB`,
      result.truncated ? 'narrowed' : '',
    ]);
  }
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  child.kill();
  const table = [['figure', 'measured', 'drawing', ''], ...rows];
  const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
  const line = (r) => `| ${r.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  console.log([line(table[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n'));
  console.log('(no budget in the issue: a report)');
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
