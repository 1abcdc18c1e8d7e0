// The least any reading of a workspace costs: every file it holds read and parsed once, in one
// cold process, and nothing kept (no workspace, no index, no YAML thread). `mimspec matrix`
// parses the same files into the model it reads, so this is its floor, before Node's start.
//   node dist/bench/parse-floor.js WORKSPACE   prints {"parseMs": N, "files": N}
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { normalizePath } from '../server/src/base/paths.js';
import { fileKindOf, isSkippedFolder } from '../server/src/workspace/file-kinds.js';
import { parseDocument } from '../server/src/workspace/load-document.js';
import { limitHeapGrowth, limitInlining } from '../server/src/node/process-tuning.js';

function files(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      if (!isSkippedFolder(e.name)) files(path, out);
    } else out.push(normalizePath(path));
  }
  return out;
}

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node dist/bench/parse-floor.js WORKSPACE');
  process.exit(2);
}
// As the CLI's process starts (cli/main.ts).
limitHeapGrowth(50);
limitInlining(150);
const start = performance.now();
let parsed = 0;
for (const file of files(resolve(dir))) {
  const kind = fileKindOf(file);
  if (kind === undefined || kind === 'config') continue;
  parseDocument(file, kind, readFileSync(file, 'utf8'), 0);
  parsed++;
}
console.log(JSON.stringify({ parseMs: Math.round(performance.now() - start), files: parsed }));
