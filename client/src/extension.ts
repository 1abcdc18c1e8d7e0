import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { DOCUMENT_SELECTOR, WATCHED_GLOB } from './selectors.js';
import { Backoff } from './backoff.js';
import { NewMim } from './new-mim.js';
import { restartingErrorHandler } from './restart.js';
import { Status, type ServerDeath } from './status.js';
import { registerViews, type Views } from './views/commands.js';
import { Requests, type ViewServer } from './views/protocol.js';

/**
 * The VS Code front: it starts the bundled language server and hands every document of
 * interest to it. All answers (diagnostics, hover, definition, ...) come from the server;
 * nothing here knows about MIMs. The views (views/) host in webviews what the server renders.
 */
let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;

/** What `activate` returns: what the extension-host tests look at. */
export interface MimspecApi {
  views: Views;
  newMim: NewMim;
  status: Status;
  /** When `activate` was entered (Date.now()), for the benchmark of the first diagnostics. */
  activatedAt: number;
  /** The language server's process id (it answers `mimspec/processId`). */
  serverPid(): Promise<number>;
}

export async function activate(context: vscode.ExtensionContext): Promise<MimspecApi> {
  const activatedAt = Date.now();
  output = vscode.window.createOutputChannel('mimspec', { log: true });
  context.subscriptions.push(output);

  const module = path.join(context.extensionPath, 'dist', 'server', 'server.js');
  // The same server for run and debug: attach a debugger with `MIMSPEC_SERVER_INSPECT=6009`.
  const inspect = process.env.MIMSPEC_SERVER_INSPECT;
  const options = inspect ? { execArgv: ['--nolazy', `--inspect=${inspect}`] } : {};
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options },
    debug: { module, transport: TransportKind.ipc, options },
  };

  const watcher = vscode.workspace.createFileSystemWatcher(WATCHED_GLOB);
  context.subscriptions.push(watcher);

  const backoff = new Backoff();
  // The handler's news of a death, for the status bar (made once the client is).
  const deaths = new vscode.EventEmitter<ServerDeath>();
  context.subscriptions.push(deaths);
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { configurationSection: 'mimspec', fileEvents: watcher },
    outputChannel: output,
    errorHandler: restartingErrorHandler(
      () => client,
      output,
      backoff,
      (restartIn, count) => deaths.fire({ restartIn, count }),
    ),
  };

  client = new LanguageClient('mimspec', 'mimspec', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('mimspec.restartServer', async () => {
      if (!client) return;
      output?.info('restarting the language server');
      backoff.reset();
      status.forgetDeaths();
      // A server that failed to start is started again rather than restarted.
      if (client.isRunning()) await client.restart();
      else await client.start();
    }),
  );

  // The views are registered before the server runs (a preview restored after a reload must
  // find its serializer during activation); their requests wait for it.
  const started = client.start();
  const server: ViewServer = {
    request: async (method, params) => {
      await started;
      if (!client) throw new Error('the language server is stopped');
      return client.sendRequest(method, params);
    },
  };
  const views = registerViews(context, server);
  const status = new Status(client, views.mimFiles, deaths.event);
  context.subscriptions.push(
    status,
    // A server started again renders the preview anew: what the dead one was asked is lost.
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) void views.preview.panel?.refresh();
    }),
  );
  const newMim = new NewMim(server, () => views.mimFiles.forget());
  context.subscriptions.push(
    vscode.commands.registerCommand('mimspec.newMim', (u?: unknown) =>
      newMim.run(u instanceof vscode.Uri ? u : undefined),
    ),
  );
  await started;
  views.mimFiles.start();
  void status.follow();
  const serverPid = async () => (await server.request<{ pid: number }>(Requests.processId, {})).pid;
  return { views, newMim, status, serverPid, activatedAt };
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}
