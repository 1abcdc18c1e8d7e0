import type { Convention } from '../../model/conventions.js';
import { findKeywords, phraseInfo } from '../text/keywords.js';

/** A Terminology or Conventions heading (mim-format §3.1). */
export const CONVENTIONS_TITLE =
  /^(terminology|conventions|notational conventions|keywords|key words|requirement keywords|requirements language)$/i;

export interface KeyAt {
  key: string;
  offset: number;
  length: number;
}

/** Keywords named in the declaring sentence: "The key words MAY, MUST ... in this document are to be interpreted". */
export function listedKeywords(text: string, base: number): KeyAt[] | undefined {
  const at = /key\s*words?/i.exec(text);
  if (!at) return undefined;
  const stop = /are to be interpreted|in this document/i.exec(text.slice(at.index));
  const sentence = text.slice(at.index, stop ? at.index + stop.index : undefined);
  return findKeywords(sentence, base + at.index).map((h) => ({ key: h.key, offset: h.offset, length: h.length }));
}

/** A definition line: `"SHALL" indicates a requirement`, `**MAY**: permitted`, `SHOULD NOT - ...`. */
export function definedKeyword(text: string, base: number): KeyAt | undefined {
  const m =
    /^\s*(?:["“”']|\*\*)([A-Za-z][A-Za-z ]*?)(?:["“”']|\*\*)/.exec(text) ??
    /^\s*([A-Z][A-Z ]*[A-Z])\s*[:–—-]/.exec(text);
  if (!m) return undefined;
  const offset = base + m.index + m[0].indexOf(m[1]);
  return { key: m[1].toUpperCase().replace(/\s+/g, ' '), offset, length: m[1].length };
}

/** Which convention a declaration amounts to: named outright, or judged from how its keywords are written. */
export function conventionOf(text: string, keys: string[], writtenLower: boolean): Convention | undefined {
  if (/BCP\s*14|RFC\s*2119|RFC\s*8174|all capitals|capital letters/i.test(text)) return 'bcp14';
  if (/ITU-T|is required to|is prohibited from/i.test(text)) return 'itu';
  if (/ISO\/IEC Directives|ISO Directives/i.test(text)) return 'iso';
  const known = keys.filter((k) => phraseInfo(k));
  if (known.length === 0) return undefined;
  return writtenLower ? 'iso' : 'bcp14';
}
