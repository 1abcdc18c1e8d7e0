import type { Mim } from '../model/mim.js';
import type { SourceLine, TraceRow } from './trace-types.js';

/** How many requirements there are, how many a mechanism satisfies and a test covers; percentages to one decimal, null of none. */
export interface CoverageCount {
  requirements: number;
  satisfied: number;
  tested: number;
  satisfiedPercent: number | null;
  testedPercent: number | null;
}

export interface MimCoverage extends CoverageCount {
  mim: string;
  title?: string;
  /** The MIM's folder or file. */
  root: string;
}

export interface CapabilityCoverage extends CoverageCount {
  mim: string;
  /** The capability's id; null for the requirements written under none. */
  capability: string | null;
  title?: string;
  source?: SourceLine;
}

export interface Coverage {
  total: CoverageCount;
  mims: MimCoverage[];
  capabilities: CapabilityCoverage[];
}

const percent = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((1000 * part) / whole) / 10;

function count(rows: readonly TraceRow[]): CoverageCount {
  let satisfied = 0;
  let tested = 0;
  for (const r of rows) {
    if (r.mechanisms.length > 0) satisfied++;
    if (r.tests.length > 0) tested++;
  }
  const n = rows.length;
  return {
    requirements: n,
    satisfied,
    tested,
    satisfiedPercent: percent(satisfied, n),
    testedPercent: percent(tested, n),
  };
}

/**
 * Coverage of the matrix's rows: in all, per MIM, and per capability (each capability the MIM
 * declares, in its order, even one without requirements; then the requirements under no
 * capability, or under one that is not declared).
 */
export function coverageOf(
  mims: readonly Mim[],
  rows: readonly TraceRow[],
  /** The rows of each MIM id (the rows of two MIMs that claim one id together, once). */
  byMim: ReadonlyMap<string, readonly TraceRow[]>,
): Coverage {
  const out: Coverage = { total: count(rows), mims: [], capabilities: [] };
  const seen = new Set<string>();
  for (const mim of mims) {
    // Two MIMs may claim one id: their rows are counted together, once.
    if (seen.has(mim.id)) continue;
    seen.add(mim.id);
    const mimRows = byMim.get(mim.id) ?? [];
    out.mims.push({ mim: mim.id, ...(mim.title && { title: mim.title }), root: mim.root, ...count(mimRows) });
    const byCapability = new Map<string | null, TraceRow[]>();
    for (const c of mim.capabilities) if (c.id && !byCapability.has(c.id)) byCapability.set(c.id, []);
    const titles = new Map(mim.capabilities.map((c) => [c.id, c]));
    for (const r of mimRows) {
      const key = r.capability && byCapability.has(r.capability) ? r.capability : (r.capability ?? null);
      const list = byCapability.get(key);
      if (list) list.push(r);
      else byCapability.set(key, [r]);
    }
    for (const [capability, list] of byCapability) {
      const c = capability ? titles.get(capability) : undefined;
      out.capabilities.push({
        mim: mim.id,
        capability,
        ...(c?.title && { title: c.title }),
        ...(c && { source: { file: c.file, line: c.idRange.start.line } }),
        ...count(list),
      });
    }
  }
  return out;
}
