import type { MappingRow, Requirement } from '../../model/elements.js';
import type { Mim } from '../../model/mim.js';
import type { Report, RuleContext } from '../rule.js';
import { keywordView } from './keyword-classes.js';
import { compareQuote, type QuoteComparison } from './quote-diff.js';
import { quoteFix } from './quote-fix.js';

/** A mapping row whose quote differs from the requirement it names. */
export interface DriftedQuote {
  row: MappingRow;
  requirement: Requirement;
  comparison: QuoteComparison;
  /** What a finding on the quote cell shares, whichever rule reports it: place, related text, quick fix. */
  finding: Pick<Report, 'file' | 'range' | 'related' | 'fixes'>;
}

/**
 * Calls `found` for each mapping row of the MIM whose quoted text differs from the requirement
 * it names (of this MIM, or of another MIM in the workspace). The keywords of both texts are
 * read under this MIM's conventions.
 */
export function forEachDriftedQuote(mim: Mim, ctx: RuleContext, found: (drift: DriftedQuote) => void): void {
  if (mim.mechanisms.length === 0) return;
  // The MIM's own requirements come from its own table; only other MIMs' are looked up by global key.
  const find = (mimId: string | undefined, id: string) =>
    (mimId === undefined || mimId === mim.id
      ? ctx.index.ownElements(mim, id)
      : ctx.index.lookup(`${mimId}.${id}`)
    ).find((e): e is Requirement => e.kind === 'requirement');
  const view = keywordView(mim);
  for (const mechanism of mim.mechanisms) {
    for (const row of mechanism.satisfies) {
      const target = row.ref.target;
      if (!row.quote || !row.quoteSpan || target?.kind !== 'requirement') continue;
      const requirement = find(row.ref.mim, target.id);
      if (!requirement?.text) continue;
      const comparison = compareQuote(row.quote, requirement.text, requirement.id, view);
      const doc = ctx.documents.get(row.file);
      if ((!comparison.level && !comparison.wording) || !doc) continue;
      const range = doc.lines.rangeOf(row.quoteSpan.start, row.quoteSpan.end);
      const related = [
        { file: requirement.file, range: requirement.idRange, message: `${requirement.id} reads: ${requirement.text}` },
      ];
      found({
        row,
        requirement,
        comparison,
        finding: { file: row.file, range, related, fixes: [quoteFix(doc, row, range, requirement)] },
      });
    }
  }
}
