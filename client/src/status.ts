import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import type { MimFiles } from './views/mim-files.js';

/**
 * The status bar item: the server's state (starting, running, stopped) and, on a file of a
 * MIM, that MIM's id and its findings (the diagnostics of its files that the extension knows
 * of). A click opens the MIM's preview, or the Problems panel elsewhere. The state is also the
 * context key `mimspec.serverState`, which the command palette's `when` clauses read.
 */
export type ServerState = 'starting' | 'running' | 'stopped';

export const SERVER_STATE_KEY = 'mimspec.serverState';

export class Status implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('mimspec.status', vscode.StatusBarAlignment.Left, 10);
  state: ServerState = 'starting';
  /** The active file's MIM, once the server has said. */
  mim: string | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private asked = 0;

  constructor(
    client: LanguageClient,
    private readonly mimFiles: MimFiles,
  ) {
    this.item.name = 'mimspec';
    this.subscriptions.push(
      this.item,
      client.onDidChangeState((e) => this.setState(e.newState)),
      vscode.window.onDidChangeActiveTextEditor(() => void this.follow()),
      vscode.languages.onDidChangeDiagnostics(() => this.render()),
    );
    this.setState(client.state);
    this.item.show();
  }

  /** Asks which MIM the active file belongs to (at start, once the server runs). */
  async follow(): Promise<void> {
    const ask = ++this.asked;
    const doc = vscode.window.activeTextEditor?.document;
    const mim = doc ? await this.mimFiles.mimOf(doc.uri) : undefined;
    if (ask !== this.asked) return; // another editor came to the front meanwhile
    this.mim = mim;
    this.render();
  }

  /** The findings of the active MIM's known files. */
  counts(): { errors: number; warnings: number } {
    let errors = 0;
    let warnings = 0;
    if (this.mim)
      for (const uri of this.mimFiles.filesOf(this.mim))
        for (const d of vscode.languages.getDiagnostics(uri)) {
          if (d.severity === vscode.DiagnosticSeverity.Error) errors++;
          else if (d.severity === vscode.DiagnosticSeverity.Warning) warnings++;
        }
    return { errors, warnings };
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }

  private setState(s: State): void {
    this.state = s === State.Running ? 'running' : s === State.Starting ? 'starting' : 'stopped';
    void vscode.commands.executeCommand('setContext', SERVER_STATE_KEY, this.state);
    if (this.state === 'running') void this.follow();
    else this.render();
  }

  private render(): void {
    const item = this.item;
    item.backgroundColor = undefined;
    if (this.state !== 'running') {
      const starting = this.state === 'starting';
      item.text = starting ? '$(sync~spin) mimspec' : '$(circle-slash) mimspec';
      item.tooltip = starting ? 'The mimspec language server is starting' : 'The mimspec language server is stopped';
      item.command = starting ? undefined : { title: 'Restart', command: 'mimspec.restartServer' };
      if (!starting) item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
      return;
    }
    const doc = vscode.window.activeTextEditor?.document;
    if (!this.mim || !doc) {
      item.text = '$(check) mimspec';
      item.tooltip = 'The mimspec language server is running; click to see the problems';
      item.command = { title: 'Problems', command: 'workbench.actions.view.problems' };
      return;
    }
    const { errors, warnings } = this.counts();
    item.text = `$(book) ${this.mim} $(error) ${errors} $(warning) ${warnings}`;
    item.tooltip = `${this.mim}: ${errors} errors and ${warnings} warnings in its files; click to open its preview`;
    item.command = { title: 'Open Preview', command: 'mimspec.openPreview', arguments: [doc.uri] };
  }
}
