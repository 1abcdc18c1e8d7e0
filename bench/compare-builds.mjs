// Two builds of the CLI side by side: `node bench/compare-builds.mjs DIST_A DIST_B [--rounds N]`
// (each a dist/ folder, e.g. one built from an earlier commit), alternating cold checks of the
// benchmark workspace; their outputs must be the same.
import { fileURLToPath } from 'node:url';
import { alternate } from './alternate.mjs';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const rounds = args.includes('--rounds') ? Number(args[args.indexOf('--rounds') + 1]) : 7;
const dirs = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--rounds');
if (dirs.length !== 2) {
  console.error('usage: node bench/compare-builds.mjs DIST_A DIST_B [--rounds N]');
  process.exit(2);
}
alternate(
  dirs.map((dir) => ({ name: dir, dir })),
  '.bench/workspace',
  rounds,
);
