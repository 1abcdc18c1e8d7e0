import { parentPort } from 'node:worker_threads';
import type { FileKind } from '../model/document.js';
import { readAndParse, type PortableDocument } from './read-and-parse.js';

/** Entry of a parse worker thread (dist/server/parse-worker.js): parses the files it is sent, posts the models back in batches. */
const port = parentPort;
port?.on('message', (job: { files: { path: string; kind: FileKind }[] }) => {
  let batch: PortableDocument[] = [];
  for (const f of job.files) {
    const { lines: _lines, ...portable } = readAndParse(f.path, f.kind);
    batch.push(portable);
    if (batch.length >= 16) {
      port.postMessage({ docs: batch });
      batch = [];
    }
  }
  port.postMessage({ docs: batch, done: true });
});
