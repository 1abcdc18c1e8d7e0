import type { DocumentModel } from '../../model/document.js';
import { PART_ORDER, partLabel, type PartName } from '../../model/elements.js';
import type { Range } from '../../model/range.js';
import type { MimRule, RuleContext } from '../rule.js';

interface Placed {
  part: PartName;
  range: Range;
  /** As written: a heading's title, a SUMMARY.md entry's text. */
  title?: string;
}

const ORDINAL = ['first', 'second', 'third', 'fourth', 'fifth'];

/**
 * structure/part-order: the Y.MIM parts out of order within one page of a MIM, or in the
 * SUMMARY.md of its folder. One finding per page, at the first part that comes too late.
 */
export const structurePartOrder: MimRule = {
  code: 'structure/part-order',
  severity: 'warning',
  summary: 'The Y.MIM parts are out of order',
  scope: 'mim',
  check(mim, ctx) {
    for (const doc of mim.documents) checkOrder(doc.file, doc.parts, ctx);
    const summary = ctx.documents.get(`${mim.root}/SUMMARY.md`);
    if (summary) checkOrder(summary.file, partEntries(summary), ctx);
  },
};

/** Entries naming a part, each at its own line (an entry's extent holds its sub-entries). */
function partEntries(summary: DocumentModel): Placed[] {
  return summary.summary.flatMap((e) =>
    e.part ? [{ part: e.part, range: summary.lines.lineRange(e.range.start.line), title: e.title }] : [],
  );
}

function checkOrder(file: string, parts: readonly Placed[], ctx: RuleContext): void {
  let latest: Placed | undefined;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    const rank = PART_ORDER.indexOf(p.part);
    if (!latest || rank >= PART_ORDER.indexOf(latest.part)) {
      latest = p;
      continue;
    }
    const title = label(p);
    const related = [
      { file, range: latest.range, message: `${label(latest)}, which the Y.MIM order puts after ${title}` },
    ];
    // The last earlier part of a lower rank is the one this part belongs after.
    const after = parts
      .slice(0, i)
      .reverse()
      .find((q) => PART_ORDER.indexOf(q.part) < rank);
    if (after) related.push({ file, range: after.range, message: `${title} belongs after this ${label(after)}` });
    ctx.report({
      code: 'structure/part-order',
      file,
      range: p.range,
      message: `${title} comes after ${label(latest)}; the Y.MIM order puts it ${ORDINAL[rank]}`,
      related,
    });
    return;
  }
}

function label(p: Placed): string {
  return partLabel(p.part, p.title);
}
