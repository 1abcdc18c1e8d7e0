import type { MimRule } from '../rule.js';

/** cite/unused: a reference that no text of the MIM cites and no mechanism lists in its `standards`. */
export const citeUnused: MimRule = {
  code: 'cite/unused',
  severity: 'info',
  summary: 'A reference that is never cited',
  scope: 'mim',
  check(mim, ctx) {
    if (mim.references.length === 0) return;
    const cited = new Set<string>();
    for (const doc of mim.documents) for (const c of doc.citations) cited.add(c.tag);
    for (const m of mim.mechanisms) for (const s of m.standards) cited.add(s);
    for (const r of mim.references) {
      if (cited.has(r.tag)) continue;
      ctx.report({
        code: 'cite/unused',
        file: r.file,
        range: r.tagRange,
        message: `Reference "${r.tag}" is never cited`,
      });
    }
  },
};
