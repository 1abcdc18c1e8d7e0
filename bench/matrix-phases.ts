// Where the time of `mimspec matrix --format csv` goes, in one cold process as the CLI spends it:
// `node dist/bench/matrix-phases.js WORKSPACE`. Prints one JSON line: scan (read and parse every
// file, YAML tokenized on the CLI's worker thread), index (group into MIMs, the symbol table),
// matrix (rows, unknown ids, coverage) and csv (the text), in ms.
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { normalizePath } from '../server/src/base/paths.js';
import { NodeFileSystem } from '../server/src/node/file-system.js';
import { limitHeapGrowth, limitInlining } from '../server/src/node/process-tuning.js';
import { NodeYamlEvents } from '../server/src/node/yaml-events.js';
import { traceabilityMatrix } from '../server/src/query/traceability.js';
import { matrixCsv } from '../server/src/render/matrix-csv.js';
import { Workspace } from '../server/src/workspace/workspace.js';

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node dist/bench/matrix-phases.js WORKSPACE');
    process.exit(2);
  }
  // As the CLI's process starts (cli/main.ts).
  limitHeapGrowth(50);
  limitInlining(150);
  const start = performance.now();
  const yamlEvents = new NodeYamlEvents(join(__dirname, '..', 'cli', 'yaml-events-worker.js'));
  yamlEvents.open();
  const ws = new Workspace(new NodeFileSystem(), {
    roots: [normalizePath(resolve(dir))],
    yamlEvents,
    incremental: false,
  });
  await ws.scan();
  yamlEvents.close();
  const scanned = performance.now();
  const index = ws.index;
  const indexed = performance.now();
  const matrix = traceabilityMatrix(index, index.mims);
  const computed = performance.now();
  const csv = matrixCsv(matrix.rows);
  const done = performance.now();
  const ms = (x: number) => Math.round(x);
  console.log(
    JSON.stringify({
      scanMs: ms(scanned - start),
      indexMs: ms(indexed - scanned),
      matrixMs: ms(computed - indexed),
      csvMs: ms(done - computed),
      rows: matrix.rows.length,
      csvBytes: csv.length,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
