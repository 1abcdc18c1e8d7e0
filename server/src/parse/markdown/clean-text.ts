import { findInvisibles, stripInvisibles } from '../text/invisible.js';

/** Text with inline markup removed, and for each kept character the offset it came from. */
export interface CleanText {
  text: string;
  /** map[i] is the source offset of text[i]; map[text.length] is the end. */
  map: ArrayLike<number>;
}

/** Text with none of the characters cleaning removes is its own clean form: a shared identity map serves it. */
const NEEDS_CLEANING = /[*`_<\\&\u200B\u200C\u200D\u2060\uFEFF\u00AD\u180E]/;
let identity = new Int32Array(0);

function identityMap(length: number): Int32Array {
  if (identity.length <= length) {
    identity = new Int32Array(Math.max(length + 1, identity.length * 2, 1024));
    for (let i = 0; i < identity.length; i++) identity[i] = i;
  }
  return identity.subarray(0, length + 1);
}

const TAG = /^<\/?[A-Za-z][^>]*>/;

/**
 * Removes emphasis markers, code backticks, HTML tags, backslash escapes and invisible
 * characters from inline Markdown, keeping a map back to the source so that an id found in
 * the clean text still has its exact range. A hard line break (a backslash before the line
 * break; two trailing spaces are white space already) reads as the line break alone, which
 * folds to a space as a reader sees it.
 */
export function cleanInline(raw: string): CleanText {
  if (!NEEDS_CLEANING.test(raw)) return { text: raw, map: identityMap(raw.length) };
  const invisible = new Map<number, number>();
  for (const m of findInvisibles(raw)) invisible.set(m.offset, m.length);
  const chars: string[] = [];
  const map: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const skip = invisible.get(i);
    if (skip !== undefined) {
      // Entities that stand for a space keep a space, so words stay apart.
      if (/^&#x20;$|^&#32;$|^&nbsp;$|^&#x[aA]0;$|^&#160;$/.test(raw.slice(i, i + skip))) {
        chars.push(' ');
        map.push(i);
      }
      i += skip - 1;
      continue;
    }
    const c = raw[i];
    if (c === '\\' && (raw[i + 1] === '\n' || raw[i + 1] === '\r')) continue;
    if (c === '\\' && i + 1 < raw.length && /[!-/:-@[-`{-~]/.test(raw[i + 1])) {
      chars.push(raw[i + 1]);
      map.push(i + 1);
      i++;
      continue;
    }
    if (c === '*' || c === '`') continue;
    if (c === '_' && (i === 0 || !/[\p{L}\p{N}]/u.test(raw[i - 1]) || i + 1 >= raw.length || !/[\p{L}\p{N}]/u.test(raw[i + 1]))) continue;
    if (c === '<') {
      const tag = TAG.exec(raw.slice(i));
      if (tag) {
        i += tag[0].length - 1;
        continue;
      }
    }
    chars.push(c);
    map.push(i);
  }
  map.push(raw.length);
  return { text: chars.join(''), map };
}

// What cleanInline drops, in one pass: an escape keeps its character; the backslash of a hard
// break, emphasis and code marks, an underscore not inside a word, and HTML tags go.
const MARKUP = /\\([!-/:-@[-`{-~])|\\(?=[\r\n])|[*`]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])|<\/?[A-Za-z][^>]*>/gu;

/** The clean text alone, for callers that need no offsets: the same text as cleanInline, without building its map. */
export function plainInline(raw: string): string {
  if (!NEEDS_CLEANING.test(raw)) return raw;
  return stripInvisibles(raw.replace(MARKUP, (_m, escaped: string | undefined) => escaped ?? ''));
}
