import type { DocumentModel } from '../../model/document.js';
import type { TextEdit } from '../../model/finding.js';
import type { Range } from '../../model/range.js';
import type { Citation } from '../../model/elements.js';
import type { MimRule } from '../rule.js';
import { tagSpan } from '../support/tag-span.js';

/** An edit at the start of `tag` within `range`: inserts `b-`, or deletes it. */
function prefixEdit(
  doc: DocumentModel | undefined,
  file: string,
  range: Range,
  tag: string,
  add: boolean,
): TextEdit | undefined {
  const span = doc && tagSpan(doc, range, tag);
  if (!doc || !span) return undefined;
  return { file, range: doc.lines.rangeOf(span.start, span.start + (add ? 0 : 2)), newText: add ? 'b-' : '' };
}

/**
 * cite/bibliography-prefix: a bibliography tag without `b-`, or a normative one with it. The
 * quick fix renames the entry and every citation of it in the MIM.
 */
export const citeBibliographyPrefix: MimRule = {
  code: 'cite/bibliography-prefix',
  severity: 'warning',
  summary: 'A bibliography tag without b-, or a normative one with it',
  scope: 'mim',
  check(mim, ctx) {
    const wrong = mim.references.filter((r) => (r.kind === 'bibliography') !== r.tag.startsWith('b-'));
    if (wrong.length === 0) return;
    const wanted = new Set(wrong.map((r) => r.tag));
    const citations = new Map<string, Citation[]>();
    for (const doc of mim.documents) {
      for (const c of doc.citations) {
        if (!wanted.has(c.tag)) continue;
        const list = citations.get(c.tag);
        if (list) list.push(c);
        else citations.set(c.tag, [c]);
      }
    }
    for (const r of wrong) {
      const add = r.kind === 'bibliography';
      const renamed = add ? `b-${r.tag}` : r.tag.slice(2);
      const places = [{ file: r.file, range: r.tagRange }, ...(citations.get(r.tag) ?? [])];
      const edits = places.flatMap((p) => prefixEdit(ctx.documents.get(p.file), p.file, p.range, r.tag, add) ?? []);
      ctx.report({
        code: 'cite/bibliography-prefix',
        file: r.file,
        range: r.tagRange,
        message: add
          ? `Bibliography tag "${r.tag}" does not start with b-`
          : `Normative reference tag "${r.tag}" starts with b-, which marks the bibliography`,
        fixes: [{ title: `Rename the reference to ${renamed}`, edits }],
      });
    }
  },
};
