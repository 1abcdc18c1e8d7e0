// `node bench/run.mjs --only packages`: the sizes of the two packages users install and the
// time `mimspec new` takes to write a MIM, against the budgets of issue 12. Packing the .vsix
// runs its prepublish step (a production build of dist/), so this runs after the others.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const OUT = '.bench/packages';
const BUDGET = { vsixMb: 2, tarballMb: 2, newMimMs: 500 };
const RUNS = 7;

/** Runs a command; its stdout, or throws with its stderr. */
function run(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return r.stdout;
}

const megabytes = (file) => Math.round((statSync(file).size / 1048576) * 100) / 100;

/** [figure, measured, budget] rows, for bench/run.mjs to print with the others. */
export function benchPackages() {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const rows = [];
  // `mimspec new` first, on the development build the benchmark was started with.
  const walls = [];
  for (let i = 0; i < RUNS; i++) {
    const dir = join(OUT, `new-${i}`);
    const started = performance.now();
    run(process.execPath, ['bin/mimspec.js', 'new', '--template', 'gitbook', '--title', 'Noise Monitoring', dir]);
    walls.push(performance.now() - started);
  }
  walls.sort((a, b) => a - b);
  rows.push(['mimspec new (gitbook), median', Math.round(walls[RUNS >> 1]), 'ms', BUDGET.newMimMs]);
  run('npm', ['pack', '--ignore-scripts', '--pack-destination', OUT]);
  const tarball = readdirSync(OUT).find((f) => f.endsWith('.tgz'));
  rows.push(['npm tarball', megabytes(join(OUT, tarball)), 'MB', BUDGET.tarballMb]);
  run('npx', ['vsce', 'package', '--no-dependencies', '--out', join(OUT, 'mimspec.vsix')]);
  rows.push(['.vsix', megabytes(join(OUT, 'mimspec.vsix')), 'MB', BUDGET.vsixMb]);
  return rows;
}
