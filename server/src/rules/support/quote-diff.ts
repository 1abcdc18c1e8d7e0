import { findKeywords } from '../../parse/text/keywords.js';

// Quotes around a quoted statement, and the punctuation that ends it, say nothing about its wording.
const SURROUNDING_QUOTES = /^["'“”‘’«»]+|["'“”‘’«»]+$/g;
const TRAILING_PUNCTUATION = /[\s.;:,!?]+$/;
const ELLIPSIS = /(?:\.\.\.|…)$/;
const MARKUP = /[*_`]/g;
const SPACES = /\s+/g;

function normalize(text: string): string {
  return text.replace(MARKUP, '').replace(SPACES, ' ').trim().replace(SURROUNDING_QUOTES, '').replace(TRAILING_PUNCTUATION, '').trim();
}

/**
 * How a quote differs from the statement it quotes, in words for a message; undefined when it
 * does not. Keywords are compared in their case (SHALL is not shall); other words ignore case.
 * A quote ending in an ellipsis is an abbreviation and only has to match the statement's start.
 */
export function quoteDifference(quote: string, statement: string, id: string): string | undefined {
  // Most quotes are exact: the common case costs one comparison.
  if (quote === statement) return undefined;
  const bare = quote.trim().replace(SURROUNDING_QUOTES, '');
  const abbreviated = ELLIPSIS.test(bare);
  const q = normalize(abbreviated ? bare.replace(ELLIPSIS, '') : bare);
  const s = normalize(statement);
  if (q === s) return undefined;
  const qs = findKeywords(q).map((k) => k.written);
  const ss = findKeywords(abbreviated ? s.slice(0, q.length) : s).map((k) => k.written);
  for (let i = 0; i < Math.max(qs.length, ss.length); i++) {
    if (qs[i] === ss[i]) continue;
    if (qs[i] === undefined) return `it leaves out '${ss[i]}'`;
    if (ss[i] === undefined) return `it adds '${qs[i]}'`;
    return `it quotes '${qs[i]}' where ${id} says '${ss[i]}'`;
  }
  const ql = q.toLowerCase();
  const sl = s.toLowerCase();
  if (abbreviated ? sl.startsWith(ql) : ql === sl) return undefined;
  return wordDifference(q.split(' '), s.split(' '), abbreviated, id);
}

/** The stretch of words where the two texts part, with the common start and end left out. */
function wordDifference(q: string[], s: string[], abbreviated: boolean, id: string): string {
  let start = 0;
  while (start < q.length && start < s.length && q[start].toLowerCase() === s[start].toLowerCase()) start++;
  let qe = q.length;
  let se = s.length;
  if (!abbreviated) {
    while (qe > start && se > start && q[qe - 1].toLowerCase() === s[se - 1].toLowerCase()) {
      qe--;
      se--;
    }
  } else se = Math.min(s.length, start + Math.max(1, qe - start));
  const qPart = clip(q.slice(start, qe).join(' '));
  const sPart = clip(s.slice(start, se).join(' '));
  if (qPart === '') return `it leaves out '${sPart}'`;
  if (sPart === '') return `it adds '${qPart}'`;
  return `it quotes '${qPart}' where ${id} says '${sPart}'`;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
