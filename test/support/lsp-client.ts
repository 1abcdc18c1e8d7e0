import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from './paths.js';

export const SERVER = join(ROOT, 'dist', 'server', 'server.js');

export const uri = (path: string) => pathToFileURL(path).href;

/**
 * A minimal LSP client over stdio for protocol tests: it spawns the bundled server, speaks
 * JSON-RPC through vscode-languageserver-protocol, and records published diagnostics.
 */
export class TestClient {
  readonly connection: ProtocolConnection;
  private readonly child: ChildProcess;
  private readonly published = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: { uri: string; pred: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void }[] =
    [];
  readonly stderr: string[] = [];
  readonly progress: unknown[] = [];
  /** Published diagnostics and progress, in the order they came: what came before what. */
  readonly events: (
    { method: 'diagnostics'; params: PublishDiagnosticsParams } | { method: 'progress'; kind: string }
  )[] = [];
  /** window/showMessage and window/logMessage notifications, in the order they came. */
  readonly shown: { type: number; message: string }[] = [];
  readonly logged: { type: number; message: string }[] = [];

  /** `command`: the server to start (`--stdio` is added); by default the bundle of this build. `env`: added to this process's. */
  constructor(command: readonly string[] = [process.execPath, SERVER], env: Record<string, string> = {}) {
    this.child = spawn(command[0], [...command.slice(1), '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    this.child.stderr!.on('data', (d: Buffer) => this.stderr.push(d.toString()));
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.child.stdout!),
      new StreamMessageWriter(this.child.stdin!),
    );
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.set(p.uri, p);
      this.events.push({ method: 'diagnostics', params: p });
      for (const w of [...this.waiters]) {
        if (w.uri === p.uri && w.pred(p.diagnostics)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(p.diagnostics);
        }
      }
    });
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('$/progress', (p: { value?: { kind?: string } }) => {
      this.progress.push(p);
      this.events.push({ method: 'progress', kind: String(p.value?.kind) });
    });
    this.connection.onNotification('window/showMessage', (p: { type: number; message: string }) => {
      this.shown.push(p);
    });
    this.connection.onNotification('window/logMessage', (p: { type: number; message: string }) => {
      this.logged.push(p);
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => {
      this.configurationRequests++;
      return p.items.map(() => this.settings);
    });
    this.connection.listen();
  }

  settings: unknown = {};
  /** How many times the server asked for the settings. */
  configurationRequests = 0;

  async initialize(root: string, capabilities: ClientCapabilities = {}): Promise<unknown> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uri(root),
      workspaceFolders: [{ uri: uri(root), name: 'test' }],
      capabilities: {
        window: { workDoneProgress: true },
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { relatedInformation: true } },
        ...capabilities,
      },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  async open(
    path: string,
    text = readFileSync(path, 'utf8'),
    languageId = path.endsWith('.md') ? 'markdown' : 'yaml',
  ): Promise<string> {
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: uri(path), languageId, version: 1, text },
    });
    return uri(path);
  }

  async change(path: string, version: number, text: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uri(path), version },
      contentChanges: [{ text }],
    });
  }

  /** Resolves with the first published diagnostics for `docUri` that satisfy `pred` (already published ones count). */
  diagnostics(
    docUri: string,
    pred: (d: Diagnostic[]) => boolean = () => true,
    timeoutMs = 10000,
  ): Promise<Diagnostic[]> {
    const have = this.published.get(docUri);
    if (have && pred(have.diagnostics)) return Promise.resolve(have.diagnostics);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `no matching diagnostics for ${docUri}; last: ${JSON.stringify(this.published.get(docUri)?.diagnostics.map((d) => d.code))}`,
            ),
          ),
        timeoutMs,
      );
      this.waiters.push({ uri: docUri, pred, resolve: (d) => (clearTimeout(timer), resolve(d)) });
    });
  }

  /**
   * Resolves once the server reported the end of its first scan. Before it, the server
   * answers from what it has read so far, and publishes only findings a document shows alone.
   */
  async indexed(timeoutMs = 30000): Promise<void> {
    await this.progressed('end', timeoutMs);
  }

  /** Resolves once the server reported the start of its first scan. */
  async scanning(timeoutMs = 30000): Promise<void> {
    await this.progressed('begin', timeoutMs);
  }

  private async progressed(kind: 'begin' | 'end', timeoutMs: number): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!this.events.some((e) => e.method === 'progress' && e.kind === kind)) {
      if (Date.now() > until) throw new Error(`the server did not report the ${kind} of its first scan`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** The documents that diagnostics were published for so far. */
  publishedUris(): string[] {
    return [...this.published.keys()];
  }

  /** Sends new settings the way an editor does: a notification, after which the server asks for them. */
  async changeSettings(settings: unknown): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: { mimspec: settings } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) return resolve(this.child.exitCode);
      this.child.on('exit', (code) => resolve(code));
    });
  }

  kill(): void {
    this.child.kill();
  }
}
