import { DocumentDiagnosticReportKind, type Connection, type Diagnostic, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Workspace } from '../workspace/workspace.js';
import { toDiagnostic } from './convert.js';
import { isServed } from './served.js';
import { pathToUri, uriToPath } from './uri.js';

/**
 * Diagnostics, pushed (debounced per document) or pulled where the client asks for them.
 * A change anywhere can change findings elsewhere (an id renamed, a page deleted), so every
 * open document is re-published when its findings differ from what the client has.
 */
export class DiagnosticsPublisher {
  pull = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly sent = new Map<string, string>();
  /** Documents edited since the last publish: they get a report for their new version even when it says the same. */
  private readonly edited = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly workspace: () => Workspace,
    private readonly documents: TextDocuments<TextDocument>,
    /** Findings mean something only once the first scan is done. */
    private readonly ready: () => Promise<void>,
  ) {
    connection.languages.diagnostics.on(async (params) => {
      await this.ready();
      const items = this.diagnosticsOf(params.textDocument.uri);
      return { kind: DocumentDiagnosticReportKind.Full, items };
    });
    connection.languages.diagnostics.onWorkspace(async () => {
      await this.ready();
      const ws = this.workspace();
      const findings = ws.check();
      const items = [...ws.documents.keys()]
        .filter((file) => isServed(ws, file))
        .map((file) => ({
          kind: DocumentDiagnosticReportKind.Full as typeof DocumentDiagnosticReportKind.Full,
          uri: pathToUri(file),
          version: this.documents.get(pathToUri(file))?.version ?? null,
          items: (findings.get(file) ?? []).map(toDiagnostic),
        }));
      return { items };
    });
  }

  usePull(pull: boolean): void {
    this.pull = pull;
  }

  /**
   * A document changed: publish at once when nothing was waiting (its text is parsed already);
   * when a publication was still due, a burst of keystrokes is under way, and it waits a
   * little longer, more for big documents, so that the burst is checked once.
   */
  changed(uri: string, lineCount: number): void {
    this.edited.add(uri);
    this.schedule(this.timer ? Math.min(40, 5 + Math.floor(lineCount / 1000)) : 0);
  }

  workspaceChanged(): void {
    this.schedule(10);
  }

  closed(uri: string): void {
    this.sent.delete(uri);
    if (!this.pull) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.ready().then(() => this.flush());
    }, delay);
  }

  private flush(): void {
    if (this.pull) {
      void this.connection.languages.diagnostics.refresh().catch(() => undefined);
      return;
    }
    for (const doc of this.documents.all()) {
      const diagnostics = this.diagnosticsOf(doc.uri);
      const key = JSON.stringify(diagnostics);
      if (this.sent.get(doc.uri) === key && !this.edited.has(doc.uri)) continue;
      this.sent.set(doc.uri, key);
      void this.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
    }
    this.edited.clear();
  }

  private diagnosticsOf(uri: string): Diagnostic[] {
    const path = uriToPath(uri);
    const ws = this.workspace();
    if (!path || !isServed(ws, path)) return [];
    return (ws.check().get(path) ?? []).map(toDiagnostic);
  }
}
