// The worker thread of NodeYamlEvents: packs the YAML events of each text it is sent and
// hands the buffer back without copying it.
import { parentPort } from 'node:worker_threads';
import { readEvents } from '../parse/yaml/yaml-events.js';

parentPort?.on('message', ({ id, text }: { id: number; text: string }) => {
  const events = readEvents(text);
  parentPort?.postMessage({ id, events }, events ? [events.buffer as ArrayBuffer] : []);
});
