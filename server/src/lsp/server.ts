import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileKindOf } from '../workspace/file-kinds.js';
import { NodeFileSystem } from '../node/file-system.js';
import { Workspace } from '../workspace/workspace.js';
import type { FileSystem } from '../workspace/file-system.js';
import { slipped } from '../parse/yaml/warm.js';
import { parseDocument } from '../workspace/load-document.js';
import { breather } from './breathe.js';
import { capabilities } from './capabilities.js';
import { answerInvalidInitialize, checkInitialize } from './initialize-params.js';
import { DiagnosticsPublisher } from './diagnostics.js';
import { registerExport } from './export-request.js';
import { registerFeatures } from './features.js';
import { registerPreview } from './preview-request.js';
import { registerNewMimRequests } from './new-mim-request.js';
import { registerGraph } from './graph-request.js';
import { registerMatrix } from './matrix-request.js';
import { Requests } from '../protocol/views.js';
import { readSettings } from '../config/settings.js';
import { RULES } from '../rules/catalogue.js';
import { pathToUri, uriToPath } from './uri.js';

const RULE_CODES = new Set(RULES.map((r) => r.code));

/** Files the server reads on disk and watches; the client sends the open ones. */
export const WATCHED_GLOBS = [
  '**/*.md',
  '**/*.mim.yaml',
  '**/*.mim.yml',
  '**/publiccode.yml',
  '**/mimspec.yaml',
  '**/.mimspec.yaml',
];

/**
 * The language server: keeps one Workspace current from open documents (their unsaved text
 * wins) and from watched files on disk, and answers every request from the engine.
 */
export function startServer(connection: Connection, disk: () => FileSystem = () => new NodeFileSystem()): void {
  const documents = new TextDocuments(TextDocument);
  let ws = new Workspace(disk(), { roots: [] });
  let clientCaps: InitializeParams['capabilities'] = {};
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const diagnostics = new DiagnosticsPublisher(
    connection,
    () => ws,
    documents,
    () => ready,
  );

  answerInvalidInitialize(connection);
  connection.onInitialize((params): InitializeResult => {
    const init = checkInitialize(params);
    clientCaps = init.capabilities;
    const roots = init.rootUris.map(uriToPath).filter((p): p is string => p !== undefined);
    ws = new Workspace(disk(), { roots, breathe: breather() });
    diagnostics.usePull(typeof clientCaps.textDocument?.diagnostic === 'object');
    return { capabilities: capabilities(diagnostics.pull), serverInfo: { name: 'mimspec', version: '0.1.0' } };
  });

  connection.onInitialized(() => {
    void indexWorkspace();
    if (clientCaps.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })),
      });
    }
    if (clientCaps.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'mimspec' });
    }
  });

  async function indexWorkspace(): Promise<void> {
    const progress = clientCaps.window?.workDoneProgress ? await connection.window.createWorkDoneProgress() : undefined;
    progress?.begin('mimspec: indexing MIM documents', 0, undefined, false);
    try {
      await applySettings();
      await ws.scan();
      // Open buffers may have been edited while the disk was read: their text wins.
      for (const doc of documents.all()) syncDocument(doc);
      // The first full check fills the rule caches, so the first diagnostics after an open are quick.
      // It pauses as the scan does: a file opened meanwhile is answered.
      await ws.checkInTurns();
      progress?.report(100, `${ws.documents.size} files`);
    } catch (e) {
      connection.console.error(`mimspec: indexing failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      markReady();
      diagnostics.scanDone();
      progress?.done();
    }
  }

  /** What is wrong with the settings in force, already said: said once, not at every change of another setting. */
  let told = new Set<string>();

  async function applySettings(): Promise<void> {
    if (!clientCaps.workspace?.configuration) return;
    let raw: unknown;
    try {
      raw = await connection.workspace.getConfiguration('mimspec');
    } catch {
      // A client that cannot answer leaves the defaults in force.
      return;
    }
    const { config, problems } = readSettings(raw, RULE_CODES);
    ws.setSettings(config);
    for (const problem of problems) {
      if (told.has(problem)) continue;
      connection.console.warn(`mimspec: ${problem}`);
      // A notification: the library's showWarningMessage is a request, which a client may not answer.
      void connection.sendNotification(ShowMessageNotification.type, {
        type: MessageType.Warning,
        message: `mimspec: ${problem}`,
      });
    }
    told = new Set(problems);
  }

  function syncDocument(doc: TextDocument): void {
    const path = uriToPath(doc.uri);
    if (!path) return;
    ws.setDocument(path, doc.getText(), `editor:${doc.version}`);
    if (fileKindOf(path) === 'config') void readmit();
  }

  /** The globs may have changed: the files they let in again are read, and open buffers' text wins over the disk's. */
  async function readmit(): Promise<void> {
    if (!(await ws.readmit())) return;
    for (const doc of documents.all()) syncDocument(doc);
    diagnostics.workspaceChanged();
  }

  // The library fires onDidChangeContent for an opened document too, right after onDidOpen: the
  // text is taken there, once (twice, its findings alone were checked twice before any request was answered).
  documents.onDidOpen((e) => {
    warmFor(e.document);
  });

  /**
   * A YAML document opened is read twice more once the first scan and check are done (until
   * then, they would hold up the answers the user waits for on the file just opened), as the
   * first keystrokes will read it: as it is, and broken by a slip (warm.ts). The code that reads
   * it is then optimised for it before the user types (a keystroke took two to three times
   * longer at first). One reading a turn, so that a request that comes meanwhile waits for one at
   * most; none once the document has changed: its keystrokes then read it themselves, and must
   * not wait behind a reading that only prepares for them.
   */
  function warmFor(doc: TextDocument): void {
    const path = uriToPath(doc.uri);
    const kind = path ? fileKindOf(path) : undefined;
    if (!path || (kind !== 'mim-yaml' && kind !== 'resource')) return;
    const text = doc.getText();
    const broken = slipped(text);
    const texts = broken ? [text, broken] : [text];
    const step = (i: number) => {
      if (documents.get(doc.uri)?.version !== doc.version) return;
      parseDocument(path, kind, texts[i], 'warm');
      if (i + 1 < texts.length) setTimeout(() => step(i + 1), 0);
    };
    void ready.then(() => setTimeout(() => step(0), 30));
  }

  documents.onDidChangeContent((e) => {
    syncDocument(e.document);
    diagnostics.changed(e.document.uri, e.document.getText().length);
  });
  documents.onDidClose((e) => {
    const path = uriToPath(e.document.uri);
    // The saved file takes over again from the closed buffer.
    if (path) void ws.loadFile(path).then(() => diagnostics.workspaceChanged());
    diagnostics.closed(e.document.uri);
  });

  connection.onDidChangeWatchedFiles(async (params) => {
    for (const change of params.changes) {
      const path = uriToPath(change.uri);
      if (!path || documents.get(change.uri)) continue;
      if (change.type === FileChangeType.Deleted) ws.removeDocument(path);
      else await ws.loadFile(path);
    }
    await readmit();
    diagnostics.workspaceChanged();
  });

  connection.onDidChangeConfiguration(async () => {
    await applySettings();
    await readmit();
    diagnostics.workspaceChanged();
  });

  registerFeatures(connection, {
    workspace: () => ws,
    ready: () => ready,
    documents,
    pathOf: uriToPath,
    uriOf: pathToUri,
    clientCapabilities: () => clientCaps,
    snippets: () => clientCaps.textDocument?.completion?.completionItem?.snippetSupport === true,
  });

  const views = { workspace: () => ws, ready: () => ready, pathOf: uriToPath, uriOf: pathToUri };
  registerPreview(connection, views);
  registerExport(connection, views);
  registerGraph(connection, views);
  registerNewMimRequests(connection, views);
  registerMatrix(connection, views);
  connection.onRequest(Requests.processId, () => ({ pid: process.pid }));

  documents.listen(connection);
  connection.listen();
}
