/** The kinds of element a MIM is made of, each with its id letter (mim-format §2). */
export type ElementKind = 'capability' | 'requirement' | 'mechanism' | 'guidance' | 'test';

/** Everything an id can name: a whole MIM or one of its elements. */
export type IdKind = 'mim' | ElementKind;

export const ELEMENT_PREFIX: Record<ElementKind, string> = {
  capability: 'C',
  requirement: 'R',
  mechanism: 'M',
  guidance: 'G',
  test: 'T',
};

export const ELEMENT_KIND_BY_PREFIX: Record<string, ElementKind> = {
  C: 'capability',
  R: 'requirement',
  M: 'mechanism',
  G: 'guidance',
  T: 'test',
};

/** The key of an element in the workspace symbol table: `MIM0.R1.1`. */
export function globalKey(mim: string, localId: string): string {
  return `${mim}.${localId}`;
}

// Ids as written: reading, normalizing and ordering them.

/** A local element id read from text, with how it deviates from mim-format §2. */
export interface ParsedId {
  kind: ElementKind;
  /** Canonical form: `R1.1`, `C2`, `M3`. For a malformed id, the nearest canonical reading. */
  id: string;
  malformed: boolean;
  /** A legacy form the tool reads but flags (`RC1.1`, flat `R4`, `C.1`). */
  legacy: boolean;
  /** The capability number a requirement id names. */
  capabilityNumber?: number;
}

/** `MIM 7`, `MIM-7`, `MIM07` → `MIM7`; undefined when it is not a MIM number at all. */
export function normalizeMimId(text: string): string | undefined {
  const m = /^(?:OASC\s+)?MIM[\s-]?(\d+)$/i.exec(text.trim());
  return m ? `MIM${Number(m[1])}` : undefined;
}

// The same ids come back all through a workspace (every MIM has an R1.1): each written form
// is read once. The answers are frozen, since every caller shares them.
const LOCAL_IDS = new Map<string, ParsedId | null>();
const MAX_CACHED_IDS = 20_000;

/**
 * Reads a local id: `C1`, `R1.2a`, `M3`, `G1`, `T2`, and the legacy forms `R.1`, `C.1`,
 * `RC1.1`, flat `R4`. Returns undefined for text that is no id.
 */
export function parseLocalId(raw: string): ParsedId | undefined {
  const cached = LOCAL_IDS.get(raw);
  if (cached !== undefined) return cached ?? undefined;
  const parsed = readLocalId(raw);
  if (LOCAL_IDS.size >= MAX_CACHED_IDS) LOCAL_IDS.clear();
  LOCAL_IDS.set(raw, parsed ? Object.freeze(parsed) : null);
  return parsed;
}

/** What a reference names in a MIM: the kind and the canonical id of an element. */
export interface IdTarget {
  readonly kind: ElementKind;
  readonly id: string;
}

// Every reference of the model holds its target, and a workspace writes the same few ids again
// and again (every MIM has an R1.1): one frozen object for each, held in the model in its place.
const TARGETS = new Map<string, IdTarget>();

/** The one shared, frozen target for an element's kind and id. */
export function idTarget(kind: ElementKind, id: string): IdTarget {
  const key = `${kind[0]}${id}`;
  let target = TARGETS.get(key);
  if (!target) {
    if (TARGETS.size >= MAX_CACHED_IDS) TARGETS.clear();
    TARGETS.set(key, (target = Object.freeze({ kind, id })));
  }
  return target;
}

function readLocalId(raw: string): ParsedId | undefined {
  const text = raw.trim();
  let m = /^R(\d+)\.(\d+)([a-z]?)$/.exec(text);
  if (m) {
    const canonical = `R${Number(m[1])}.${Number(m[2])}${m[3]}`;
    return {
      kind: 'requirement',
      id: canonical,
      malformed: canonical !== text,
      legacy: false,
      capabilityNumber: Number(m[1]),
    };
  }
  m = /^([CMGT])(\d+)$/.exec(text);
  if (m) {
    const canonical = `${m[1]}${Number(m[2])}`;
    return { kind: ELEMENT_KIND_BY_PREFIX[m[1]], id: canonical, malformed: canonical !== text, legacy: false };
  }
  m = /^RC(\d+)\.(\d+)([a-z]?)$/.exec(text);
  if (m)
    return {
      kind: 'requirement',
      id: `R${Number(m[1])}.${Number(m[2])}${m[3]}`,
      malformed: true,
      legacy: true,
      capabilityNumber: Number(m[1]),
    };
  m = /^R(\d+)([a-z]?)$/.exec(text);
  if (m) return { kind: 'requirement', id: `R${Number(m[1])}${m[2]}`, malformed: true, legacy: true };
  m = /^([CRMGT])\.(\d+)$/.exec(text);
  if (m) return { kind: ELEMENT_KIND_BY_PREFIX[m[1]], id: `${m[1]}${Number(m[2])}`, malformed: true, legacy: true };
  return undefined;
}

/**
 * The id an element's written id was meant to be: the canonical reading, and for a flat
 * requirement id (`R4`, `R.4`) the number of the capability it is written under (`R1.4` under
 * C1). Undefined when no form can be derived: a flat requirement id outside any capability.
 * The parsers give a malformed element this id, and id/format offers it as the fix.
 */
export function intendedId(parsed: Pick<ParsedId, 'kind' | 'id'>, capability?: string): string | undefined {
  if (parsed.kind !== 'requirement' || CANONICAL_REQUIREMENT.test(parsed.id)) return parsed.id;
  const cap = capability ? /^C(\d+)$/.exec(capability)?.[1] : undefined;
  return cap === undefined ? undefined : `R${cap}.${parsed.id.slice(1)}`;
}

const CANONICAL_REQUIREMENT = /^R\d+\.\d+[a-z]?$/;

export interface ParsedGlobalId {
  mim: string;
  target?: ParsedId;
  legacy: boolean;
}

/**
 * Reads `MIM0`, `MIM0.R1.2`, `MIM0.C1` and the legacy dotted path `MIM3.C5.R0`
 * (requirement 0 of capability 5).
 */
export function parseGlobalId(raw: string): ParsedGlobalId | undefined {
  const text = raw.trim();
  const m = /^(MIM(?:0|[1-9]\d*))(?:\.(.+))?$/.exec(text);
  if (!m) return undefined;
  if (m[2] === undefined) return { mim: m[1], legacy: false };
  const path = /^C(\d+)\.R(\d+)([a-z]?)$/.exec(m[2]);
  if (path) {
    return {
      mim: m[1],
      target: {
        kind: 'requirement',
        id: `R${Number(path[1])}.${Number(path[2])}${path[3]}`,
        malformed: false,
        legacy: true,
        capabilityNumber: Number(path[1]),
      },
      legacy: true,
    };
  }
  const target = parseLocalId(m[2]);
  if (!target) return undefined;
  return { mim: m[1], target, legacy: target.legacy };
}

/** The number of a capability id `C3` → 3. */
export function idNumber(id: string): number | undefined {
  const m = /^[A-Z]+(\d+)/.exec(id);
  return m ? Number(m[1]) : undefined;
}

/** Natural order of ids: `R1.2` before `R1.10`, `C2` before `C10`. */
export function compareIds(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === y) continue;
    const nx = Number(x);
    const ny = Number(y);
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) return nx - ny;
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}
