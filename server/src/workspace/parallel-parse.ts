import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DocumentModel, FileKind } from '../model/document.js';
import { LineIndex } from '../model/range.js';
import { readAndParse, type PortableDocument } from './read-and-parse.js';

/** Below this many files a worker costs more to start than it saves. */
const MIN_FILES_FOR_WORKERS = 48;

/**
 * Parses many files from disk on every core: worker threads take a share each while this
 * thread parses its own, so a cold `mimspec check` of a large workspace uses the machine.
 * Each share is balanced by file size.
 */
export async function parseFilesInParallel(
  files: { path: string; kind: FileKind; size: number }[],
  workerScript: string | undefined,
  onDocument: (doc: DocumentModel) => void,
): Promise<void> {
  const workers = workerScript && files.length >= MIN_FILES_FOR_WORKERS ? Math.max(0, Math.min(availableParallelism(), 4) - 1) : 0;
  const shares: (typeof files)[] = Array.from({ length: workers + 1 }, () => []);
  const load = new Array<number>(workers + 1).fill(0);
  for (const f of [...files].sort((a, b) => b.size - a.size)) {
    const i = load.indexOf(Math.min(...load));
    shares[i].push(f);
    // The main thread also rebuilds what the workers send, so it takes a little less.
    load[i] += i === 0 ? f.size * 1.15 : f.size;
  }
  const running = shares.slice(1).map((share) => runWorker(workerScript!, share, onDocument));
  const t0 = performance.now();
  for (const f of shares[0]) onDocument(readAndParse(f.path, f.kind));
  const t1 = performance.now();
  await Promise.all(running);
  if (process.env.MIMSPEC_DEBUG) console.error('main share', shares[0].length, (t1 - t0).toFixed(0), 'workers done', (performance.now() - t0).toFixed(0), 'loads', load.map(x => (x/1e6).toFixed(1)));
}

function runWorker(script: string, share: { path: string; kind: FileKind }[], onDocument: (doc: DocumentModel) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    if (share.length === 0) return resolve();
    const worker = new Worker(script);
    worker.on('message', (msg: { docs: PortableDocument[]; done?: boolean }) => {
      for (const d of msg.docs) onDocument({ ...d, lines: new LineIndex(d.text) });
      if (msg.done) void worker.terminate().then(() => resolve());
    });
    worker.on('error', reject);
    worker.postMessage({ files: share.map((f) => ({ path: f.path, kind: f.kind })) });
  });
}
