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
import { isServed, isServedAlone } from './served.js';
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

/** Whether two lists of diagnostics say the same, field by field (no serialising). */
export function sameDiagnostics(a: readonly Diagnostic[] | undefined, b: readonly Diagnostic[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.code !== y.code || x.severity !== y.severity || x.message !== y.message || !sameRange(x.range, y.range))
      return false;
    const rx = x.relatedInformation ?? [];
    const ry = y.relatedInformation ?? [];
    if (rx.length !== ry.length) return false;
    for (let j = 0; j < rx.length; j++) {
      const p = rx[j];
      const q = ry[j];
      if (
        p.message !== q.message ||
        p.location.uri !== q.location.uri ||
        !sameRange(p.location.range, q.location.range)
      )
        return false;
    }
  }
  return true;
}

const sameRange = (a: Diagnostic['range'], b: Diagnostic['range']) =>
  a.start.line === b.start.line &&
  a.start.character === b.start.character &&
  a.end.line === b.end.line &&
  a.end.character === b.end.character;

/**
 * Diagnostics, pushed (debounced per document) or pulled where the client asks for them; a
 * client that pulls is sent none. A change anywhere can change findings elsewhere (an id
 * renamed, a page deleted), so every open document is re-published when its findings differ
 * from what the client has, and a pulling client is asked to pull again.
 *
 * Before the first scan is done, a document opened or edited gets at once the findings that
 * the rest of the workspace cannot change (`Workspace.checkAlone`); the full findings follow
 * when the scan is done, published only where they differ.
 */
export class DiagnosticsPublisher {
  pull = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly sent = new Map<string, Diagnostic[]>();
  /** Whether the first scan is done: until then, only the findings of a document alone are published. */
  private scanned = false;
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
      const uri = params.textDocument.uri;
      // An open document is answered what it alone tells, and asked again (refresh) once the scan is done.
      const alone = !this.scanned && this.documents.get(uri) ? await this.aloneOf(uri) : undefined;
      if (alone && !this.scanned) return pullReport(alone, params.previousResultId);
      await this.ready();
      return pullReport(this.diagnosticsOf(uri), params.previousResultId);
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
   * little longer, more for big documents (by their length: counting their lines would make the
   * editor's copy build its table of lines at every keystroke), so that the burst is checked once.
   */
  changed(uri: string, length: number): void {
    this.edited.add(uri);
    if (!this.scanned && !this.timer) {
      // Before the scan is done: at once, ahead of the requests that follow (a hover then builds the index read so far).
      void this.flushAlone();
      return;
    }
    this.schedule(this.timer ? Math.min(40, 5 + Math.floor(length / 40_000)) : 0);
  }

  /**
   * The first scan and check are done: every open document's full findings go out now, before
   * the server reports the end of its progress, so that a client seeing the end has them.
   */
  scanDone(): void {
    this.scanned = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.flush();
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
      if (this.scanned) this.flush();
      else void this.flushAlone();
    }, delay);
  }

  /** Before the first scan is done: each edited document's findings of its own, at once. */
  private async flushAlone(): Promise<void> {
    if (this.pull) return;
    for (const uri of [...this.edited]) {
      const doc = this.documents.get(uri);
      if (!doc) {
        this.edited.delete(uri);
        continue;
      }
      const diagnostics = await this.aloneOf(uri);
      // The full check took over, or a newer version is on its way: this answer is nobody's.
      if (this.scanned || this.documents.get(uri)?.version !== doc.version || !this.edited.has(uri)) continue;
      if (!diagnostics) continue;
      this.edited.delete(uri);
      this.sent.set(uri, diagnostics);
      void this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
    }
  }

  /** A document's findings that hold whatever the rest of the workspace is; undefined when it cannot tell yet. */
  private async aloneOf(uri: string): Promise<Diagnostic[] | undefined> {
    const path = uriToPath(uri);
    if (!path) return undefined;
    const ws = this.workspace();
    try {
      const findings = await ws.checkAlone(path);
      if (!findings || !(await isServedAlone(ws, path))) return undefined;
      return findings.map(toDiagnostic);
    } catch (e) {
      this.connection.console.error(
        `mimspec: early check of ${path} failed: ${e instanceof Error ? e.message : String(e)}`,
      );
      return undefined;
    }
  }

  private flush(): void {
    if (this.pull) {
      void this.connection.languages.diagnostics.refresh().catch(() => undefined);
      return;
    }
    for (const doc of this.documents.all()) {
      const diagnostics = this.diagnosticsOf(doc.uri);
      if (!this.edited.has(doc.uri) && sameDiagnostics(this.sent.get(doc.uri), diagnostics)) continue;
      this.sent.set(doc.uri, diagnostics);
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
