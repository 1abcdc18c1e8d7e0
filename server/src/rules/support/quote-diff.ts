import type { KeywordHit } from '../../model/elements.js';
import { findKeywords } from '../../parse/text/keywords.js';
import { classifyKeywords, type KeywordView } from './keyword-classes.js';

// Quotes around a quoted statement say nothing about its wording.
const SURROUNDING_QUOTES = /^["'“”‘’«»]+|["'“”‘’«»]+$/g;
const MARKUP = /[*_`]/g;
const SPACES = /\s+/g;
/** The marks of an omission: `...`, `…`, and either in brackets. */
const ELLIPSIS = /(\[\s*(?:\.{3,}|…)\s*\]|\(\s*(?:\.{3,}|…)\s*\)|\.{3,}|…)/;
/** Punctuation around a word (a comma after it, a bracket before it) is not part of the wording. */
const AROUND = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;
const AROUND_STRETCH = /^[\s\p{P}]+|[\s\p{P}]+$/gu;
/** Above this many word pairs, texts are compared by their common start and end only. */
const MAX_CELLS = 250_000;

/** How a quote differs from the statement it quotes, each part in words for a message. */
export interface QuoteComparison {
  /** The first place where the quote's keywords give another level than the statement's. */
  level?: string;
  /** The first stretch of words where the two part, a change of level left out. */
  wording?: string;
}

const SAME: QuoteComparison = Object.freeze({});

/**
 * Compares a quote with the statement it quotes, word by word: the quote's words are found in
 * the statement in order, so an abbreviated quote is compared with the words it keeps. An
 * ellipsis (`...`, `…`, `[...]`) marks words left out, at the start, the end or between words.
 * Keywords are compared in their case (SHALL is not shall); other words ignore case and the
 * punctuation around them. `view` tells a keyword from a lower-case modal that is prose.
 */
export function compareQuote(quote: string, statement: string, id: string, view: KeywordView): QuoteComparison {
  // Most quotes are exact: the common case costs one comparison.
  if (quote === statement) return SAME;
  const qt = normalize(quote);
  const st = normalize(statement);
  if (qt === st) return SAME;
  const q = readWords(qt, view, true);
  const s = readWords(st, view, false).words;
  const out: QuoteComparison = {};
  for (const { q0, q1, s0, s1 } of align(q.words, q.gaps, s)) {
    const qw = q.words.slice(q0, q1);
    const sw = s.slice(s0, s1);
    // A quote that starts late or stops early without an ellipsis leaves words out, but misstates no level.
    const cut = qw.length === 0 && (q0 === 0 || q0 === q.words.length);
    if (!cut && !sameLevels(qw, sw)) {
      out.level ??= levelChange(qw, sw, id);
      // The keywords are that finding; other words of the same stretch may differ as well.
      const qo = qw.filter((w) => !w.modal);
      const so = sw.filter((w) => !w.modal);
      if (!sameWords(qo, so)) out.wording ??= wordChange(qo, so, id);
    } else out.wording ??= wordChange(qw, sw, id);
    if (out.level && out.wording) break;
  }
  return out;
}

function normalize(text: string): string {
  return text.replace(MARKUP, '').replace(SPACES, ' ').trim().replace(SURROUNDING_QUOTES, '').trim();
}

interface Word {
  /** As written, for messages. */
  text: string;
  /** What is compared: a word holding a keyword in its case, others in lower case; without the punctuation around it. */
  key: string;
  /** The keywords of the word that count (prose modals do not); a phrase such as SHALL NOT is one word. */
  keywords: KeywordHit[];
  /** Whether the word holds a keyword phrase, one that counts or a prose modal. */
  modal: boolean;
  /** Cut short by an ellipsis glued to it: it keeps the `start`, the `end` or the `middle` of a word. */
  cut?: Cut;
}

interface Words {
  words: Word[];
  /** Positions between words (0 to words.length) where the quote marks an omission. */
  gaps: Set<number>;
}

type Cut = 'start' | 'end' | 'middle';

interface Piece {
  start: number;
  end: number;
  cut?: Cut;
}

function readWords(text: string, view: KeywordView, elisions: boolean): Words {
  const hits = findKeywords(text);
  const classes = classifyKeywords(hits, view);
  const words: Word[] = [];
  const gaps = new Set<number>();
  const pieces = split(text, elisions);
  let h = 0;
  for (let p = 0; p < pieces.length; p++) {
    const piece = pieces[p];
    if (piece === 'gap') {
      gaps.add(words.length);
      continue;
    }
    const start = piece.start;
    let end = piece.end;
    let cut = piece.cut;
    let modal = false;
    const keywords: KeywordHit[] = [];
    for (;;) {
      for (; h < hits.length && hits[h].offset < end; h++) {
        modal = true;
        if (classes[h] !== 'prose') keywords.push(hits[h]);
        // A phrase that reaches into the next words takes them in.
        end = Math.max(end, hits[h].offset + hits[h].length);
      }
      const next = pieces[p + 1];
      if (next === undefined || next === 'gap' || next.start >= end) break;
      end = Math.max(end, next.end);
      cut = next.cut;
      p++;
    }
    const written = text.slice(start, end);
    const bare = written.replace(AROUND, '');
    if (bare === '') continue;
    words.push({ text: written, key: modal ? bare : bare.toLowerCase(), keywords, modal, cut });
  }
  return { words, gaps };
}

/** The words of a text, and where a quote's ellipses stand ('gap'). */
function split(text: string, elisions: boolean): (Piece | 'gap')[] {
  const out: (Piece | 'gap')[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    if (!elisions || !ELLIPSIS.test(m[0])) {
      out.push({ start: m.index, end: m.index + m[0].length });
      continue;
    }
    // split() with a capturing group alternates text and ellipsis: odd indexes are ellipses.
    const parts = m[0].split(ELLIPSIS);
    let at = m.index;
    parts.forEach((part, i) => {
      if (i % 2 === 1) out.push('gap');
      else if (part !== '') out.push({ start: at, end: at + part.length, cut: cutOf(i > 0, i < parts.length - 1) });
      at += part.length;
    });
  }
  return out;
}

function cutOf(after: boolean, before: boolean): Cut | undefined {
  if (after) return before ? 'middle' : 'end';
  return before ? 'start' : undefined;
}

function same(q: Word, s: Word): boolean {
  if (q.key === s.key) return true;
  if (q.cut === undefined) return false;
  const qk = q.key.toLowerCase();
  const sk = s.key.toLowerCase();
  return q.cut === 'start' ? sk.startsWith(qk) : q.cut === 'end' ? sk.endsWith(qk) : sk.includes(qk);
}

/** Where the quote parts from the statement: quote words [q0, q1) stand for statement words [s0, s1). */
interface Stretch {
  q0: number;
  q1: number;
  s0: number;
  s1: number;
}

// What the alignment counts: a word changed, added or left out costs CHANGE; leaving words out
// where the quote has an ellipsis costs nothing, and before its first or after its last word
// almost nothing, so that a quote which stops early is read as such and not as changed words.
const CHANGE = 100;
const EDGE = 1;

/** The stretches where the quote differs, from the alignment of least cost. */
function align(q: Word[], gaps: Set<number>, s: Word[]): Stretch[] {
  const n = q.length;
  const m = s.length;
  const w = m + 1;
  if ((n + 1) * w > MAX_CELLS) return rough(q, s);
  const leaveOut = (i: number) => (gaps.has(i) ? 0 : i === 0 || i === n ? EDGE : CHANGE);
  const cost = new Uint32Array((n + 1) * w);
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) continue;
      let best = Number.MAX_SAFE_INTEGER;
      if (i > 0 && j > 0) best = cost[(i - 1) * w + j - 1] + (same(q[i - 1], s[j - 1]) ? 0 : CHANGE);
      if (i > 0) best = Math.min(best, cost[(i - 1) * w + j] + CHANGE);
      if (j > 0) best = Math.min(best, cost[i * w + j - 1] + leaveOut(i));
      cost[i * w + j] = best;
    }
  }
  // Back from the end; a word for a word first, so that a changed keyword reads as changed, not as added.
  const steps: { i: number; j: number; differs: boolean }[] = [];
  for (let i = n, j = m; i > 0 || j > 0;) {
    const here = cost[i * w + j];
    let differs: boolean;
    if (i > 0 && j > 0 && cost[(i - 1) * w + j - 1] + (same(q[i - 1], s[j - 1]) ? 0 : CHANGE) === here) {
      differs = here !== cost[(i - 1) * w + j - 1];
      i--;
      j--;
    } else if (j > 0 && cost[i * w + j - 1] + leaveOut(i) === here) {
      differs = leaveOut(i) > 0;
      j--;
    } else {
      differs = true;
      i--;
    }
    steps.push({ i, j, differs });
  }
  const out: Stretch[] = [];
  let open: Stretch | undefined;
  for (let k = steps.length - 1; k >= 0; k--) {
    const { i, j, differs } = steps[k];
    const next = k > 0 ? steps[k - 1] : { i: n, j: m };
    if (!differs) open = undefined;
    else if (open) {
      open.q1 = next.i;
      open.s1 = next.j;
    } else out.push((open = { q0: i, s0: j, q1: next.i, s1: next.j }));
  }
  return out;
}

/** For texts too long to align: one stretch between the common start and the common end. */
function rough(q: Word[], s: Word[]): Stretch[] {
  let start = 0;
  while (start < q.length && start < s.length && same(q[start], s[start])) start++;
  let qe = q.length;
  let se = s.length;
  while (qe > start && se > start && same(q[qe - 1], s[se - 1])) {
    qe--;
    se--;
  }
  return start === qe && start === se ? [] : [{ q0: start, q1: qe, s0: start, s1: se }];
}

function sameLevels(q: Word[], s: Word[]): boolean {
  const ql = q.flatMap((w) => w.keywords.map((k) => k.level));
  const sl = s.flatMap((w) => w.keywords.map((k) => k.level));
  return ql.length === sl.length && ql.every((l, i) => l === sl[i]);
}

function sameWords(q: Word[], s: Word[]): boolean {
  return q.length === s.length && q.every((w, i) => same(w, s[i]));
}

function levelChange(q: Word[], s: Word[], id: string): string {
  if (q.length === 0) return `it leaves out ${keywordsOf(s)}`;
  if (s.length === 0) return `it adds ${keywordsOf(q)}`;
  return `it quotes ${keywordsOf(q)} where ${id} says ${keywordsOf(s)}`;
}

/** The keywords of a stretch with their levels, or its words where it holds none. */
function keywordsOf(words: Word[]): string {
  const keywords = words.flatMap((w) => w.keywords);
  return keywords.length > 0 ? keywords.map((k) => `'${k.written}' (${k.level})`).join(', ') : `'${shown(words)}'`;
}

function wordChange(q: Word[], s: Word[], id: string): string {
  if (q.length === 0) return `it leaves out '${shown(s)}'`;
  if (s.length === 0) return `it adds '${shown(q)}'`;
  return `it quotes '${shown(q)}' where ${id} says '${shown(s)}'`;
}

function shown(words: Word[]): string {
  const text = words
    .map((w) => w.text)
    .join(' ')
    .replace(AROUND_STRETCH, '');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
