import { DiagnosticSeverity, type Diagnostic, type Location as LspLocation, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { Finding, TextEdit } from '../model/finding.js';
import type { Location } from '../model/range.js';
import { ruleUrl, ruleInfo } from '../rules/catalogue.js';
import { pathToUri } from './uri.js';

/** Engine → protocol. Positions are the same unit (zero-based line, UTF-16 column), so ranges pass through. */
const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

export function toDiagnostic(f: Finding): Diagnostic {
  const d: Diagnostic = {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.code,
    source: 'mimspec',
    message: f.message,
  };
  if (ruleInfo(f.code)) d.codeDescription = { href: ruleUrl(f.code) };
  if (f.related?.length) d.relatedInformation = f.related.map((r) => ({ location: { uri: pathToUri(r.file), range: r.range }, message: r.message }));
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
