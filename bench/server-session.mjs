// The built language server over stdio, as the benchmark drivers talk to it: started with
// the Node options of MIMSPEC_BENCH_NODE_ARGS (e.g. `--cpu-prof`), answering what it asks of
// a client, and telling when its first indexing has ended.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

export const SERVER = join(fileURLToPath(new URL('..', import.meta.url)), 'dist', 'server', 'server.js');

/**
 * A started server: its process, the connection (not yet listening, so that the caller adds
 * its own handlers first) and `indexed`, which resolves when the progress of the first
 * indexing ends (asked for by `initialize`'s default capabilities).
 */
export function startServer() {
  const nodeArgs = (process.env.MIMSPEC_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let markIndexed;
  const indexed = new Promise((resolve) => (markIndexed = resolve));
  conn.onNotification('$/progress', (p) => p.value?.kind === 'end' && markIndexed());
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
  return { child, conn, indexed };
}

/** `initialize` and `initialized` on the workspace folder `dir`. */
export async function initialize(conn, dir, capabilities = { window: { workDoneProgress: true } }) {
  const uri = pathToFileURL(dir).href;
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: uri,
    workspaceFolders: [{ uri, name: 'bench' }],
    capabilities,
  });
  await conn.sendNotification('initialized', {});
}
