import type { IdRef, RefRole } from '../model/elements.js';
import type { Mim } from '../model/mim.js';
import { coverageOf, type Coverage } from './trace-coverage.js';
import { ownRequirementsNamed, traceTargetCheck } from './trace-targets.js';
import type { SourceLine, TraceItem, TraceRole, TraceRow, UnknownRef } from './trace-types.js';

export type { SourceLine, TraceItem, TraceRole, TraceRow, UnknownRef };
import type { IndexView } from './symbol-index.js';

const ROLES: ReadonlySet<RefRole> = new Set<TraceRole>(['mapping', 'satisfies', 'covers']);

export interface TraceMatrix {
  rows: TraceRow[];
  unknown: UnknownRef[];
  coverage: Coverage;
}

/** What the matrix reads of one MIM that depends on that MIM alone: its rows, and its trace references. */
interface OwnTrace {
  rows: readonly TraceRow[];
  refs: readonly IdRef[];
}

/**
 * Each MIM's rows and trace references, kept with the MIM object by whoever computes matrices
 * again and again (the language server): they depend on that MIM alone (its own references to
 * its own requirements), and the workspace reuses a MIM object while its files are unchanged,
 * so after an edit only the edited MIM's are made again. Whether a reference names a
 * requirement is asked anew each time, since it may name another MIM's. Rows are not to be changed.
 */
export type TraceRowCache = WeakMap<Mim, OwnTrace>;

export const isSatisfied = (row: TraceRow): boolean => row.mechanisms.length > 0;
export const isTested = (row: TraceRow): boolean => row.tests.length > 0;

/**
 * The traceability matrix of some MIMs: one row per requirement with an id, by MIM id and in
 * document order, with the mechanisms whose mapping rows name it and the tests that cover it.
 * A reference counts for a requirement exactly when the trace rules count it
 * (trace/uncovered-requirement, trace/untested-requirement): it names the MIM's own
 * requirement, by its local id or by its global id written in its own MIM (`MIM3.R1.2` in MIM3).
 */
export function traceabilityMatrix(index: IndexView, mims: readonly Mim[], cache?: TraceRowCache): TraceMatrix {
  const rows: TraceRow[] = [];
  const unknown: UnknownRef[] = [];
  const ordered = [...mims].sort(byMimId);
  for (const mim of ordered) {
    let own = cache?.get(mim);
    if (!own) {
      own = { rows: rowsOf(mim, index), refs: traceRefsOf(mim) };
      cache?.set(mim, own);
    }
    for (const r of own.rows) rows.push(r);
    for (const u of unknownOf(mim, index, own.refs)) unknown.push(u);
  }
  return { rows, unknown, coverage: coverageOf(ordered, rows) };
}

const mimNumber = (id: string) => (/^MIM\d+$/.test(id) ? Number(id.slice(3)) : Infinity);

/** MIM2 before MIM10, as `mimspec model` lists them; a MIM without a number after those with one; then by folder. */
function byMimId(a: Mim, b: Mim): number {
  const [x, y] = [mimNumber(a.id), mimNumber(b.id)];
  if (x !== y) return x < y ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return a.root < b.root ? -1 : a.root > b.root ? 1 : 0;
}

function rowsOf(mim: Mim, index: IndexView): TraceRow[] {
  const mechanisms = new Map<string, TraceItem[]>();
  const tests = new Map<string, TraceItem[]>();
  for (const m of mim.mechanisms) {
    for (const row of m.satisfies) {
      const named = ownRequirementsNamed(mim, index, row.ref);
      if (named.length === 0) continue;
      const item: TraceItem = { id: m.id, mim: mim.id, file: row.file, line: row.range.start.line };
      for (const r of named) add(mechanisms, r.id, item);
    }
  }
  for (const t of mim.tests) {
    for (const ref of t.covers) {
      const named = ownRequirementsNamed(mim, index, ref);
      if (named.length === 0) continue;
      const item: TraceItem = { id: t.id, mim: mim.id, file: ref.file, line: ref.range.start.line };
      for (const r of named) add(tests, r.id, item);
    }
  }
  const capabilities = new Map<string, SourceLine>();
  for (const c of mim.capabilities)
    if (!capabilities.has(c.id)) capabilities.set(c.id, { file: c.file, line: c.idRange.start.line });
  const rows: TraceRow[] = [];
  for (const r of mim.requirements) {
    if (!r.id) continue;
    // Duplicated ids share their references, as the rules read them: copies, so that no two rows share a list.
    const m = mechanisms.get(r.id);
    const t = tests.get(r.id);
    rows.push({
      id: r.id,
      mim: mim.id,
      capability: r.capability,
      capabilitySource: r.capability === undefined ? undefined : capabilities.get(r.capability),
      level: r.level,
      text: r.text,
      file: r.file,
      line: r.idRange.start.line,
      mechanisms: m ? m.slice() : [],
      tests: t ? t.slice() : [],
    });
  }
  return rows;
}

/** One item per element and requirement: a mechanism with two rows for one requirement is listed once, at the first. */
function add(cells: Map<string, TraceItem[]>, requirement: string, item: TraceItem): void {
  const list = cells.get(requirement);
  if (!list) cells.set(requirement, [item]);
  else if (!list.some((i) => i.id === item.id)) list.push(item);
}

/** The trace references of a MIM that name no requirement, in document order, as trace/unknown-requirement finds them. */
/** The references of a MIM's documents in the roles the matrix reads, in document order. */
function traceRefsOf(mim: Mim): IdRef[] {
  const out: IdRef[] = [];
  for (const doc of mim.documents) for (const ref of doc.refs) if (ROLES.has(ref.role)) out.push(ref);
  return out;
}

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
