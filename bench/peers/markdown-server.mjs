// vscode-markdown-languageservice as a language server over stdio, the peer of our server in
// the Markdown editing figures: on each open or change of a Markdown document it validates its
// links (bench/peers/markdown-service.mjs) and publishes the diagnostics with the document's
// version, as our server publishes its own. A change that arrives while one is being validated
// supersedes it, as an editor's language server would do. `workspace/diagnostic` (LSP's pull of
// the whole workspace, which VS Code's Markdown server also answers) validates every page.
//
//   node bench/peers/markdown-server.mjs --stdio
import { fileURLToPath } from 'node:url';
import { createConnection, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { createMarkdownHost } from './markdown-service.mjs';

const connection = createConnection(process.stdin, process.stdout);
let host;
const latest = new Map(); // uri -> version last received

connection.onInitialize(async (params) => {
  const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
  host = await createMarkdownHost(fileURLToPath(folder));
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Full,
      diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: true },
    },
  };
});

async function validate(uri, text, version) {
  latest.set(uri, version);
  const doc = host.change(uri, text, version);
  const diagnostics = await host.diagnose(doc);
  if (latest.get(uri) === version) await connection.sendDiagnostics({ uri, version, diagnostics });
}

connection.onDidOpenTextDocument(({ textDocument: d }) => {
  if (d.uri.endsWith('.md')) return validate(d.uri, d.text, d.version);
});
connection.onDidChangeTextDocument(({ textDocument: d, contentChanges }) => {
  if (d.uri.endsWith('.md')) return validate(d.uri, contentChanges[contentChanges.length - 1].text, d.version);
});
connection.onDidCloseTextDocument(({ textDocument: d }) => latest.delete(d.uri));
connection.languages.diagnostics.onWorkspace(async () => {
  const items = [];
  for (const doc of await host.all())
    items.push({ kind: 'full', uri: doc.uri, version: null, items: await host.diagnose(doc) });
  return { items };
});
connection.onShutdown(() => undefined);
connection.onExit(() => process.exit(0));
connection.listen();
