import * as vscode from 'vscode';
import { saveText } from './export.js';
import { HostedView } from './hosted-view.js';
import type { MimFiles } from './mim-files.js';
import {
  Requests,
  type FromWebview,
  type MatrixCsvResult,
  type MatrixParams,
  type MatrixResult,
  type MatrixScope,
  type ViewServer,
} from './protocol.js';
import { revealSource } from './reveal.js';

export const MATRIX_VIEW_TYPE = 'mimspec.matrix';
/** Rows asked at a time; more are asked as the table is scrolled to its end. */
const PAGE = 200;
const REFRESH_MS = 500;

const BODY = `<div class="mimspec-toolbar">
  <input id="mimspec-filter" type="search" placeholder="Filter: ids, text, unsatisfied, untested…" aria-label="Filter rows">
  <label><input id="mimspec-workspace" type="checkbox"> Whole workspace</label>
  <button id="mimspec-export" type="button">Export CSV</button>
  <span id="mimspec-count" class="mimspec-count"></span>
</div>
<div id="mimspec-status" class="mimspec-status" role="status" hidden></div>
<div id="mimspec-summary" class="mim-matrix-summary"></div>
<div id="mimspec-matrix" class="mim-matrix"></div>
<div id="mimspec-more" class="mimspec-more"></div>`;

/**
 * `MIM: Show Traceability Matrix`: the rows of `mimspec/matrix`, a page at a time, for the
 * active MIM or the whole workspace, filtered as the user types; a cell opens its source.
 */
export class MatrixView implements vscode.Disposable {
  private view: HostedView | undefined;
  private uri: string | undefined;
  private mim: string | undefined;
  private scope: MatrixScope = 'workspace';
  private filter = '';
  private loaded = 0;
  private total = 0;
  private asked = 0;
  private loading = false;
  private timer: NodeJS.Timeout | undefined;
  /** The summary shown, for its scope and the workspace as it was: a new filter shows the same one. */
  private summary: { scope: string; html: string } | undefined;
  /** How many answers brought a summary, for tests. */
  private summaries = 0;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly server: ViewServer,
    private readonly mimFiles: MimFiles,
    private readonly extensionUri: vscode.Uri,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.view && e.contentChanges.length > 0 && e.document.uri.scheme === 'file') this.schedule();
      }),
    );
  }

  /** What is shown, for tests. */
  get shown():
    { scope: MatrixScope; mim: string | undefined; loaded: number; total: number; summaries: number } | undefined {
    const { scope, mim, loaded, total, summaries } = this;
    return this.view && { scope, mim, loaded, total, summaries };
  }

  async open(resource?: vscode.Uri): Promise<void> {
    const uri = resource instanceof vscode.Uri ? resource : vscode.window.activeTextEditor?.document.uri;
    this.mim = uri ? await this.mimFiles.mimOf(uri) : undefined;
    this.uri = this.mim ? uri!.toString() : undefined;
    this.scope = this.mim ? 'mim' : 'workspace';
    if (this.view) this.view.panel.reveal();
    else {
      this.view = new HostedView(this.extensionUri, vscode.ViewColumn.Beside, {
        viewType: MATRIX_VIEW_TYPE,
        title: 'Traceability Matrix',
        script: 'matrix.js',
        body: BODY,
      });
      this.view.onMessage((m) => void this.onMessage(m));
      this.view.panel.onDidDispose(() => (this.view = undefined));
    }
    await this.load(true);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
    this.view?.dispose();
  }

  private async onMessage(m: FromWebview): Promise<void> {
    switch (m.type) {
      case 'ready':
        return this.load(true);
      case 'more':
        if (!this.loading && this.loaded < this.total) await this.load(false);
        return;
      case 'filter':
        this.filter = m.filter;
        return this.load(true, true);
      case 'scope':
        this.scope = m.scope === 'mim' && this.uri ? 'mim' : 'workspace';
        return this.load(true);
      case 'reveal':
        await revealSource(m.uri, m.line, this.view?.panel.viewColumn);
        return;
      case 'exportCsv':
        await this.exportCsv();
        return;
      default:
        return;
    }
  }

  /** Exports the rows of the scope shown (every row: the filter is the view's, not the file's). */
  async exportCsv(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const answer = await this.server.request<MatrixCsvResult>(Requests.matrixCsv, this.params());
    const name = `${this.scope === 'mim' && this.mim ? this.mim : 'workspace'}-traceability.csv`;
    return saveText(answer.csv, name, { 'CSV files': ['csv'] }, target);
  }

  private params(): MatrixParams {
    return { scope: this.scope, ...(this.scope === 'mim' && this.uri ? { uri: this.uri } : {}) };
  }

  /**
   * Asks for the first page again (`reset`, as many rows as shown) or the next one. The summary
   * (coverage and unknown ids, the larger part of an answer) is asked with a first page only,
   * and not again for a new filter (`sameSummary`) while the scope and the workspace are the same.
   */
  private async load(reset: boolean, sameSummary = false): Promise<void> {
    const view = this.view;
    if (!view) return;
    const ask = ++this.asked;
    const offset = reset ? 0 : this.loaded;
    const limit = reset ? Math.max(PAGE, Math.min(this.loaded, 10 * PAGE)) : PAGE;
    // The summary depends on what the request asks besides the rows: its scope (and MIM).
    const scopeKey = JSON.stringify(this.params());
    const summary = reset && !(sameSummary && this.summary?.scope === scopeKey);
    this.loading = true;
    let answer: MatrixResult;
    try {
      answer = await this.server.request<MatrixResult>(Requests.matrix, {
        ...this.params(),
        offset,
        limit,
        ...(this.filter ? { filter: this.filter } : {}),
        ...(summary ? {} : { summary: false }),
      });
    } catch (e) {
      if (ask === this.asked) view.post({ type: 'status', text: `The matrix could not be read: ${errorText(e)}` });
      return;
    } finally {
      if (ask === this.asked) this.loading = false;
    }
    if (ask !== this.asked || this.view !== view) return;
    if (summary) {
      this.summary = { scope: scopeKey, html: answer.summaryHtml ?? '' };
      this.summaries++;
    }
    this.total = answer.total;
    this.loaded = reset ? answer.count : this.loaded + answer.count;
    const scope = { scope: this.scope, mim: this.mim ?? null, filter: this.filter };
    const counts = { total: answer.total, loaded: this.loaded };
    if (reset) {
      view.panel.title = this.scope === 'mim' && this.mim ? `Traceability ${this.mim}` : 'Traceability Matrix';
      view.show({ type: 'update', html: answer.html, summaryHtml: this.summary?.html ?? '', ...scope, ...counts });
    } else view.post({ type: 'append', html: answer.html, ...counts });
  }

  private schedule(): void {
    // The workspace changed: its summary is asked again with the refreshed page.
    this.summary = undefined;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.load(true), REFRESH_MS);
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
