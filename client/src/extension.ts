import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { DOCUMENT_SELECTOR, WATCHED_GLOB } from './selectors.js';
import { registerViews, type Views } from './views/commands.js';

/**
 * The VS Code front: it starts the bundled language server and hands every document of
 * interest to it. All answers (diagnostics, hover, definition, ...) come from the server;
 * nothing here knows about MIMs. The views (views/) host in webviews what the server renders.
 */
let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;

/** What `activate` returns: the views, for the extension-host tests. */
export interface MimspecApi {
  views: Views;
}

export async function activate(context: vscode.ExtensionContext): Promise<MimspecApi> {
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

  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { configurationSection: 'mimspec', fileEvents: watcher },
    outputChannel: output,
  };

  client = new LanguageClient('mimspec', 'mimspec', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('mimspec.restartServer', async () => {
      if (!client) return;
      output?.info('restarting the language server');
      // A server that failed to start is started again rather than restarted.
      if (client.isRunning()) await client.restart();
      else await client.start();
    }),
  );

  // The views are registered before the server runs (a preview restored after a reload must
  // find its serializer during activation); their requests wait for it.
  const started = client.start();
  const views = registerViews(context, {
    request: async (method, params) => {
      await started;
      if (!client) throw new Error('the language server is stopped');
      return client.sendRequest(method, params);
    },
  });
  await started;
  views.mimFiles.start();
  return { views };
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}
