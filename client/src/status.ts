import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import type { MimFiles } from './views/mim-files.js';

/**
 * The status bar item: the server's state (starting, running, stopped) and, on a file of a
 * MIM, that MIM's id and its findings (the diagnostics of its files that the extension knows
 * of). A click opens the MIM's preview, or the Problems panel elsewhere. The state is also the
 * context key `mimspec.serverState`, which the command palette's `when` clauses read.
 * A server that died says so: "restarting" until it runs again, then a line in the tooltip;
 * "stopped" when it is left stopped after repeated deaths.
 */
export type ServerState = 'starting' | 'running' | 'stopped';

export const SERVER_STATE_KEY = 'mimspec.serverState';

/** A death of the server: the delay before it starts again (undefined: left stopped), and the deaths counted. */
export interface ServerDeath {
  restartIn: number | undefined;
  count: number;
}

export class Status implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('mimspec.status', vscode.StatusBarAlignment.Left, 10);
  state: ServerState = 'starting';
  /** The active file's MIM, once the server has said. */
  mim: string | undefined;
  /** The server's last unexpected death, until the user restarts it. */
  private death: { at: Date; count: number; restartIn: number | undefined; restarting: boolean } | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private asked = 0;

  constructor(
    client: LanguageClient,
    private readonly mimFiles: MimFiles,
    deaths: vscode.Event<ServerDeath>,
  ) {
    this.item.name = 'mimspec';
    this.subscriptions.push(
      this.item,
      deaths((d) => this.died(d.restartIn, d.count)),
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

  /** The server died: it starts again in `restartIn` ms, or (undefined) it is left stopped. */
  private died(restartIn: number | undefined, count: number): void {
    this.death = { at: new Date(), count, restartIn, restarting: restartIn !== undefined };
    this.render();
  }

  /** The user restarted the server: the deaths before are forgotten. */
  forgetDeaths(): void {
    this.death = undefined;
    this.render();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }

  private setState(s: State): void {
    const previous = this.state;
    this.state = s === State.Running ? 'running' : s === State.Starting ? 'starting' : 'stopped';
    // Running again, or a start that failed: the restart is over.
    if (this.death && (this.state === 'running' || (previous === 'starting' && this.state === 'stopped')))
      this.death.restarting = false;
    void vscode.commands.executeCommand('setContext', SERVER_STATE_KEY, this.state);
    if (this.state === 'running') void this.follow();
    else this.render();
  }

  private render(): void {
    const item = this.item;
    item.backgroundColor = undefined;
    const death = this.death;
    if (this.state !== 'running' && death?.restarting) {
      const when = death.restartIn ? ` in ${death.restartIn / 1000} s` : '';
      item.text = '$(sync~spin) mimspec: restarting';
      item.tooltip = `The mimspec language server stopped unexpectedly at ${clock(death.at)}: starting it again${when}`;
      item.command = this.state === 'stopped' ? { title: 'Restart now', command: 'mimspec.restartServer' } : undefined;
      return;
    }
    if (this.state !== 'running' && death) {
      item.text = '$(circle-slash) mimspec: stopped';
      item.tooltip = `The mimspec language server stopped ${death.count} times in a row and was left stopped: click to restart it`;
      item.command = { title: 'Restart', command: 'mimspec.restartServer' };
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
      return;
    }
    if (this.state !== 'running') {
      const starting = this.state === 'starting';
      item.text = starting ? '$(sync~spin) mimspec' : '$(circle-slash) mimspec';
      item.tooltip = starting ? 'The mimspec language server is starting' : 'The mimspec language server is stopped';
      item.command = starting ? undefined : { title: 'Restart', command: 'mimspec.restartServer' };
      if (!starting) item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
      return;
    }
    const doc = vscode.window.activeTextEditor?.document;
    const restarted = death
      ? `\n\nIt stopped unexpectedly at ${clock(death.at)}${death.count > 1 ? ` (${death.count} times in a row)` : ''} and was started again.`
      : '';
    if (!this.mim || !doc) {
      item.text = '$(check) mimspec';
      item.tooltip = `The mimspec language server is running; click to see the problems${restarted}`;
      item.command = { title: 'Problems', command: 'workbench.actions.view.problems' };
      return;
    }
    const { errors, warnings } = this.counts();
    item.text = `$(book) ${this.mim} $(error) ${errors} $(warning) ${warnings}`;
    item.tooltip = `${this.mim}: ${errors} errors and ${warnings} warnings in its files; click to open its preview${restarted}`;
    item.command = { title: 'Open Preview', command: 'mimspec.openPreview', arguments: [doc.uri] };
  }
}

/** A time of day as the user's locale writes it, to the second. */
function clock(d: Date): string {
  return d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}
