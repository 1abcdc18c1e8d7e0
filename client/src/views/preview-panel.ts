import * as vscode from 'vscode';
import type { MimFiles } from './mim-files.js';
import { Requests, readMessage, type FromWebview, type PreviewResult, type ViewServer } from './protocol.js';
import { escapeText, pageHtml, webviewOptions } from './webview-html.js';

export const PREVIEW_VIEW_TYPE = 'mimspec.preview';

/** What the preview's webview keeps across a window reload (`vscode.setState` in media/preview.js). */
export interface PreviewState {
  uri: string;
}

export interface PreviewDeps {
  server: ViewServer;
  mimFiles: MimFiles;
  extensionUri: vscode.Uri;
  /** The server's stylesheet (`mimspec/previewStyle`), asked once. */
  style: () => Promise<string>;
  /**
   * The file the preview showed last, kept in the workspace's state: a window reloaded before
   * the webview saved its own state (it does once it has drawn a render) still has its preview.
   */
  lastShown: { get(): string | undefined; set(uri: string): void };
}

/**
 * One preview webview: the rendering of the MIM that `source` (any file of it) belongs to.
 * An answer that fails, or says the file left every MIM, leaves the last render on screen
 * with a banner; an answer of the same `version` as the one shown is not sent again.
 */
export class PreviewPanel {
  source: vscode.Uri;
  mim: string | undefined;
  private version: string | undefined;
  private html: string | undefined;
  private asked = 0;
  private ready = false;
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;
  private readonly messages = new vscode.EventEmitter<FromWebview>();
  /** Messages of the webview's script, checked (see readMessage). */
  readonly onMessage = this.messages.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly deps: PreviewDeps,
    source: vscode.Uri,
  ) {
    this.source = source;
    panel.webview.options = webviewOptions(deps.extensionUri);
    panel.webview.onDidReceiveMessage((m) => {
      const message = readMessage(m);
      if (!message) return;
      if (message.type === 'ready') {
        this.ready = true;
        this.resend();
      }
      this.messages.fire(message);
    });
    panel.onDidDispose(() => {
      this.disposed.fire();
      this.disposed.dispose();
      this.messages.dispose();
    });
    void this.setPage();
  }

  /** What is shown: for tests and for the commands that act on the previewed MIM. */
  get shown(): { uri: string; mim: string | undefined; version: string | undefined; html: string | undefined } {
    return { uri: this.source.toString(), mim: this.mim, version: this.version, html: this.html };
  }

  /** Shows the MIM of `source`, asking the server again (a new MIM is always sent). */
  async show(source: vscode.Uri): Promise<void> {
    this.source = source;
    this.deps.lastShown.set(source.toString());
    await this.refresh();
  }

  /** Asks the server for the preview and sends it unless the version shown is the same. */
  async refresh(): Promise<void> {
    const ask = ++this.asked;
    const source = this.source;
    let answer: PreviewResult | null;
    try {
      answer = await this.deps.server.request<PreviewResult | null>(Requests.preview, { uri: source.toString() });
    } catch (e) {
      if (ask === this.asked) this.status(`The preview could not be updated: ${e instanceof Error ? e.message : e}`);
      return;
    }
    if (ask !== this.asked) return; // a later question is under way
    this.deps.mimFiles.learn(source, answer);
    if (!answer?.mim) {
      const name = vscode.workspace.asRelativePath(source);
      if (this.html === undefined) this.post({ type: 'update', html: emptyHtml(name), uri: source.toString() });
      else this.status(`${name} belongs to no MIM: this is the last preview of ${this.mim}.`);
      return;
    }
    if (answer.mim === this.mim && answer.version === this.version) return;
    this.mim = answer.mim;
    this.version = answer.version;
    this.html = answer.html;
    this.panel.title = `Preview ${answer.mim}`;
    this.resend();
  }

  post(message: object): void {
    if (this.ready) void this.panel.webview.postMessage(message);
  }

  private resend(): void {
    if (this.html === undefined) return;
    this.post({ type: 'update', html: this.html, uri: this.source.toString(), mim: this.mim, version: this.version });
  }

  private status(text: string): void {
    this.post({ type: 'status', text });
  }

  private async setPage(): Promise<void> {
    const css = await this.deps.style();
    this.panel.webview.html = pageHtml(this.panel.webview, this.deps.extensionUri, {
      title: 'MIM preview',
      scripts: ['common.js', 'preview.js'],
      css,
      body: '<div id="mimspec-status" class="mimspec-status" role="status" hidden></div>\n<main id="mimspec-preview" class="mim-preview"></main>',
    });
  }
}

function emptyHtml(name: string): string {
  return `<p class="mimspec-empty">${escapeText(name)} belongs to no MIM of this workspace.</p>`;
}
