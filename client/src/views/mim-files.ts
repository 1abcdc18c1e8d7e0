import * as vscode from 'vscode';
import { Requests, type PreviewResult, type ViewServer } from './protocol.js';

/**
 * Which files belong to a MIM, as the server answers: the context key `mimspec.mimFiles` (the
 * paths of those files) lets menus and keybindings show on MIM files only, so a Markdown file
 * outside any MIM keeps the Markdown preview's keys. A file is asked about once it becomes the
 * active editor; every preview answer names more files (its elements' `data-uri`).
 */
export const MIM_FILES_KEY = 'mimspec.mimFiles';

const DATA_URI = /\bdata-uri="([^"]+)"/g;

export class MimFiles implements vscode.Disposable {
  /** File URI → its MIM id, for files known to belong to one. */
  private readonly mims = new Map<string, string>();
  /** Files the server said belong to no MIM, until the workspace's files change. */
  private readonly outside = new Set<string>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private published = '';

  constructor(private readonly server: ViewServer) {
    const forget = () => this.outside.clear();
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor((e) => void this.ask(e?.document)),
      vscode.workspace.onDidCreateFiles(forget),
      vscode.workspace.onDidDeleteFiles(forget),
      vscode.workspace.onDidRenameFiles(forget),
      vscode.workspace.onDidSaveTextDocument(forget),
    );
  }

  /** Asks about the active editor's file (at start, once the server runs). */
  start(): void {
    void this.ask(vscode.window.activeTextEditor?.document);
  }

  /** The MIM `uri` belongs to, asking the server when the answer is not known. */
  async mimOf(uri: vscode.Uri): Promise<string | undefined> {
    const key = uri.toString();
    const known = this.mims.get(key);
    if (known) return known;
    if (this.outside.has(key) || !candidate(uri)) return undefined;
    let answer: PreviewResult | null;
    try {
      answer = await this.server.request<PreviewResult | null>(Requests.preview, { uri: key });
    } catch {
      return undefined;
    }
    this.learn(uri, answer);
    return answer?.mim ?? undefined;
  }

  /** The files known to belong to `mim`. */
  filesOf(mim: string): vscode.Uri[] {
    return [...this.mims].filter(([, m]) => m === mim).map(([k]) => vscode.Uri.parse(k));
  }

  /** Forgets every answer: new files (a new MIM's config or SUMMARY.md) can regroup the others. */
  forget(): void {
    this.mims.clear();
    this.outside.clear();
  }

  /** Whether `uri` is known to belong to `mim` (no question asked). */
  known(uri: vscode.Uri, mim: string | undefined): boolean {
    return mim !== undefined && this.mims.get(uri.toString()) === mim;
  }

  /** Records what a preview answer says of `uri` and of the files its elements come from. */
  learn(uri: vscode.Uri, answer: PreviewResult | null): void {
    const key = uri.toString();
    if (!answer?.mim) {
      this.mims.delete(key);
      this.outside.add(key);
    } else {
      this.outside.delete(key);
      this.mims.set(key, answer.mim);
      for (const m of answer.html.matchAll(DATA_URI)) {
        const file = unescapeAttr(m[1]!);
        if (!file.startsWith('file:')) continue;
        // The server's spelling of a URI may differ from VS Code's (percent-encoding).
        const normal = vscode.Uri.parse(file).toString();
        if (!this.mims.has(normal)) this.mims.set(normal, answer.mim);
      }
    }
    this.publish();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }

  private async ask(doc: vscode.TextDocument | undefined): Promise<void> {
    if (doc) await this.mimOf(doc.uri);
  }

  private publish(): void {
    const paths = [...this.mims.keys()].map((k) => vscode.Uri.parse(k).fsPath).sort();
    const value = paths.join('\n');
    if (value === this.published) return;
    this.published = value;
    void vscode.commands.executeCommand('setContext', MIM_FILES_KEY, paths);
  }
}

/** Files the server could count in a MIM: Markdown pages and `*.mim.yaml` on disk. */
function candidate(uri: vscode.Uri): boolean {
  return uri.scheme === 'file' && /\.(md|mim\.ya?ml)$/i.test(uri.path);
}

function unescapeAttr(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
