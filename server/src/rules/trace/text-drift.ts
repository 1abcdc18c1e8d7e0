import type { Requirement } from '../../model/elements.js';
import type { MimRule } from '../rule.js';
import { keywordView } from '../support/keyword-classes.js';
import { compareQuote } from '../support/quote-diff.js';

const PIPE = /\|/g;

/**
 * trace/text-drift: a mapping row whose quoted requirement text differs from the requirement,
 * the modal verb above all. The quick fix puts the requirement's text in the quote cell.
 */
export const traceTextDrift: MimRule = {
  codes: ['trace/text-drift'],
  scope: 'mim',
  check(mim, ctx) {
    if (mim.mechanisms.length === 0) return;
    // The MIM's own requirements are read from the MIM itself; only other MIMs' go through the index.
    const own = new Map<string, Requirement>();
    for (const r of mim.requirements) if (!own.has(r.id)) own.set(r.id, r);
    const find = (mimId: string | undefined, id: string) =>
      mimId === undefined || mimId === mim.id ? own.get(id) : ctx.index.lookup(`${mimId}.${id}`).find((e): e is Requirement => e.kind === 'requirement');
    const view = keywordView(mim);
    for (const mechanism of mim.mechanisms) {
      for (const row of mechanism.satisfies) {
        const target = row.ref.target;
        if (!row.quote || !row.quoteSpan || target?.kind !== 'requirement') continue;
        const requirement = find(row.ref.mim, target.id);
        if (!requirement?.text) continue;
        const comparison = compareQuote(row.quote, requirement.text, requirement.id, view);
        const difference = comparison.level ?? comparison.wording;
        const doc = ctx.documents.get(row.file);
        if (!difference || !doc) continue;
        const range = doc.lines.rangeOf(row.quoteSpan.start, row.quoteSpan.end);
        // The quote sits in a table cell, where a pipe would end the cell.
        const newText = doc.kind === 'markdown' ? requirement.text.replace(PIPE, '\\|') : requirement.text;
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
