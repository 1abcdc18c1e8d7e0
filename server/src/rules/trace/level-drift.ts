import type { MimRule } from '../rule.js';
import { forEachDriftedQuote } from '../support/drifted-quotes.js';

/**
 * trace/level-drift: a mapping row whose quoted keywords give another level than the
 * requirement's (SHOULD quoted for SHALL, a MAY left out). The quick fix puts the
 * requirement's text in the quote cell.
 */
export const traceLevelDrift: MimRule = {
  code: 'trace/level-drift',
  severity: 'warning',
  summary: 'A mapping table quoting a requirement with a keyword of another level',
  scope: 'mim',
  check(mim, ctx) {
    forEachDriftedQuote(mim, ctx, ({ row, comparison, finding }) => {
      if (!comparison.level) return;
      ctx.report({
        ...finding,
        code: 'trace/level-drift',
        message: `The quoted text of ${row.ref.text} gives another level than the requirement: ${comparison.level}`,
      });
    });
  },
};
