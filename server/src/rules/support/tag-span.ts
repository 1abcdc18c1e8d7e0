import type { DocumentModel } from '../../model/document.js';
import type { TextSpan } from '../../model/elements.js';
import type { Range } from '../../model/range.js';

/** Where a citation tag's characters are within a range that holds `[tag]`, a quoted scalar or the bare tag. */
export function tagSpan(doc: DocumentModel, range: Range, tag: string): TextSpan | undefined {
  const start = doc.lines.offsetAt(range.start);
  const at = doc.text.slice(start, doc.lines.offsetAt(range.end)).indexOf(tag);
  return at < 0 ? undefined : { start: start + at, end: start + at + tag.length };
}
