import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { limitHeapGrowth } from '../node/process-tuning.js';
import { serverFileSystem } from '../node/slow-reads.js';
import { startServer } from './server.js';
import { initializeGuard } from './initialize-params.js';

// `--stdio`, `--node-ipc` or `--socket=N` on the command line pick the transport.
if (
  !process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))
) {
  process.argv.push('--stdio');
}
limitHeapGrowth(90);
// The one place the protocol tests' seam is read (node/slow-reads.ts): unset, the server reads the disk as is.
startServer(createConnection(ProposedFeatures.all, initializeGuard), () =>
  serverFileSystem(process.env.MIMSPEC_TEST_SLOW_READS),
);
