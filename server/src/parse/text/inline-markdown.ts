import { firstNotBefore } from '../../base/search.js';
import { linkHelpers, unescapeAll } from './markdown-it-helpers.js';

/** Text with inline markup removed, and for each kept character the offset it came from. */
export interface CleanText {
  text: string;
  /** map[i] is the source offset of text[i]; map[text.length] is the end. */
  map: ArrayLike<number>;
}

/** Text with none of the characters cleaning reads is its own clean form: a shared identity map serves it. */
const NEEDS_CLEANING = /[*`_<\\&[\u200B\u200C\u200D\u2060\uFEFF\u00AD\u180E]/;
let identity = new Int32Array(0);

function identityMap(length: number): Int32Array {
  if (identity.length <= length) {
    identity = new Int32Array(Math.max(length + 1, identity.length * 2, 1024));
    for (let i = 0; i < identity.length; i++) identity[i] = i;
  }
  return identity.subarray(0, length + 1);
}

/**
 * Reads inline Markdown as a reader sees it, keeping a map back to the source so that an id
 * found in the clean text still has its exact range. Emphasis marks, HTML tags and comments,
 * the brackets and destination of an inline link or image go; a backslash escape keeps its
 * character, an entity reads as its character, a code span and an autolink keep their text as
 * written, without their backticks or angle brackets. A hard line break (a backslash before
 * the line break; two trailing spaces are white space already) reads as the line break alone,
 * which folds to a space. Invisible characters go, and an entity for a space reads as one.
 * In a table cell (`cell`), `\|` is a pipe even inside a code span, as GFM splits cells first.
 */
export function cleanInline(raw: string, cell = false): CleanText {
  if (!NEEDS_CLEANING.test(raw)) return { text: raw, map: identityMap(raw.length) };
  const map: number[] = [];
  const text = clean(raw, cell, map);
  map.push(raw.length);
  return { text, map };
}

/** The clean text alone, for callers that need no offsets: the same text as cleanInline, without building its map. */
export function plainInline(raw: string, cell = false): string {
  if (!NEEDS_CLEANING.test(raw)) return raw;
  return clean(raw, cell, undefined);
}

const BACKSLASH = 0x5c;
const STAR = 0x2a;
const UNDERSCORE = 0x5f;
const BACKTICK = 0x60;
const LT = 0x3c;
const AMP = 0x26;
const BANG = 0x21;
const OPEN = 0x5b;
const CLOSE = 0x5d;
const PIPE = 0x7c;
const LF = 0x0a;
const CR = 0x0d;

const isPunct = (c: number) =>
  (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);
const isInvisible = (c: number) =>
  (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff || c === 0xad || c === 0x180e;
const isLineSpace = (c: number) => c === 0x20 || c === LF || c === CR;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordAt = (raw: string, i: number) => i >= 0 && i < raw.length && WORD_CHAR.test(raw[i]);

/** The characters the walk reads; it passes over all others. */
const SPECIAL = /[\\*_`<&!\[\]\u200B\u200C\u200D\u2060\uFEFF\u00AD\u180E]/g;

/**
 * The one reading behind cleanInline and plainInline: a walk that keeps runs of the source and
 * writes what the source spells otherwise; with `map`, the source offset of each character.
 */
function clean(raw: string, cell: boolean, map: number[] | undefined): string {
  let out = '';
  let from = 0;
  // Keeps raw[from, to) as written.
  const keep = (to: number) => {
    if (to <= from) return;
    out += raw.slice(from, to);
    if (map) for (let k = from; k < to; k++) map.push(k);
  };
  const put = (text: string, at: number) => {
    out += text;
    if (map) for (let k = 0; k < text.length; k++) map.push(at);
  };
  // The `]` of each open inline link, innermost last, with where its destination ends.
  const closers: { at: number; end: number }[] = [];
  let pairs: Map<number, number> | undefined;
  let ticks: Backticks | undefined;
  let i = 0;
  while (i < raw.length) {
    // Plain runs are passed over by one native search.
    SPECIAL.lastIndex = i;
    if (SPECIAL.exec(raw) === null) break;
    i = SPECIAL.lastIndex - 1;
    const c = raw.charCodeAt(i);
    let skip = 0;
    if (c === BACKSLASH) {
      const next = raw.charCodeAt(i + 1);
      if (next === LF || next === CR) skip = 1;
      else if (isPunct(next)) {
        keep(i);
        from = i + 1;
        i += 2;
        continue;
      }
    } else if (c === STAR) skip = 1;
    else if (c === UNDERSCORE) skip = isWordAt(raw, i - 1) && isWordAt(raw, i + 1) ? 0 : 1;
    else if (c === BACKTICK) {
      const run = runLength(raw, i, BACKTICK);
      const close = (ticks ??= new Backticks(raw)).close(i + run, run);
      if (close < 0) {
        // No closing run: the backticks are text.
        i += run;
        continue;
      }
      keep(i);
      // One space (or line break) each side goes when both are there and more is between.
      const pad =
        isLineSpace(raw.charCodeAt(i + run)) &&
        isLineSpace(raw.charCodeAt(close - 1)) &&
        /[^ \r\n]/.test(raw.slice(i + run, close))
          ? 1
          : 0;
      from = i + run + pad;
      for (let k = from; k < close - pad; k++) {
        const code = raw.charCodeAt(k);
        if (isInvisible(code) || (cell && code === BACKSLASH && raw.charCodeAt(k + 1) === PIPE)) {
          keep(k);
          from = k + 1;
        }
      }
      keep(close - pad);
      from = i = close + run;
      continue;
    } else if (c === LT) {
      const tag = tagAt(raw, i);
      if (tag) {
        keep(i);
        if (tag.keep) {
          from = i + 1;
          keep(i + tag.length - 1);
        }
        from = i += tag.length;
        continue;
      }
    } else if (c === AMP) {
      const entity = entityAt(raw, i);
      if (entity) {
        keep(i);
        if (entity.text) put(entity.text, i);
        from = i += entity.length;
        continue;
      }
    } else if (c === OPEN || (c === BANG && raw.charCodeAt(i + 1) === OPEN)) {
      const open = c === BANG ? i + 1 : i;
      const link = inlineLinkAt(raw, open, (pairs ??= bracketPairs(raw, (ticks ??= new Backticks(raw)))));
      if (link) {
        closers.push(link);
        skip = open + 1 - i;
      }
    } else if (c === CLOSE && closers.length > 0) {
      // A closer the walk went past (inside a span it read otherwise than the pairing) is spent.
      while (closers.length > 0 && closers[closers.length - 1].at < i) closers.pop();
      if (closers.length > 0 && closers[closers.length - 1].at === i) skip = closers.pop()!.end - i;
    } else if (isInvisible(c)) skip = 1;
    if (skip > 0) {
      keep(i);
      from = i += skip;
    } else i++;
  }
  keep(raw.length);
  return out;
}

function runLength(raw: string, at: number, code: number): number {
  let n = 0;
  while (raw.charCodeAt(at + n) === code) n++;
  return n;
}

/**
 * The runs of backticks of a text by their length, found once: a code span closes at the next
 * run of its opener's length (escapes count for nothing inside one), so each close is a search.
 */
class Backticks {
  private byLength: Map<number, number[]> | undefined;

  constructor(private readonly raw: string) {}

  /** Where the run of exactly `run` backticks that closes a code span begins, from `from` on; -1 for none. */
  close(from: number, run: number): number {
    const starts = (this.byLength ??= this.index()).get(run);
    if (!starts) return -1;
    const at = firstNotBefore(starts.length, (i) => starts[i] < from);
    return at < starts.length ? starts[at] : -1;
  }

  private index(): Map<number, number[]> {
    const out = new Map<number, number[]>();
    for (let k = this.raw.indexOf('`'); k !== -1; k = this.raw.indexOf('`', k)) {
      const n = runLength(this.raw, k, BACKTICK);
      const list = out.get(n);
      if (list) list.push(k);
      else out.set(n, [k]);
      k += n;
    }
    return out;
  }
}

// An autolink (its text is kept), then an HTML tag or comment (dropped), as markdown-it reads them.
const AUTOLINK =
  /^<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\u0000-\u0020]*|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>/;
const TAG = /^(?:<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^>]*)?\/?>|<!--[\s\S]*?-->)/;

function tagAt(raw: string, at: number): { length: number; keep: boolean } | undefined {
  const rest = raw.slice(at, at + 2048);
  const auto = AUTOLINK.exec(rest);
  if (auto) return { length: auto[0].length, keep: true };
  const tag = TAG.exec(rest);
  return tag ? { length: tag[0].length, keep: false } : undefined;
}

const ENTITY = /^&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/;

/** The character an entity stands for: none for an invisible one, a space for a no-break space; undefined where `&` starts none. */
function entityAt(raw: string, at: number): { length: number; text: string } | undefined {
  const m = ENTITY.exec(raw.slice(at, at + 40));
  if (!m) return undefined;
  const decoded = unescapeAll(m[0]);
  if (decoded === m[0]) return undefined;
  if (decoded === '\u00a0') return { length: m[0].length, text: ' ' };
  return { length: m[0].length, text: decoded.length === 1 && isInvisible(decoded.charCodeAt(0)) ? '' : decoded };
}

/**
 * The `]` that closes each `[`, paired as markdown-it pairs a link's label: brackets nest, and
 * an escaped one, or one in a code span or a tag, counts for nothing. One walk for all.
 */
function bracketPairs(raw: string, ticks: Backticks): Map<number, number> {
  const pairs = new Map<number, number>();
  const open: number[] = [];
  for (let k = 0; k < raw.length; k++) {
    const c = raw.charCodeAt(k);
    if (c === BACKSLASH) k++;
    else if (c === BACKTICK) {
      const run = runLength(raw, k, BACKTICK);
      const close = ticks.close(k + run, run);
      k = (close < 0 ? k : close) + run - 1;
    } else if (c === LT) {
      const tag = tagAt(raw, k);
      if (tag) k += tag.length - 1;
    } else if (c === OPEN) open.push(k);
    else if (c === CLOSE && open.length > 0) pairs.set(open.pop()!, k);
  }
  return pairs;
}

/**
 * An inline link or image whose label opens at `open`: the offset of the label's `]` and the
 * end of its `(destination "title")`, found with markdown-it's helpers. A reference link is
 * left as written, since its definition may be on another page.
 */
function inlineLinkAt(raw: string, open: number, pairs: Map<number, number>): { at: number; end: number } | undefined {
  const close = pairs.get(open);
  if (close === undefined || raw.charCodeAt(close + 1) !== 0x28) return undefined;
  const helpers = linkHelpers;
  let pos = skipSpace(raw, close + 2);
  const dest = helpers.parseLinkDestination(raw, pos, raw.length);
  if (dest.ok && dest.pos > pos) {
    const after = skipSpace(raw, dest.pos);
    pos = dest.pos;
    if (after > pos && after < raw.length) {
      const title = helpers.parseLinkTitle(raw, after, raw.length);
      if (title.ok) pos = title.pos;
    }
    pos = skipSpace(raw, pos);
  }
  return raw.charCodeAt(pos) === 0x29 ? { at: close, end: pos + 1 } : undefined;
}

function skipSpace(raw: string, at: number): number {
  let k = at;
  for (let c = raw.charCodeAt(k); c === 0x20 || c === 0x09 || c === LF || c === CR; c = raw.charCodeAt(++k));
  return k;
}
