import * as vscode from 'vscode';
import { HostedView } from './hosted-view.js';
import type { MimFiles } from './mim-files.js';
import { Requests, type FromWebview, type GraphParams, type GraphResult, type ViewServer } from './protocol.js';
import { revealSource } from './reveal.js';

export const GRAPH_VIEW_TYPE = 'mimspec.graph';
const REFRESH_MS = 800;

const BODY = `<div class="mimspec-toolbar">
  <label><input id="mimspec-workspace" type="checkbox"> Whole workspace</label>
  <button id="mimspec-fit" type="button" aria-pressed="true">Fit to window</button>
  <button id="mimspec-collapse" type="button">Collapse all</button>
  <span id="mimspec-count" class="mimspec-count"></span>
</div>
<div id="mimspec-status" class="mimspec-status" role="status" hidden></div>
<div id="mimspec-graph" class="mim-graph fit"></div>`;

/**
 * `MIM: Show MIM Graph`: the SVG of `mimspec/graph`, the active MIM with its neighbours (or the
 * whole workspace, a toggle away; without an active MIM, the workspace). A click on a
 * MIM node shows its requirements and mechanisms (or hides them again), a click on an element
 * opens its source.
 */
export class GraphView implements vscode.Disposable {
  private view: HostedView | undefined;
  private uri: string | undefined;
  /** The active MIM when the command ran; the graph shows it with its neighbours unless `whole`. */
  private focus: string | undefined;
  private whole = false;
  private readonly expanded = new Set<string>();
  private asked = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private lastAnswer: GraphResult | undefined;

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
    { focus: string | undefined; whole: boolean; expanded: string[]; answer: GraphResult | undefined } | undefined {
    return this.view && { focus: this.focus, whole: this.whole, expanded: [...this.expanded], answer: this.lastAnswer };
  }

  async open(resource?: vscode.Uri): Promise<void> {
    const uri = resource instanceof vscode.Uri ? resource : vscode.window.activeTextEditor?.document.uri;
    this.focus = uri ? await this.mimFiles.mimOf(uri) : undefined;
    this.uri = this.focus ? uri!.toString() : undefined;
    this.whole = !this.focus;
    this.expanded.clear();
    if (this.focus) this.expanded.add(this.focus);
    if (this.view) this.view.panel.reveal();
    else {
      this.view = new HostedView(this.extensionUri, vscode.ViewColumn.Beside, {
        viewType: GRAPH_VIEW_TYPE,
        title: 'MIM Graph',
        script: 'graph.js',
        body: BODY,
      });
      this.view.onMessage((m) => void this.onMessage(m));
      this.view.panel.onDidDispose(() => (this.view = undefined));
    }
    await this.load();
  }

  /** Shows or hides the requirements and mechanisms of a MIM node. */
  async toggle(id: string): Promise<void> {
    if (this.expanded.has(id)) this.expanded.delete(id);
    else this.expanded.add(id);
    await this.load();
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
    this.view?.dispose();
  }

  private async onMessage(m: FromWebview): Promise<void> {
    switch (m.type) {
      case 'expand':
        return this.toggle(m.id);
      case 'reveal':
        await revealSource(m.uri, m.line, this.view?.panel.viewColumn);
        return;
      case 'scope':
        this.whole = m.scope === 'workspace' || !this.focus;
        return this.load();
      case 'collapse':
        this.expanded.clear();
        return this.load();
      default:
        return;
    }
  }

  private async load(): Promise<void> {
    const view = this.view;
    if (!view) return;
    const ask = ++this.asked;
    const params: GraphParams = {
      ...(this.uri ? { uri: this.uri } : {}),
      ...(this.focus && !this.whole ? { focus: this.focus } : {}),
      expand: [...this.expanded],
    };
    let answer: GraphResult;
    try {
      answer = await this.server.request<GraphResult>(Requests.graph, params);
    } catch (e) {
      if (ask === this.asked)
        view.post({ type: 'status', text: `The graph could not be drawn: ${e instanceof Error ? e.message : e}` });
      return;
    }
    if (ask !== this.asked || this.view !== view) return;
    this.lastAnswer = answer;
    view.panel.title = this.focus && !this.whole ? `MIM Graph: ${this.focus}` : 'MIM Graph';
    view.show({
      type: 'update',
      html: answer.svg,
      nodes: answer.nodes,
      edges: answer.edges,
      truncated: answer.truncated ?? null,
      expanded: [...this.expanded],
      focus: this.focus ?? null,
      whole: this.whole,
    });
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.load(), REFRESH_MS);
  }
}
