import type { Requirement } from '../../model/elements.js';
import type { MimRule } from '../rule.js';
import { quoteDifference } from '../support/quote-diff.js';

/**
 * trace/text-drift: a mapping row whose quoted requirement text differs from the requirement,
 * the modal verb above all. The quick fix puts the requirement's text in the quote cell.
 */
export const traceTextDrift: MimRule = {
  codes: ['trace/text-drift'],
  scope: 'mim',
  check(mim, ctx) {
    for (const mechanism of mim.mechanisms) {
      for (const row of mechanism.satisfies) {
        const target = row.ref.target;
        if (!row.quote || !row.quoteSpan || target?.kind !== 'requirement') continue;
        const requirement = ctx.index.lookup(`${row.ref.mim ?? mim.id}.${target.id}`).find((e): e is Requirement => e.kind === 'requirement');
        if (!requirement?.text) continue;
        const difference = quoteDifference(row.quote, requirement.text, requirement.id);
        const doc = ctx.documents.get(row.file);
        if (!difference || !doc) continue;
        const range = doc.lines.rangeOf(row.quoteSpan.start, row.quoteSpan.end);
        // The quote sits in a table cell, where a pipe would end the cell.
        const newText = doc.kind === 'markdown' ? requirement.text.replace(/\|/g, '\\|') : requirement.text;
        ctx.report({
          code: 'trace/text-drift',
          file: row.file,
          range,
          message: `The quoted text of ${row.ref.text} differs from the requirement: ${difference}`,
          related: [{ file: requirement.file, range: requirement.idRange, message: `${requirement.id} reads: ${requirement.text}` }],
          fixes: [{ title: `Quote the text of ${requirement.id}`, edits: [{ file: row.file, range, newText }] }],
        });
      }
    }
  },
};
