// Cold `mimspec check` runs of several CLI builds, alternating round after round, so that the
// machine's slow and calm phases fall on all of them alike; wall time and the CPU time of all
// the process's threads (bench/rss.cjs) for each run.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const CPU_FILE = '.bench/alternate-cpu.txt';

/** One cold check of `workspace` by the CLI built in `dir`; returns its output. */
function coldCheck(build, workspace) {
  rmSync(CPU_FILE, { force: true });
  const started = performance.now();
  const r = spawnSync(
    process.execPath,
    ['--require', './bench/rss.cjs', `${build.dir}/cli/mimspec.js`, 'check', workspace, '--format', 'json'],
    {
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
      env: { ...process.env, MIMSPEC_BENCH_CPU_FILE: CPU_FILE },
    },
  );
  const wall = performance.now() - started;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${build.name}: exit ${r.status}\n${r.stderr}`);
  build.wall.push(wall);
  build.cpu.push(Number(readFileSync(CPU_FILE, 'utf8')));
  return r.stdout;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Runs every build once untimed (their outputs must be the same), then `rounds` timed rounds,
 * each starting one build later; prints a table against the first build.
 */
export function alternate(builds, workspace, rounds) {
  for (const b of builds) Object.assign(b, { wall: [], cpu: [] });
  if (new Set(builds.map((b) => coldCheck(b, workspace))).size !== 1)
    throw new Error('the builds do not give the same output');
  for (const b of builds) b.wall.length = b.cpu.length = 0;
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < builds.length; i++) coldCheck(builds[(i + round) % builds.length], workspace);
  }
  const [first] = builds;
  const saving = (b, key) => (b === first ? '' : `${Math.round((1 - median(first[key]) / median(b[key])) * 100)} %`);
  const rows = builds.map((b) => [
    b.name,
    `${Math.round(median(b.wall))} ms`,
    `${Math.round(median(b.cpu))} ms`,
    saving(b, 'wall'),
    saving(b, 'cpu'),
  ]);
  const table = [
    ['build', 'wall (median)', 'CPU (median)', `${first.name} saves, wall`, `${first.name} saves, CPU`],
    ...rows,
  ];
  const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
  const line = (r) => `| ${r.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  console.log(`${rounds} alternating rounds of a cold \`mimspec check\` of ${workspace}:`);
  console.log([line(table[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n'));
}
