import {
  DiagnosticSeverity,
  type AnnotatedTextEdit,
  type ClientCapabilities,
  type Diagnostic,
  type Location as LspLocation,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { RenameResult } from '../features/rename.js';
import { byPlace } from '../features/support/places.js';
import type { Finding, TextEdit } from '../model/finding.js';
import type { Location } from '../model/range.js';
import { ruleUrl, ruleInfo } from '../rules/catalogue.js';
import { pathToUri } from './uri.js';

/** Engine → protocol. Positions are the same unit (zero-based line, UTF-16 column), so ranges pass through. */
const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
} as const;

export function toDiagnostic(f: Finding): Diagnostic {
  const d: Diagnostic = {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.code,
    source: 'mimspec',
    message: f.message,
  };
  if (ruleInfo(f.code)) d.codeDescription = { href: ruleUrl(f.code) };
  if (f.related?.length)
    d.relatedInformation = f.related.map((r) => ({
      location: { uri: pathToUri(r.file), range: r.range },
      message: r.message,
    }));
  return d;
}

export function toLocation(l: Location): LspLocation {
  return { uri: pathToUri(l.file), range: l.range };
}

/** Groups engine edits by file into one workspace edit. */
export function toWorkspaceEdit(edits: readonly TextEdit[]): WorkspaceEdit {
  const changes: Record<string, LspTextEdit[]> = {};
  for (const e of edits) (changes[pathToUri(e.file)] ??= []).push({ range: e.range, newText: e.newText });
  return { changes };
}

const RENUMBERING = 'mimspec.renumbering';

/**
 * A rename as one workspace edit. The renumbering of a capability's requirements goes to a
 * client that takes change annotations (in document changes) as annotated edits that need
 * confirmation, so the user reviews it before accepting; any other client gets it as plain
 * edits, since a capability renamed without it leaves every one of its requirements in error.
 */
export function toRenameEdit(result: RenameResult, client: ClientCapabilities): WorkspaceEdit {
  const group = result.renumbering;
  const support = client.workspace?.workspaceEdit;
  if (!group) return toWorkspaceEdit(result.edits);
  if (!support?.documentChanges || !support.changeAnnotationSupport)
    return toWorkspaceEdit([...result.edits, ...group.edits].sort(byPlace));
  const byUri = new Map<string, (LspTextEdit | AnnotatedTextEdit)[]>();
  const annotated = new Set(group.edits);
  for (const e of [...result.edits, ...group.edits].sort(byPlace)) {
    const uri = pathToUri(e.file);
    let edits = byUri.get(uri);
    if (!edits) byUri.set(uri, (edits = []));
    edits.push(
      annotated.has(e)
        ? { range: e.range, newText: e.newText, annotationId: RENUMBERING }
        : { range: e.range, newText: e.newText },
    );
  }
  return {
    // Version null, as plain `changes` have none: the client applies the edits to the text it has.
    documentChanges: [...byUri].map(([uri, edits]) => ({ textDocument: { uri, version: null }, edits })),
    changeAnnotations: {
      [RENUMBERING]: { label: group.label, description: group.description, needsConfirmation: true },
    },
  };
}
