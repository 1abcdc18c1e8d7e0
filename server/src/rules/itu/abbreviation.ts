import type { DocumentModel } from '../../model/document.js';
import type { ItuBlock } from '../../model/elements.js';
import { KEYWORDS } from '../../model/conventions.js';
import type { DocumentRule } from '../rule.js';

/*
 * The heuristic for "used but not listed" is conservative: a token of 2 to 6 capitals standing
 * alone in prose (an `s` for the plural allowed: APIs), not glued to a hyphen, slash, dot or
 * digit (NGSI-LD, ISO/IEC, file.PDF, W3C), not inside a citation, code span or URL, not a BCP 14
 * keyword, a Roman numeral or a common capitalised word (NOTE, TBD), and not part of a run of
 * three or more such tokens (a shouted sentence). "Listed but unused" looks at the whole file,
 * titles and citations included, except the abbreviation entries themselves.
 */
const CANDIDATE = /(?<![\p{L}\p{N}_./@-])([A-Z]{2,6})s?(?![\p{L}\p{N}_/@-]|\.[\p{L}\p{N}])/gu;
const NOT_PROSE = /`[^`\n]*`|\]\([^)\s]*\)|<?https?:\/\/[^\s>)]*>?/g;
const WORD = /[\p{L}\p{N}]+/gu;
const ROMAN = /^[IVXLCDM]+$/;
const ALNUM = /[\p{L}\p{N}]/u;
const SINGLE_WORD = /^[\p{L}\p{N}]+$/u;
/** What may stand between two tokens of one run: white space, after a plural `s`. */
const RUN_GAP = /^s?\s+$/;
const IGNORED = new Set([
  ...KEYWORDS.bcp14.flatMap((k) => k.phrase.split(' ')),
  ...[
    'NOTE',
    'NOTES',
    'TODO',
    'TBD',
    'TBC',
    'AND',
    'OR',
    'THE',
    'OF',
    'TO',
    'FOR',
    'WITH',
    'ALL',
    'ANY',
    'NO',
    'YES',
    'OK',
    'AN',
    'IS',
    'ARE',
    'BE',
    'ONLY',
  ],
]);

/** The file's text with citations, code spans and URLs blanked out, offsets kept. */
function prose(doc: DocumentModel): string {
  const parts: string[] = [];
  let at = 0;
  const spans = doc.citations
    .map((c) => [doc.lines.offsetAt(c.range.start), doc.lines.offsetAt(c.range.end)] as const)
    .sort((a, b) => a[0] - b[0]);
  for (const [start, end] of spans) {
    if (start < at) continue;
    parts.push(doc.text.slice(at, start), ' '.repeat(end - start));
    at = end;
  }
  parts.push(doc.text.slice(at));
  return parts.join('').replace(NOT_PROSE, (m) => ' '.repeat(m.length));
}

interface Use {
  abbr: string;
  start: number;
  end: number;
}

/** Capitalised tokens in the text blocks, shouted runs left out. */
function candidates(doc: DocumentModel): Use[] {
  const text = prose(doc);
  const out: Use[] = [];
  for (const block of doc.blocks) {
    const slice = text.slice(block.start, block.end);
    let run: Use[] = [];
    const flush = () => {
      if (run.length < 3) out.push(...run);
      run = [];
    };
    CANDIDATE.lastIndex = 0;
    for (let m = CANDIDATE.exec(slice); m; m = CANDIDATE.exec(slice)) {
      const use = { abbr: m[1], start: block.start + m.index, end: block.start + m.index + m[1].length };
      const prev = run[run.length - 1];
      if (prev && !RUN_GAP.test(text.slice(prev.end, use.start))) flush();
      run.push(use);
    }
    flush();
  }
  return out.filter((u) => !IGNORED.has(u.abbr) && !ROMAN.test(u.abbr));
}

/** Whether an abbreviation occurs in the file outside its own entries (and their expansions). */
function usage(doc: DocumentModel, itu: ItuBlock): (abbr: string) => boolean {
  const entries = itu.abbreviations
    .map((a) => [doc.lines.offsetAt(a.range.start), doc.lines.offsetAt(a.range.end)] as const)
    .sort((a, b) => a[0] - b[0]);
  const inEntry = (offset: number) => entries.some(([s, e]) => offset >= s && offset < e);
  const words = new Set<string>();
  let e = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(doc.text); m; m = WORD.exec(doc.text)) {
    while (e < entries.length && entries[e][1] <= m.index) e++;
    if (e < entries.length && m.index >= entries[e][0]) continue;
    words.add(m[0]);
  }
  return (abbr) => {
    if (words.has(abbr) || words.has(`${abbr}s`)) return true;
    if (SINGLE_WORD.test(abbr)) return false;
    // An abbreviation with a hyphen or slash (NGSI-LD) is no single word: look for it as written.
    for (let at = doc.text.indexOf(abbr); at >= 0; at = doc.text.indexOf(abbr, at + 1)) {
      if (!inEntry(at) && !ALNUM.test(doc.text[at - 1] ?? '') && !ALNUM.test(doc.text[at + abbr.length] ?? ''))
        return true;
    }
    return false;
  };
}

/** itu/abbreviation: an abbreviation used in the text but not listed in `itu.abbreviations`, or listed but never used. */
export const ituAbbreviation: DocumentRule = {
  code: 'itu/abbreviation',
  severity: 'info',
  summary: 'An abbreviation used but not listed, or listed but never used',
  scope: 'document',
  check(doc, ctx) {
    const itu = doc.itu;
    if (!itu) return;
    const listed = new Set(itu.abbreviations.map((a) => a.abbr));
    const reported = new Set<string>();
    for (const use of candidates(doc)) {
      if (listed.has(use.abbr) || reported.has(use.abbr)) continue;
      reported.add(use.abbr);
      ctx.report({
        code: 'itu/abbreviation',
        file: doc.file,
        range: doc.lines.rangeOf(use.start, use.end),
        message: `"${use.abbr}" is used but not listed in itu.abbreviations`,
      });
    }
    const used = usage(doc, itu);
    for (const a of itu.abbreviations) {
      if (a.abbr && !used(a.abbr))
        ctx.report({
          code: 'itu/abbreviation',
          file: doc.file,
          range: a.range,
          message: `"${a.abbr}" is listed in itu.abbreviations but never used`,
        });
    }
  },
};
