// Writes what `mimspec check` (text, JSON and SARIF) and `mimspec model` print for the examples,
// the test fixtures, the corpus beside the project and the benchmark workspace into one folder,
// so that two builds can be compared byte for byte: a refactoring must leave them the same.
//
//   node bench/snapshot.mjs OUT_DIR        then   diff -r OUT_DIR_BEFORE OUT_DIR_AFTER
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));
const out = process.argv[2];
if (!out) {
  console.error('usage: node bench/snapshot.mjs OUT_DIR');
  process.exit(2);
}
const corpus = '../shared/corpus';
const inputs = [
  ['examples', 'examples'],
  ['fixtures', 'test/fixtures'],
  ...(existsSync(corpus)
    ? readdirSync(corpus, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => [`corpus-${e.name}`, join(corpus, e.name)])
    : []),
  ...(existsSync('.bench/workspace') ? [['bench-workspace', '.bench/workspace']] : []),
];
mkdirSync(out, { recursive: true });
for (const [name, path] of inputs) {
  for (const [label, args] of [
    ['check.txt', ['check', path]],
    ['check.json', ['check', path, '--format', 'json']],
    ['check.sarif', ['check', path, '--format', 'sarif']],
    ['model.json', ['model', path]],
  ]) {
    const r = spawnSync(process.execPath, ['bin/mimspec.js', ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
    writeFileSync(
      join(out, `${name}.${label}`),
      `exit ${r.status}\n${r.stdout}${r.stderr ? `\n--- stderr\n${r.stderr}` : ''}`,
    );
  }
  console.log(`${name}: done`);
}
