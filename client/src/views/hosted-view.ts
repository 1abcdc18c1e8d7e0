import * as vscode from 'vscode';
import { readMessage, type FromWebview } from './protocol.js';
import { pageHtml, webviewOptions } from './webview-html.js';

export interface HostedViewOptions {
  viewType: string;
  title: string;
  script: string;
  /** The extension's own markup around the server's content (toolbar, containers). */
  body: string;
  css?: string;
}

/**
 * A webview panel of one of the extension's views (matrix, graph): created in a column, its
 * page set once, the last content resent whenever the script (re)loads and says it is ready.
 */
export class HostedView implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  private last: object | undefined;
  private ready = false;
  private readonly messages = new vscode.EventEmitter<FromWebview>();
  readonly onMessage = this.messages.event;

  constructor(extensionUri: vscode.Uri, column: vscode.ViewColumn, options: HostedViewOptions) {
    this.panel = vscode.window.createWebviewPanel(
      options.viewType,
      options.title,
      column,
      webviewOptions(extensionUri),
    );
    this.panel.webview.onDidReceiveMessage((m) => {
      const message = readMessage(m);
      if (!message) return;
      if (message.type === 'ready') {
        this.ready = true;
        if (this.last) void this.panel.webview.postMessage(this.last);
      }
      this.messages.fire(message);
    });
    this.panel.onDidDispose(() => this.messages.dispose());
    this.panel.webview.html = pageHtml(this.panel.webview, extensionUri, {
      title: options.title,
      scripts: ['common.js', options.script],
      ...(options.css !== undefined ? { css: options.css } : {}),
      body: options.body,
    });
  }

  /** Sends the content to show; it is kept, and sent again if the page reloads. */
  show(message: object): void {
    this.last = message;
    if (this.ready) void this.panel.webview.postMessage(message);
  }

  /** Sends a message that adds to what is shown (not kept). */
  post(message: object): void {
    if (this.ready) void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    this.panel.dispose();
  }
}
