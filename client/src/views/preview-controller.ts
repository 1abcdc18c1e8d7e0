import * as vscode from 'vscode';
import type { MimFiles } from './mim-files.js';
import { PREVIEW_VIEW_TYPE, PreviewPanel, type PreviewDeps, type PreviewState } from './preview-panel.js';
import type { FromWebview } from './protocol.js';
import { revealSource } from './reveal.js';
import { ScrollSync } from './scroll-sync.js';

/** Typing is rendered once it pauses this long (the server answers within its own budget). */
const DEBOUNCE_MS = 200;

/**
 * The live preview, one panel at a time as Markdown's: it follows the active editor to any
 * file of a MIM, renders again while the user types, keeps the editor and the preview scrolled
 * together, and answers the webview's clicks (reveal the source, open a cross-referenced MIM).
 */
export class PreviewController implements vscode.Disposable {
  /** Where the last restored preview found its file: the webview's saved state, else the workspace's. */
  restoredFrom: 'webview' | 'workspace' | undefined;
  private current: PreviewPanel | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly sync = new ScrollSync();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly deps: PreviewDeps,
    private readonly mimFiles: MimFiles,
  ) {
    this.subscriptions.push(
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
        deserializeWebviewPanel: (panel, state: unknown) => this.restore(panel, state),
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.current && e.contentChanges.length > 0 && e.document.uri.scheme === 'file') this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor((e) => void this.follow(e)),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.editorScrolled(e.textEditor)),
    );
  }

  get panel(): PreviewPanel | undefined {
    return this.current;
  }

  /** `MIM: Open Preview` (in the active column) and `... to the Side`. */
  async open(resource: vscode.Uri | undefined, toSide: boolean): Promise<PreviewPanel | undefined> {
    const editor = vscode.window.activeTextEditor;
    const uri = resource instanceof vscode.Uri ? resource : editor?.document.uri;
    if (!uri) {
      void vscode.window.showInformationMessage('Open a file of a MIM to preview it.');
      return undefined;
    }
    const column = toSide ? vscode.ViewColumn.Beside : (editor?.viewColumn ?? vscode.ViewColumn.Active);
    if (this.current) {
      this.current.panel.reveal(toSide ? undefined : column, toSide);
    } else {
      const panel = vscode.window.createWebviewPanel(
        PREVIEW_VIEW_TYPE,
        'MIM Preview',
        { viewColumn: column, preserveFocus: toSide },
        {},
      );
      this.attach(panel, uri);
    }
    await this.current!.show(uri);
    this.scrollToEditor();
    return this.current;
  }

  /** Opens the preview of the MIM a cross-reference names, through any file of it. */
  async openMim(mim: string, uri: string | undefined): Promise<void> {
    const target = uri ? vscode.Uri.parse(uri) : await findMimFile(mim);
    if (!target) {
      void vscode.window.showInformationMessage(`${mim} is not a MIM of this workspace: there is nothing to preview.`);
      return;
    }
    if (this.current) await this.current.show(target);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
    this.current?.panel.dispose();
  }

  /**
   * A preview brought back after a reload, on the file its webview saved, else the one the
   * preview showed last (public for tests). With neither, or a preview already open, the
   * panel is closed rather than left empty.
   */
  restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const saved = (state as Partial<PreviewState> | undefined)?.uri;
    const uri = typeof saved === 'string' ? saved : this.deps.lastShown.get();
    if (typeof uri !== 'string' || this.current) {
      panel.dispose();
      return Promise.resolve();
    }
    this.restoredFrom = uri === saved ? 'webview' : 'workspace';
    const source = vscode.Uri.parse(uri);
    this.attach(panel, source);
    return this.current!.show(source);
  }

  private attach(panel: vscode.WebviewPanel, source: vscode.Uri): void {
    const preview = new PreviewPanel(panel, this.deps, source);
    this.current = preview;
    preview.onMessage((m) => void this.handle(m, preview));
    preview.onDidDispose(() => {
      if (this.current === preview) this.current = undefined;
    });
  }

  /** A message of the preview's script (public for tests where no script runs). */
  async handle(m: FromWebview, preview = this.current): Promise<void> {
    if (!preview) return;
    switch (m.type) {
      case 'ready':
        this.scrollToEditor();
        return;
      case 'reveal': {
        const editor = await revealSource(m.uri, m.line, preview.panel.viewColumn);
        if (editor) this.sync.revealed(editor);
        return;
      }
      case 'scrolled': {
        const editor = vscode.window.visibleTextEditors.find((e) => sameFile(e.document.uri, m.uri));
        if (editor) this.sync.scrollEditor(editor, m.line);
        return;
      }
      case 'openMim':
        return this.openMim(m.mim, m.uri);
      default:
        return;
    }
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.current?.refresh(), DEBOUNCE_MS);
  }

  /** The preview follows the active editor to another file of a MIM (and so to its MIM). */
  private async follow(editor: vscode.TextEditor | undefined): Promise<void> {
    const preview = this.current;
    if (!preview || !editor || editor.document.uri.toString() === preview.source.toString()) return;
    const mim = await this.mimFiles.mimOf(editor.document.uri);
    if (!mim || this.current !== preview) return;
    await preview.show(editor.document.uri);
    this.scrollToEditor();
  }

  private editorScrolled(editor: vscode.TextEditor): void {
    const preview = this.current;
    if (!preview?.panel.visible || !this.mimFiles.known(editor.document.uri, preview.mim)) return;
    const line = this.sync.editorLine(editor);
    if (line !== undefined) preview.post({ type: 'scrollTo', uri: editor.document.uri.toString(), line });
  }

  /** Brings the preview to where the active editor is, when it shows a file of the MIM. */
  private scrollToEditor(): void {
    const editor = vscode.window.activeTextEditor;
    const preview = this.current;
    if (!editor || !preview || !this.mimFiles.known(editor.document.uri, preview.mim)) return;
    const line = editor.visibleRanges[0]?.start.line ?? 0;
    preview.post({ type: 'scrollTo', uri: editor.document.uri.toString(), line });
  }
}

function sameFile(uri: vscode.Uri, text: string): boolean {
  try {
    return uri.toString() === vscode.Uri.parse(text).toString();
  } catch {
    return false;
  }
}

/** A file of `mim`, from the server's workspace symbols (a MIM is a symbol named by its id). */
async function findMimFile(mim: string): Promise<vscode.Uri | undefined> {
  const symbols =
    (await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', mim)) ??
    [];
  const named = (s: vscode.SymbolInformation) =>
    s.name === mim || s.name.startsWith(`${mim} `) || s.name.startsWith(`${mim}:`);
  return symbols.find(named)?.location.uri;
}
