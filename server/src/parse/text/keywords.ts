import { CONVENTIONS, KEYWORDS, type Convention, type Level } from '../../model/conventions.js';
import type { KeywordHit } from '../../model/elements.js';

interface PhraseInfo {
  key: string;
  level: Level;
  conventions: Convention[];
}

/** Every phrase of every convention, keyed by its upper-case spelling. */
const PHRASES = new Map<string, PhraseInfo>();
for (const convention of CONVENTIONS) {
  for (const def of KEYWORDS[convention]) {
    const key = def.phrase.toUpperCase();
    const info = PHRASES.get(key);
    if (info) info.conventions.push(convention);
    else PHRASES.set(key, { key, level: def.level, conventions: [convention] });
  }
}

// Longest phrases first, so `SHALL NOT` wins over `SHALL` and `is required to` over `REQUIRED`.
const ALTERNATIVES = [...PHRASES.keys()].sort((a, b) => b.length - a.length).map((k) => k.replace(/ /g, '\\s+'));
const KEYWORD_RE = new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${ALTERNATIVES.join('|')})(?![\\p{L}\\p{N}_-])`, 'giu');

const PROBE = /must|shall|should|may|required|recommended|optional|need\s+not|prohibited/i;

export function phraseInfo(key: string): PhraseInfo | undefined {
  return PHRASES.get(key.toUpperCase().replace(/\s+/g, ' '));
}

/** One shared list per phrase and case, since thousands of hits spell the same few ways. */
const caseOkLists = new Map<string, Convention[]>();

function caseOkFor(written: string, key: string, conventions: Convention[]): Convention[] {
  const upper = written === written.toUpperCase();
  const lower = written === written.toLowerCase();
  const memo = `${key}|${upper ? 'U' : ''}${lower ? 'L' : ''}`;
  let list = caseOkLists.get(memo);
  if (!list) caseOkLists.set(memo, (list = conventions.filter((c) => (c === 'bcp14' ? upper : lower))));
  return list;
}

/** What a hit is, by the way it is written: the same few spellings recur thousands of times. */
type Spelling = Pick<KeywordHit, 'written' | 'key' | 'level' | 'conventions' | 'caseOk'>;
const spellings = new Map<string, Spelling | null>();
const MAX_SPELLINGS = 1000;

function spelling(written: string): Spelling | undefined {
  const known = spellings.get(written);
  if (known !== undefined) return known ?? undefined;
  const info = phraseInfo(written);
  const found = info && {
    written: /\s/.test(written) ? written.replace(/\s+/g, ' ') : written,
    key: info.key,
    level: info.level,
    conventions: info.conventions,
    caseOk: caseOkFor(written, info.key, info.conventions),
  };
  // Spellings differ only in case and white space; a text that varies them without end is not kept.
  if (spellings.size < MAX_SPELLINGS) spellings.set(written, found ?? null);
  return found;
}

/**
 * Finds normative keywords in a stretch of text. `base` is added to each offset so callers
 * can scan a slice and keep document offsets.
 */
export function findKeywords(text: string, base = 0): KeywordHit[] {
  // Most prose holds no keyword at all; a plain case-insensitive probe rules it out cheaply.
  if (!PROBE.test(text)) return [];
  const out: KeywordHit[] = [];
  KEYWORD_RE.lastIndex = 0;
  for (let m = KEYWORD_RE.exec(text); m; m = KEYWORD_RE.exec(text)) {
    const s = spelling(m[0]);
    if (!s) continue;
    out.push({
      offset: base + m.index,
      length: m[0].length,
      written: s.written,
      key: s.key,
      level: s.level,
      conventions: s.conventions,
      caseOk: s.caseOk,
    });
  }
  // Kept with every requirement: a copy holds its hits, not the room `push` left for more.
  return out.length > 0 ? out.slice() : out;
}

/** Whether a hit counts as a keyword under a declared convention (undefined: nothing declared, any case counts). */
export function countsUnder(hit: KeywordHit, convention: Convention | undefined): boolean {
  if (convention === undefined) return true;
  return hit.caseOk.includes(convention);
}

/** Whether the phrase belongs to the convention's vocabulary at all, in whatever case. */
export function belongsTo(hit: KeywordHit, convention: Convention | undefined): boolean {
  return convention === undefined || hit.conventions.includes(convention);
}
