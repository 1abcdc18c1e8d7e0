// `npm run bench:patches`: what each library patch of the build (build/patches/) and V8's code
// cache of the CLI buy, each measured alone. The CLI is built once with everything and once
// without each of them; the builds' cold checks of the benchmark workspace then alternate,
// round after round, so that the machine's slow and calm phases fall on all of them alike.
//
//   node bench/patches.mjs [--rounds N] [--workspace DIR]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const rounds = Number(opt('--rounds', 7));
const workspace = opt('--workspace', '.bench/workspace');
if (!existsSync(workspace)) {
  console.error(`${workspace} is missing: \`npm run bench -- --only cli\` generates it`);
  process.exit(1);
}

const PATCHES = ['markdown-it-class-fields', 'js-yaml-parser-state', 'code-cache'];
const variants = [
  { name: 'all', without: [] },
  ...PATCHES.map((p) => ({ name: `without ${p}`, without: [p] })),
  { name: 'none', without: PATCHES },
];

for (const v of variants) {
  v.dir = `.bench/variants/${v.without.join('+') || 'all'}`;
  const built = spawnSync(
    process.execPath,
    ['esbuild.mjs', '--cli-only', '--out', v.dir, ...(v.without.length ? ['--without', v.without.join(',')] : [])],
    { encoding: 'utf8' },
  );
  if (built.status !== 0) {
    console.error(`build ${v.name} failed:\n${built.stderr}${built.stdout}`);
    process.exit(1);
  }
  v.wall = [];
  v.cpu = [];
}

const cpuFile = '.bench/patches-cpu.txt';
function coldCheck(v) {
  rmSync(cpuFile, { force: true });
  const started = performance.now();
  const r = spawnSync(
    process.execPath,
    ['--require', './bench/rss.cjs', `${v.dir}/cli/mimspec.js`, 'check', workspace, '--format', 'json'],
    {
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
      env: { ...process.env, MIMSPEC_BENCH_CPU_FILE: cpuFile },
    },
  );
  const wall = performance.now() - started;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${v.name}: exit ${r.status}\n${r.stderr}`);
  v.wall.push(wall);
  v.cpu.push(Number(readFileSync(cpuFile, 'utf8')));
  return r.stdout;
}

// One untimed run each, so the file cache is warm for all alike; the outputs must be the same.
const outputs = new Set(variants.map(coldCheck));
if (outputs.size !== 1) {
  console.error('the builds do not give the same output');
  process.exit(1);
}
for (const v of variants) v.wall.length = v.cpu.length = 0;
for (let round = 0; round < rounds; round++) {
  // Each round starts one variant later, so no variant always runs first.
  for (let i = 0; i < variants.length; i++) coldCheck(variants[(i + round) % variants.length]);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const all = variants[0];
const saving = (v, key) => `${Math.round((1 - median(all[key]) / median(v[key])) * 100)} %`;
const rows = variants.map((v) => [
  v.name,
  `${Math.round(median(v.wall))} ms`,
  `${Math.round(median(v.cpu))} ms`,
  v === all ? '' : saving(v, 'wall'),
  v === all ? '' : saving(v, 'cpu'),
]);
const table = [['build', 'wall (median)', 'CPU (median)', 'all saves, wall', 'all saves, CPU'], ...rows];
const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
const line = (r) => `| ${r.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
console.log(`${rounds} alternating rounds of a cold \`mimspec check\` of ${workspace}:`);
console.log([line(table[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n'));
