import type { DocumentModel } from '../model/document.js';
import { elementsOf } from '../model/elements.js';
import type { Workspace } from '../workspace/workspace.js';
import { topLevelEntryEnd } from './support/yaml-context.js';

export interface FoldingRange {
  startLine: number;
  endLine: number;
  kind: 'section' | 'gitbook' | 'table' | 'code' | 'part' | 'element';
}

/**
 * Folding: Markdown sections, GitBook blocks (`{% hint %}` to `{% endhint %}`), tables and
 * code blocks; in YAML the parts and the maps of capabilities, requirements, mechanisms,
 * guidance and tests.
 */
export function foldingRanges(ws: Workspace, file: string): FoldingRange[] {
  const doc = ws.document(file);
  if (!doc) return [];
  const out = doc.kind === 'markdown' ? markdownFolds(doc) : yamlFolds(doc);
  const seen = new Set<string>();
  return out
    .filter((f) => f.endLine > f.startLine)
    .sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine)
    .filter((f) => {
      const key = `${f.startLine}:${f.endLine}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

function markdownFolds(doc: DocumentModel): FoldingRange[] {
  const out: FoldingRange[] = doc.sections.map((s) => ({
    startLine: s.headingRange.start.line,
    endLine: s.range.end.line,
    kind: 'section',
  }));
  const open: { name: string; line: number }[] = [];
  for (const t of doc.gitbookTags) {
    if (t.kind === 'open') open.push({ name: t.name, line: t.range.start.line });
    else {
      const i = open.map((o) => o.name).lastIndexOf(t.name);
      if (i >= 0) out.push({ startLine: open.splice(i, 1)[0].line, endLine: t.range.end.line, kind: 'gitbook' });
    }
  }
  let tableEnd = -1;
  for (const b of doc.blocks) {
    const line = doc.lines.positionAt(b.start).line;
    if (b.kind === 'code') out.push({ startLine: line, endLine: doc.lines.positionAt(b.end).line, kind: 'code' });
    if (b.kind !== 'table-cell' || line <= tableEnd) continue;
    // The separator row holds no cells, so the table's extent is read from its lines.
    tableEnd = line;
    while (tableEnd + 1 < doc.lines.lineCount && /^\s*\|/.test(doc.lines.lineText(tableEnd + 1))) tableEnd++;
    out.push({ startLine: line, endLine: tableEnd, kind: 'table' });
  }
  return out;
}

function yamlFolds(doc: DocumentModel): FoldingRange[] {
  const out: FoldingRange[] = doc.parts.map((p) => ({
    startLine: p.range.start.line,
    endLine: topLevelEntryEnd(doc, p.range.start.line).line,
    kind: 'part',
  }));
  for (const e of elementsOf(doc))
    out.push({ startLine: e.range.start.line, endLine: e.range.end.line, kind: 'element' });
  return out;
}
