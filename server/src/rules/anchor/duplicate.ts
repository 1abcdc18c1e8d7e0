import type { DocumentModel } from '../../model/document.js';
import type { Anchor } from '../../model/elements.js';
import { compareRanges } from '../../model/range.js';
import type { DocumentRule } from '../rule.js';

/** Whether two anchors sit on one line, or on lines with only blank lines between them. */
function adjacent(doc: DocumentModel, a: Anchor, b: Anchor): boolean {
  const from = a.range.start.line;
  const to = b.range.start.line;
  if (to - from > 3) return false;
  for (let line = from + 1; line < to; line++) if (doc.lines.lineText(line).trim() !== '') return false;
  return true;
}

/**
 * anchor/duplicate: the same anchor id twice in one page: an `<a id>` repeated, or equal to a
 * heading's slug. Heading slugs never repeat (GitHub numbers them `-1`, `-2`), and an `<a id>`
 * on its heading's line, or just above or below it, lands where the heading does: neither is reported.
 */
export const anchorDuplicate: DocumentRule = {
  code: 'anchor/duplicate',
  severity: 'error',
  summary: 'The same anchor id twice in one page',
  scope: 'document',
  check(doc, ctx) {
    if (!doc.anchors.some((a) => a.source === 'html')) return;
    const first = new Map<string, Anchor>();
    for (const a of [...doc.anchors].sort((x, y) => compareRanges(x.range, y.range))) {
      const seen = first.get(a.id);
      if (!seen) {
        first.set(a.id, a);
        continue;
      }
      if (seen.source !== a.source && adjacent(doc, seen, a)) continue;
      const line = seen.range.start.line + 1;
      const where = seen.source === 'heading' ? `by the heading on line ${line}` : `on line ${line}`;
      ctx.report({
        code: 'anchor/duplicate',
        file: doc.file,
        range: a.range,
        message: `Anchor "${a.id}" is already defined ${where} of this page`,
        related: [{ file: doc.file, range: seen.range, message: `first definition of "${a.id}"` }],
      });
    }
  },
};
