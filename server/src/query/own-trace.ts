import type { IdRef, MimElement, RefRole } from '../model/elements.js';
import type { Mim } from '../model/mim.js';
import type { SourceLine, TraceItem, TraceRole, TraceRow } from './trace-types.js';

/** What the trace reads of the index: a MIM's own elements under a local id (`IndexView.ownElements`); none may be undefined. */
export type OwnElements = (mim: Mim, localId: string) => readonly MimElement[] | undefined;

/**
 * What traceability reads of one MIM that depends on that MIM alone: the mechanisms and tests
 * that name each requirement, one row per requirement with an id, and the MIM's trace
 * references, each made at its first reading. The trace rules and the matrix read the same
 * maps, so they count a reference alike. A language server's index keeps the trace with the
 * MIM object, which the workspace reuses while its files are unchanged: the rules of a check
 * make the maps, and the matrix finds them made. Read-only.
 */
export class OwnTrace {
  private madeMechanisms: ReadonlyMap<string, readonly TraceItem[]> | undefined;
  private madeTests: ReadonlyMap<string, readonly TraceItem[]> | undefined;
  private madeRows: readonly TraceRow[] | undefined;
  private madeRefs: readonly IdRef[] | undefined;

  constructor(
    private readonly mim: Mim,
    private readonly ownElements: OwnElements,
  ) {}

  /** The mechanisms that satisfy each requirement, by the requirement's id; each item at its mapping row. */
  get mechanisms(): ReadonlyMap<string, readonly TraceItem[]> {
    if (!this.madeMechanisms) {
      const cells = new Map<string, TraceItem[]>();
      for (const m of this.mim.mechanisms)
        for (const row of m.satisfies)
          this.name(cells, row.ref, { id: m.id, mim: this.mim.id, file: row.file, line: row.range.start.line });
      this.madeMechanisms = cells;
    }
    return this.madeMechanisms;
  }

  /** The tests that cover each requirement, by the requirement's id; each item at its `covers` entry. */
  get tests(): ReadonlyMap<string, readonly TraceItem[]> {
    if (!this.madeTests) {
      const cells = new Map<string, TraceItem[]>();
      for (const t of this.mim.tests)
        for (const ref of t.covers)
          this.name(cells, ref, { id: t.id, mim: this.mim.id, file: ref.file, line: ref.range.start.line });
      this.madeTests = cells;
    }
    return this.madeTests;
  }

  get rows(): readonly TraceRow[] {
    return (this.madeRows ??= rowsOf(this.mim, this.mechanisms, this.tests));
  }

  /** The references of the MIM's documents in the roles the matrix reads, in document order. */
  get refs(): readonly IdRef[] {
    if (!this.madeRefs) {
      const refs: IdRef[] = [];
      for (const doc of this.mim.documents) for (const ref of doc.refs) if (ROLES.has(ref.role)) refs.push(ref);
      this.madeRefs = refs;
    }
    return this.madeRefs;
  }

  /** Puts the item under each of the MIM's own requirements the reference names (see `ownRequirementsNamed`). */
  private name(cells: Map<string, TraceItem[]>, ref: IdRef, item: TraceItem): void {
    for (const r of ownRequirementsNamed(this.mim, this.ownElements, ref)) add(cells, r.id, item);
  }
}

const ROLES: ReadonlySet<RefRole> = new Set<TraceRole>(['mapping', 'satisfies', 'covers']);
const NONE: readonly TraceItem[] = Object.freeze([]);

function rowsOf(
  mim: Mim,
  mechanisms: ReadonlyMap<string, readonly TraceItem[]>,
  tests: ReadonlyMap<string, readonly TraceItem[]>,
): TraceRow[] {
  const capabilities = new Map<string, SourceLine>();
  for (const c of mim.capabilities)
    if (!capabilities.has(c.id)) capabilities.set(c.id, { file: c.file, line: c.idRange.start.line });
  const rows: TraceRow[] = [];
  for (const r of mim.requirements) {
    if (!r.id) continue;
    // Duplicated ids share their references, as the rules read them (and the row's lists: rows are read-only).
    rows.push({
      id: r.id,
      mim: mim.id,
      capability: r.capability,
      capabilitySource: r.capability === undefined ? undefined : capabilities.get(r.capability),
      level: r.level,
      text: r.text,
      file: r.file,
      line: r.idRange.start.line,
      mechanisms: mechanisms.get(r.id) ?? NONE,
      tests: tests.get(r.id) ?? NONE,
    });
  }
  return rows;
}

/** One item per element and requirement: a mechanism with two rows for one requirement is listed once, at the first. */
function add(cells: Map<string, TraceItem[]>, requirement: string, item: TraceItem): void {
  const list = cells.get(requirement);
  if (!list) cells.set(requirement, [item]);
  else if (!hasId(list, item.id)) list.push(item);
}

function hasId(list: readonly TraceItem[], id: string): boolean {
  for (const i of list) if (i.id === id) return true;
  return false;
}

/**
 * The MIM's own requirements that one reference names, as the MIM's table answers
 * them (a row `R.1` names the requirement written `R.1`, read as R1.1 under C1; `MIM0.R1.1`
 * written in MIM0 names its R1.1). A reference to another MIM's requirement names none of them.
 */
export function ownRequirementsNamed(mim: Mim, ownElements: OwnElements, ref: IdRef): readonly MimElement[] {
  if (ref.target?.kind !== 'requirement' || (ref.mim !== undefined && ref.mim !== mim.id)) return NO_ELEMENTS;
  return ownElements(mim, ref.target.id) ?? NO_ELEMENTS;
}

const NO_ELEMENTS: readonly MimElement[] = Object.freeze([]);
