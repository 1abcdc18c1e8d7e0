import { type IdTarget, idTarget, parseGlobalId, parseLocalId } from '../../model/ids.js';
import { nameBeside, type NameMatch } from './ref-names.js';

/** A cross-reference found in prose (mim-format §4). */
export interface ProseRef {
  offset: number;
  length: number;
  text: string;
  mim?: string;
  target?: IdTarget;
  legacy: boolean;
  /** For a whole MIM (`MIM3`), the words beside it that read as its name (`MIM3 Personal Data`). */
  name?: NameMatch;
}

// A global id (`MIM0.R1.2`, `MIM3.C5.R0`), a MIM in prose (`MIM2`, `MIM 7`, `MIM-7`), or a
// local requirement id (`R1.1`). Letters or digits glued on either side make it no reference
// (`accessing-data-mim-0`, `MIMs`, `AR1.1`).
const PROSE_REF =
  /(?<![\p{L}\p{N}_/.#-])(?:(MIM(?:0|[1-9]\d*)(?:\.(?:C\d+\.R\d+[a-z]?|R\d+\.\d+[a-z]?|[CMGT]\d+))?)|MIM[ -](\d+)|(R\d+\.\d+[a-z]?))(?![\p{L}\p{N}_]|\.\d)/gu;

/** Shared answers for the common case of text that holds none; callers only read them. */
const NO_REFS: readonly ProseRef[] = Object.freeze([]);

export function findProseRefs(text: string, base = 0): readonly ProseRef[] {
  if (!text.includes('MIM') && !/R\d/.test(text)) return NO_REFS;
  const out: ProseRef[] = [];
  PROSE_REF.lastIndex = 0;
  for (let m = PROSE_REF.exec(text); m; m = PROSE_REF.exec(text)) {
    const offset = base + m.index;
    if (m[1]) {
      const g = parseGlobalId(m[1]);
      if (!g) continue;
      out.push(
        named(
          {
            offset,
            length: m[0].length,
            text: m[0],
            mim: g.mim,
            target: g.target && idTarget(g.target.kind, g.target.id),
            legacy: g.legacy,
          },
          text,
          m.index,
          base,
        ),
      );
    } else if (m[2]) {
      out.push(
        named(
          { offset, length: m[0].length, text: m[0], mim: `MIM${Number(m[2])}`, legacy: false },
          text,
          m.index,
          base,
        ),
      );
    } else if (m[3]) {
      const local = parseLocalId(m[3]);
      if (local)
        out.push({
          offset,
          length: m[0].length,
          text: m[0],
          target: idTarget(local.kind, local.id),
          legacy: false,
        });
    }
  }
  return out;
}

/** Adds to a reference to a whole MIM the name written beside it, if any. */
function named(ref: ProseRef, text: string, at: number, base: number): ProseRef {
  if (ref.target) return ref;
  const name = nameBeside(text, at, at + ref.length);
  if (name) ref.name = { ...name, offset: base + name.offset };
  return ref;
}

/** One id in a list such as `Covers: R1.1, R1.2` or `seeAlso: [MIM0.R1.2]`. */
export type ListedRef = ProseRef;

// Emphasis, code marks and brackets around a listed id (`**R1.1**`, `[MIM0.R1.2]`).
const MARKS = /[*_`[\]]/;

/**
 * Reads a comma- or space-separated list of ids; anything that is no id is still returned
 * (without a target) so that rules can say which entry names nothing.
 */
export function readIdList(text: string, base = 0): ListedRef[] {
  const out: ListedRef[] = [];
  const re = /[^\s,;]+(?:\s*\([^)]*\))?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = MARKS.test(m[0]) ? m[0].replace(/^[*_`[]+|[*_`\]]+$/g, '') : m[0];
    const lead = raw === m[0] ? 0 : m[0].indexOf(raw);
    const one = readOneId(raw);
    out.push(
      withTarget<ListedRef>(
        { offset: base + m.index + Math.max(0, lead), length: raw.length, text: raw, legacy: one.legacy },
        one,
      ),
    );
  }
  return out;
}

/** What an id names: its MIM and its target, where it has them, and whether it is a legacy form. */
export type ReadId = Omit<ProseRef, 'offset' | 'length' | 'text'>;

/** Puts on a reference what an id names, only the fields it has (so the model stays plain JSON). */
export function withTarget<T extends { mim?: string; target?: ProseRef['target'] }>(
  ref: T,
  id: Pick<ReadId, 'mim' | 'target'>,
): T {
  if (id.mim) ref.mim = id.mim;
  if (id.target) ref.target = id.target;
  return ref;
}

/** Reads one id written anywhere an id is expected: local, global or a bare MIM number. */
export function readOneId(raw: string): ReadId {
  const text = raw.trim();
  const global = parseGlobalId(text);
  if (global)
    return {
      mim: global.mim,
      target: global.target && idTarget(global.target.kind, global.target.id),
      legacy: global.legacy,
    };
  const local = parseLocalId(text);
  if (local) return { target: idTarget(local.kind, local.id), legacy: local.legacy };
  return { legacy: false };
}

/** Citation tags: `[ITU-T Y.4200]`, `[b-ISO/IEC 30182]`, `[OGC 17-069r4]`, `[RFC 9110]`. */
const CITATION = /\[((?:b-)?[A-Z][A-Za-z0-9]*(?:[-/ .:][A-Za-z0-9]+)+)\](?![(:[])/g;

export interface CitationMatch {
  offset: number;
  length: number;
  tag: string;
}

const NO_CITATIONS: readonly CitationMatch[] = Object.freeze([]);

export function findCitations(text: string, base = 0): readonly CitationMatch[] {
  if (!text.includes('[')) return NO_CITATIONS;
  const out: CitationMatch[] = [];
  CITATION.lastIndex = 0;
  for (let m = CITATION.exec(text); m; m = CITATION.exec(text)) {
    // A tag names a document: it carries a number (`RFC 9110`), unlike `[Note]` or `[x]`.
    if (/\d/.test(m[1])) out.push({ offset: base + m.index, length: m[0].length, tag: m[1] });
  }
  return out;
}
