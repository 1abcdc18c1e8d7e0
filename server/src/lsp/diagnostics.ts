import { createHash } from 'node:crypto';
import {
  DocumentDiagnosticReportKind,
  type Connection,
  type Diagnostic,
  type FullDocumentDiagnosticReport,
  type TextDocuments,
  type UnchangedDocumentDiagnosticReport,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Workspace } from '../workspace/workspace.js';
import { toDiagnostic } from './convert.js';
import { isServed } from './served.js';
import { pathToUri, uriToPath } from './uri.js';

/**
 * A pulled report: its id is a digest of the findings, so the client that holds them already
 * (it sends their id back) is answered `unchanged`, and a change of findings gives a new id.
 */
function pullReport(
  items: Diagnostic[],
  previousResultId: string | undefined,
): FullDocumentDiagnosticReport | UnchangedDocumentDiagnosticReport {
  const resultId = createHash('sha1').update(JSON.stringify(items)).digest('base64url');
  if (resultId === previousResultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
  return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
}

/**
 * Diagnostics, pushed (debounced per document) or pulled where the client asks for them; a
 * client that pulls is sent none. A change anywhere can change findings elsewhere (an id
 * renamed, a page deleted), so every open document is re-published when its findings differ
 * from what the client has, and a pulling client is asked to pull again.
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
      return pullReport(this.diagnosticsOf(params.textDocument.uri), params.previousResultId);
    });
    connection.languages.diagnostics.onWorkspace(async (params) => {
      await this.ready();
      const ws = this.workspace();
      const findings = ws.check();
      const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value]));
      // The configs too: a mimspec.yaml's problems are findings on it, as `check` reports them.
      const configs = ws.configFiles().flatMap((c) => (c.file && !ws.documents.has(c.file) ? [c.file] : []));
      const items = [...ws.documents.keys(), ...configs]
        .filter((file) => isServed(ws, file))
        .map((file) => {
          const uri = pathToUri(file);
          const report = pullReport((findings.get(file) ?? []).map(toDiagnostic), previous.get(uri));
          return { ...report, uri, version: this.documents.get(uri)?.version ?? null };
        });
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
