// `npm run bench:patches`: what each library patch of the build (build/patches/) and V8's code
// cache of the CLI buy, each measured alone: the CLI is built once with everything and once
// without each of them, and their cold checks of the benchmark workspace alternate.
//
//   node bench/patches.mjs [--rounds N] [--workspace DIR]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { alternate } from './alternate.mjs';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const workspace = opt('--workspace', '.bench/workspace');
if (!existsSync(workspace)) {
  console.error(`${workspace} is missing: \`npm run bench -- --only cli\` generates it`);
  process.exit(1);
}

const PATCHES = ['js-yaml-parser-state', 'code-cache'];
const builds = [
  { name: 'all', without: [] },
  ...PATCHES.map((p) => ({ name: `without ${p}`, without: [p] })),
  { name: 'none', without: PATCHES },
];
for (const b of builds) {
  b.dir = `.bench/variants/${b.without.join('+') || 'all'}`;
  const without = b.without.length ? ['--without', b.without.join(',')] : [];
  const built = spawnSync(process.execPath, ['esbuild.mjs', '--cli-only', '--out', b.dir, ...without], {
    encoding: 'utf8',
  });
  if (built.status !== 0) {
    console.error(`build ${b.name} failed:\n${built.stderr}${built.stdout}`);
    process.exit(1);
  }
}
alternate(builds, workspace, Number(opt('--rounds', 7)));
