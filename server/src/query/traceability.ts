import type { IdRef } from '../model/elements.js';
import type { Mim } from '../model/mim.js';
import { coverageOf, type Coverage } from './trace-coverage.js';
import { traceTargetCheck } from './trace-targets.js';
import type { SourceLine, TraceItem, TraceRole, TraceRow, UnknownRef } from './trace-types.js';

export type { SourceLine, TraceItem, TraceRole, TraceRow, UnknownRef };
import type { IndexView } from './index-view.js';

export interface TraceMatrix {
  rows: TraceRow[];
  unknown: UnknownRef[];
  coverage: Coverage;
}

export const isSatisfied = (row: TraceRow): boolean => row.mechanisms.length > 0;
export const isTested = (row: TraceRow): boolean => row.tests.length > 0;

/**
 * The traceability matrix of some MIMs: one row per requirement with an id, by MIM id and in
 * document order, with the mechanisms whose mapping rows name it and the tests that cover it.
 * A reference counts for a requirement exactly when the trace rules count it
 * (trace/uncovered-requirement, trace/untested-requirement): it names the MIM's own
 * requirement, by its local id or by its global id written in its own MIM (`MIM3.R1.2` in MIM3).
 */
export function traceabilityMatrix(index: IndexView, mims: readonly Mim[]): TraceMatrix {
  const rows: TraceRow[] = [];
  const unknown: UnknownRef[] = [];
  const ordered = [...mims].sort(byMimId);
  const byMim = new Map<string, readonly TraceRow[]>();
  for (const mim of ordered) {
    const own = index.ownTrace(mim);
    for (const r of own.rows) rows.push(r);
    // Two MIMs may claim one id: their rows are counted together.
    const claimed = byMim.get(mim.id);
    byMim.set(mim.id, claimed ? [...claimed, ...own.rows] : own.rows);
    for (const u of unknownOf(mim, index, own.refs)) unknown.push(u);
  }
  return { rows, unknown, coverage: coverageOf(ordered, rows, byMim) };
}

const mimNumber = (id: string) => (/^MIM\d+$/.test(id) ? Number(id.slice(3)) : Infinity);

/** MIM2 before MIM10, as `mimspec model` lists them; a MIM without a number after those with one; then by folder. */
function byMimId(a: Mim, b: Mim): number {
  const [x, y] = [mimNumber(a.id), mimNumber(b.id)];
  if (x !== y) return x < y ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return a.root < b.root ? -1 : a.root > b.root ? 1 : 0;
}

/** The trace references of a MIM that name no requirement, in document order, as trace/unknown-requirement finds them. */
function unknownOf(mim: Mim, index: IndexView, refs: readonly IdRef[]): UnknownRef[] {
  let owner: Map<IdRef, string> | undefined;
  const ownerOf = (ref: IdRef) => {
    // Built at the first unknown id: most MIMs have none.
    if (!owner) {
      owner = new Map();
      for (const m of mim.mechanisms) for (const row of m.satisfies) owner.set(row.ref, m.id);
      for (const t of mim.tests) for (const c of t.covers) owner.set(c, t.id);
    }
    return owner.get(ref);
  };
  const missing = traceTargetCheck(mim, index);
  const out: UnknownRef[] = [];
  for (const ref of refs) {
    const why = missing(ref, 'requirement');
    if (!why) continue;
    const from = ownerOf(ref);
    out.push({
      text: ref.text,
      mim: mim.id,
      role: ref.role as TraceRole,
      ...(from && { from }),
      why,
      ...lineOf(ref),
    });
  }
  return out;
}

const lineOf = (ref: IdRef): SourceLine => ({ file: ref.file, line: ref.range.start.line });
