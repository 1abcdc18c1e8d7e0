import type { DocumentModel } from '../../model/document.js';
import type { Link } from '../../model/elements.js';

/** The links of a SUMMARY.md that are its entries: the first link on the line each entry starts. */
export function summaryLinks(doc: DocumentModel): Map<number, Link> {
  const byLine = new Map<number, Link>();
  if (doc.role !== 'summary' || doc.summary.length === 0) return byLine;
  const entryLines = new Set(doc.summary.map((e) => e.range.start.line));
  for (const link of doc.links) {
    const line = link.range.start.line;
    if (entryLines.has(line) && !byLine.has(line)) byLine.set(line, link);
  }
  return byLine;
}
