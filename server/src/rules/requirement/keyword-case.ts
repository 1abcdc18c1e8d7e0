import { LEVEL_STRENGTH } from '../../model/conventions.js';
import type { KeywordHit } from '../../model/elements.js';
import type { MimRule } from '../rule.js';
import { classifyHits, keywordView } from '../support/keyword-classes.js';

/**
 * requirement/keyword-case: the requirement's keywords are all in the case that does not count
 * (`should` under bcp14, `SHALL` under iso). Reported once, on the keyword that sets its level.
 */
export const requirementKeywordCase: MimRule = {
  code: 'requirement/keyword-case',
  severity: 'warning',
  summary: 'A requirement whose only keyword is in the wrong case for the convention',
  scope: 'mim',
  check(mim, ctx) {
    const view = keywordView(mim);
    const convention = view.convention;
    if (!convention) return;
    for (const r of mim.requirements) {
      if (r.keywords.length === 0) continue;
      const classes = classifyHits(r, view);
      let hit: KeywordHit | undefined;
      r.keywords.forEach((h, i) => {
        if (classes[i] === 'wrong-case' && (!hit || LEVEL_STRENGTH[h.level] > LEVEL_STRENGTH[hit.level])) hit = h;
      });
      const doc = hit && ctx.documents.get(r.file);
      if (!hit || !doc) continue;
      const written = doc.text.slice(hit.offset, hit.offset + hit.length);
      const right = convention === 'bcp14' ? written.toUpperCase() : written.toLowerCase();
      const range = doc.lines.rangeOf(hit.offset, hit.offset + hit.length);
      ctx.report({
        code: 'requirement/keyword-case',
        file: r.file,
        range,
        message: `Requirement ${r.id}: "${hit.written}" is not a keyword under ${convention}; write ${right.replace(/\s+/g, ' ')}`,
        fixes: [{ title: `Write ${right.replace(/\s+/g, ' ')}`, edits: [{ file: r.file, range, newText: right }] }],
      });
    }
  },
};
