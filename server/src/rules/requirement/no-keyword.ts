import type { MimRule } from '../rule.js';
import { classifyHits, KEYWORD_EXAMPLES, keywordView } from '../support/keyword-classes.js';

/**
 * requirement/no-keyword: no keyword of the declared convention in any case (of any set, where
 * nothing is declared). A requirement whose only keyword belongs to another convention is left
 * to conventions/mismatch, which names that keyword.
 */
export const requirementNoKeyword: MimRule = {
  code: 'requirement/no-keyword',
  severity: 'warning',
  summary: 'A requirement with no normative keyword of the declared convention',
  scope: 'mim',
  check(mim, ctx) {
    const view = keywordView(mim);
    const examples = view.convention
      ? `${view.convention}: ${KEYWORD_EXAMPLES[view.convention]}`
      : KEYWORD_EXAMPLES.any;
    for (const r of mim.requirements) {
      if (r.keywords.length > 0 && classifyHits(r, view).some((k) => k !== 'prose')) continue;
      ctx.report({
        code: 'requirement/no-keyword',
        file: r.file,
        range: r.idRange,
        message: `Requirement ${r.id} has no normative keyword (${examples})`,
      });
    }
  },
};
