import type { MimRule } from '../rule.js';
import { forEachDriftedQuote } from '../support/drifted-quotes.js';

/**
 * trace/text-drift: a mapping row whose quoted requirement text is worded differently from the
 * requirement. A change of keyword level is trace/level-drift's, not this rule's. The quick fix
 * puts the requirement's text in the quote cell.
 */
export const traceTextDrift: MimRule = {
  code: 'trace/text-drift',
  severity: 'info',
  summary: 'A mapping table quoting a requirement in other words',
  scope: 'mim',
  check(mim, ctx) {
    forEachDriftedQuote(mim, ctx, ({ row, comparison, finding }) => {
      if (!comparison.wording) return;
      ctx.report({
        ...finding,
        code: 'trace/text-drift',
        message: `The quoted text of ${row.ref.text} differs from the requirement: ${comparison.wording}`,
      });
    });
  },
};
