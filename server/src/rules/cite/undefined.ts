import type { Citation } from '../../model/elements.js';
import type { DocumentModel } from '../../model/document.js';
import type { Fix } from '../../model/finding.js';
import type { MimRule } from '../rule.js';
import { tagSpan } from '../support/tag-span.js';

/** The tag meant, when the citation differs only by the `b-` prefix or by case. */
function nearTag(tag: string, tags: Set<string>, byLower: Map<string, string>): string | undefined {
  const other = tag.startsWith('b-') ? tag.slice(2) : `b-${tag}`;
  if (tags.has(other)) return other;
  return byLower.get(tag.toLowerCase()) ?? byLower.get(other.toLowerCase());
}

/** Replaces the tag inside a citation's range, which holds `[tag]` in text or the bare tag in `standards`. */
function retag(c: Citation, doc: DocumentModel, tag: string): Fix[] | undefined {
  const span = tagSpan(doc, c.range, c.tag);
  return (
    span && [
      { title: `Cite ${tag}`, edits: [{ file: c.file, range: doc.lines.rangeOf(span.start, span.end), newText: tag }] },
    ]
  );
}

/**
 * cite/undefined: a citation tag that is not an entry of the MIM's references. A MIM without
 * any reference list (a Markdown repository, mostly) is not checked.
 */
export const citeUndefined: MimRule = {
  code: 'cite/undefined',
  severity: 'error',
  summary: 'A citation tag that is not in the references',
  scope: 'mim',
  check(mim, ctx) {
    if (mim.references.length === 0) return;
    const tags = new Set(mim.references.map((r) => r.tag));
    const byLower = new Map(mim.references.map((r) => [r.tag.toLowerCase(), r.tag]));
    for (const doc of mim.documents) {
      for (const c of doc.citations) {
        if (tags.has(c.tag)) continue;
        const near = nearTag(c.tag, tags, byLower);
        ctx.report({
          code: 'cite/undefined',
          file: c.file,
          range: c.range,
          message: `"${c.tag}" is cited but not in the references${near ? `; did you mean "${near}"?` : ''}`,
          fixes: near ? retag(c, doc, near) : undefined,
        });
      }
    }
  },
};
