/**
 * The words beside a MIM reference that read as that MIM's name: `MIM3 Personal Data`,
 * `MIM3 (Personal Data)`, `MIM3: Personal Data`, `MIM3 - Personal Data`, `Personal Data (MIM3)`,
 * `Personal Data MIM (MIM3)`. Only the form is read here; whether the words are a MIM's
 * title is for the registry to say.
 */
export interface NameMatch {
  /** Offset of the name in the scanned string. */
  offset: number;
  length: number;
  /** The words as written, markup left out, one space between them. */
  text: string;
}

/** Emphasis and code marks, which may wrap the reference or the name (`**MIM3** (Personal Data)`). */
const MARK = /[*_`]/;
// A word of a name starts with a capital (or is an acronym such as `AI`); a lower-case word
// of its own is prose, and a sentence after a full stop is never read as a name.
const CAPITALISED = /^\p{Lu}/u;
const WORD_CHAR = /[\p{L}\p{N}'’-]/u;
/** Words that may start a sentence before a name in front of `(MIM3)`: never part of the name. */
const LEADING = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'see',
  'in',
  'on',
  'for',
  'and',
  'or',
  'also',
  'its',
  'our',
  'their',
  'under',
  'with',
  'from',
  'by',
  'to',
  'of',
  'per',
  'via',
  'both',
  'as',
  'at',
  'like',
]);
const MAX_WORDS = 6;
const MAX_PARENTHESIS = 80;

interface Word {
  start: number;
  end: number;
}

/** The name written next to the MIM reference at [start, end) of `text`, if the words there read as one. */
export function nameBeside(text: string, start: number, end: number): NameMatch | undefined {
  return nameAfter(text, end) ?? nameBefore(text, start, end);
}

function nameAfter(text: string, end: number): NameMatch | undefined {
  let i = skipMarks(text, end);
  let apart = true;
  if (text[i] === ':') {
    i = skipSpaces(text, i + 1);
    if (i === -1) return undefined;
  } else if (text[i] === '(') {
    return parenthesis(text, i);
  } else {
    const after = skipSpaces(text, i);
    if (after === -1) return undefined;
    i = after;
    if (/[-–—]/.test(text[i]) && (text[i + 1] === ' ' || text[i + 1] === '\t')) i = skipSpaces(text, i + 1);
    else if (text[i] === '(') return parenthesis(text, i);
    else apart = false;
  }
  const words = wordsForward(text, i);
  // One word after a bare space is as likely prose (`MIM4 Security considerations`) as a name.
  if (words.length === 0 || (!apart && words.length < 2)) return undefined;
  return match(text, words);
}

/** `Personal Data (MIM3)`: the reference alone in parentheses, after capitalised words. */
function nameBefore(text: string, start: number, end: number): NameMatch | undefined {
  let open = start;
  while (open > 0 && MARK.test(text[open - 1])) open--;
  if (text[open - 1] !== '(' || text[skipMarks(text, end)] !== ')') return undefined;
  let i = open - 1;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  const words = wordsBackward(text, i);
  while (words.length > 0 && LEADING.has(text.slice(words[0].start, words[0].end).toLowerCase())) words.shift();
  return words.length > 0 ? match(text, words) : undefined;
}

/** The whole text between parentheses after the reference, as one name. */
function parenthesis(text: string, open: number): NameMatch | undefined {
  const close = text.indexOf(')', open + 1);
  if (close < 0 || close - open > MAX_PARENTHESIS) return undefined;
  const inner = text.slice(open + 1, close);
  if (/[\n\r(]/.test(inner)) return undefined;
  const words: Word[] = [];
  const re = /[^\s*_`]+/g;
  for (let m = re.exec(inner); m; m = re.exec(inner))
    words.push({ start: open + 1 + m.index, end: open + 1 + m.index + m[0].length });
  return words.length > 0 ? match(text, words) : undefined;
}

// A run of capitalised words stops at the first lower-case one: `MIM3: Personal Data and
// MIM4` names Personal Data. (A title with a lower-case word is read in parentheses only.)

/** Capitalised words from `i` on, one line. */
function wordsForward(text: string, i: number): Word[] {
  const words: Word[] = [];
  for (let pos = skipMarks(text, i); words.length < MAX_WORDS;) {
    const word = wordAt(text, pos);
    if (!word || !CAPITALISED.test(text[word.start])) break;
    words.push(word);
    const next = skipSpaces(text, skipMarks(text, word.end));
    if (next === -1) break;
    pos = skipMarks(text, next);
  }
  return words;
}

/** Capitalised words ending at `end`, read backwards, in text order. */
function wordsBackward(text: string, end: number): Word[] {
  const words: Word[] = [];
  let pos = end;
  while (words.length < MAX_WORDS) {
    while (pos > 0 && MARK.test(text[pos - 1])) pos--;
    let start = pos;
    while (start > 0 && WORD_CHAR.test(text[start - 1])) start--;
    if (start === pos || !CAPITALISED.test(text[start])) break;
    words.unshift({ start, end: pos });
    pos = start;
    while (pos > 0 && (text[pos - 1] === ' ' || text[pos - 1] === '\t')) pos--;
    if (pos === start) break;
  }
  return words;
}

function match(text: string, words: Word[]): NameMatch | undefined {
  // `Personal Data MIM`: the trailing word names the kind of thing, not the MIM.
  if (words.length > 1 && /^MIMs?$/.test(text.slice(words[words.length - 1].start, words[words.length - 1].end)))
    words = words.slice(0, -1);
  const first = words[0];
  const last = words[words.length - 1];
  return {
    offset: first.start,
    length: last.end - first.start,
    text: words.map((w) => text.slice(w.start, w.end)).join(' '),
  };
}

function wordAt(text: string, pos: number): Word | undefined {
  let end = pos;
  while (end < text.length && WORD_CHAR.test(text[end])) end++;
  return end > pos ? { start: pos, end } : undefined;
}

function skipMarks(text: string, i: number): number {
  while (i < text.length && MARK.test(text[i])) i++;
  return i;
}

/** Past one or more spaces or tabs at `i`; -1 when there are none (a line break ends a name). */
function skipSpaces(text: string, i: number): number {
  let j = i;
  while (text[j] === ' ' || text[j] === '\t') j++;
  return j > i ? j : -1;
}
