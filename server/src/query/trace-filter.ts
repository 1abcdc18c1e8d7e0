import { isSatisfied, isTested, type TraceRow } from './traceability.js';

const MARKS: Record<string, (r: TraceRow) => boolean> = {
  satisfied: isSatisfied,
  unsatisfied: (r) => !isSatisfied(r),
  tested: isTested,
  untested: (r) => !isTested(r),
};

/**
 * The rows a view's filter keeps: each word of the filter (case does not count) is a mark
 * (`unsatisfied`, `untested`, `satisfied`, `tested`) the row must bear, or else text that must
 * be in its global id, capability, level, mechanisms or tests. An empty filter keeps every row.
 */
export function filterRows(rows: readonly TraceRow[], filter: string | undefined): readonly TraceRow[] {
  const words = (filter ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return rows;
  const marks = words.filter((w) => w in MARKS).map((w) => MARKS[w]);
  const texts = words.filter((w) => !(w in MARKS));
  return rows.filter((r) => {
    if (!marks.every((m) => m(r))) return false;
    if (texts.length === 0) return true;
    const hay = haystack(r);
    return texts.every((w) => hay.includes(w));
  });
}

function haystack(r: TraceRow): string {
  return [
    `${r.mim}.${r.id}`,
    r.capability ?? '',
    r.level,
    ...r.mechanisms.map((m) => m.id),
    ...r.tests.map((t) => t.id),
  ]
    .join(' ')
    .toLowerCase();
}
