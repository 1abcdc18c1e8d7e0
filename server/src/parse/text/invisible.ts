/**
 * Invisible characters seen glued to headings and ids in published MIMs (U+200B and its
 * HTML entity forms, `&#x20;`). Readers strip them so `C4&#x20;` is `C4`; the positions are
 * kept so the hygiene rule can point at each one.
 */
const INVISIBLE =
  /[\u200B\u200C\u200D\u2060\uFEFF\u00AD\u180E]|&#x(?:20|200[bBcCdD]|2060|[fF][eE][fF][fF]|[aA]0);|&#(?:32|8203|8204|8205|8288|65279|160);|&nbsp;|&ZeroWidthSpace;/g;

const NAMES: Record<string, string> = {
  '\u200B': 'U+200B ZERO WIDTH SPACE',
  '\u200C': 'U+200C ZERO WIDTH NON-JOINER',
  '\u200D': 'U+200D ZERO WIDTH JOINER',
  '\u2060': 'U+2060 WORD JOINER',
  '\uFEFF': 'U+FEFF ZERO WIDTH NO-BREAK SPACE',
  '\u00AD': 'U+00AD SOFT HYPHEN',
  '\u180E': 'U+180E MONGOLIAN VOWEL SEPARATOR',
};

export interface InvisibleMatch {
  /** Offset in the scanned string. */
  offset: number;
  length: number;
  what: string;
}

/** A character every invisible (or entity) match starts with. */
const MAY_HOLD = /[\u200B\u200C\u200D\u2060\uFEFF\u00AD\u180E&]/;

export function findInvisibles(text: string): InvisibleMatch[] {
  const out: InvisibleMatch[] = [];
  // Nearly every text has none: one cheap scan before the full pattern.
  if (!MAY_HOLD.test(text)) return out;
  INVISIBLE.lastIndex = 0;
  for (let m = INVISIBLE.exec(text); m; m = INVISIBLE.exec(text)) {
    out.push({ offset: m.index, length: m[0].length, what: NAMES[m[0]] ?? `the entity ${m[0]}` });
  }
  return out;
}

const SPACE_ENTITY = /^(?:&#x20;|&#32;|&nbsp;|&#x[aA]0;|&#160;)$/;

/** Whether a match, as written, is an entity that stands for a space (`&#x20;`, `&nbsp;`). */
export function isSpaceEntity(written: string): boolean {
  return SPACE_ENTITY.test(written);
}

/** Entity forms that stand for a space become one; the truly invisible ones vanish. */
export function stripInvisibles(text: string): string {
  if (!MAY_HOLD.test(text)) return text;
  return text.replace(INVISIBLE, (m) => (SPACE_ENTITY.test(m) ? ' ' : ''));
}
