import type { DocumentModel } from '../../model/document.js';
import { range, type Position, type Range } from '../../model/range.js';

/** Keys and item indices from the root of a YAML document: `['capabilities', 0, 'requirements', 1, 'text']`. */
export type YamlPath = (string | number)[];

/**
 * Where a cursor stands in a YAML document, read from indentation rather than from a parse,
 * so that it works on the half-typed text of an editor and costs no reparse per keystroke.
 * - `key`: on a key; `path` ends with it.
 * - `value`: in the scalar value of a key; `path` ends with the key.
 * - `item`: in an item of a sequence (block `- x` or flow `[x, y]`); `path` ends with its index.
 * - `entry`: on a new line (blank or a word without a colon yet) of the collection at `path`.
 * - `text`: inside a block scalar (`text: |`); `path` ends with its key.
 */
export interface YamlContext {
  at: 'key' | 'value' | 'item' | 'entry' | 'text';
  path: YamlPath;
  /** The word under the cursor (what a completion replaces) and its characters. */
  word: Range;
  wordText: string;
  /** The key's range, when `at` is `key`. */
  keyRange?: Range;
  /** The column where the entries of the collection at the cursor start. */
  column: number;
  /** True for an item of a flow sequence `[a, b]`. */
  flow?: boolean;
}

interface Line {
  blank: boolean;
  indent: number;
  /** Columns of the `- ` markers the line starts with. */
  dashes: number[];
  /** Column where the content after the indentation and dashes starts. */
  content: number;
  key?: string;
  keyEnd: number;
  /** The value after `key:`, comment removed and trimmed; '' when none. */
  value: string;
  valueStart: number;
}

const KEY = /^([A-Za-z_$][\w$.-]*|"[^"\n]*"|'[^'\n]*')[ \t]*:(?=\s|$)/;
const BLOCK = /^[|>][-+0-9]*$/;

function readLine(text: string): Line {
  let i = 0;
  while (text[i] === ' ') i++;
  const indent = i;
  const dashes: number[] = [];
  while (text[i] === '-' && (i + 1 === text.length || text[i + 1] === ' ')) {
    dashes.push(i);
    i++;
    while (text[i] === ' ') i++;
  }
  const rest = text.slice(i);
  const line: Line = {
    blank: rest === '' && dashes.length === 0,
    indent,
    dashes,
    content: i,
    keyEnd: i,
    value: '',
    valueStart: text.length,
  };
  if (rest.startsWith('#')) line.blank = dashes.length === 0;
  const m = KEY.exec(rest);
  if (m) {
    line.key = m[1].replace(/^(["'])(.*)\1$/, '$2');
    line.keyEnd = i + m[1].length;
    line.valueStart = i + m[0].length;
    line.value = text
      .slice(line.valueStart)
      .replace(/(^|\s)#.*$/, '')
      .trim();
  }
  return line;
}

/** Dash lines sit half a column deeper than a key at the same column: `key:\n- item` is a sequence of that key. */
function depth(l: Line): number {
  return l.indent + (l.dashes.length > 0 ? 0.5 : 0);
}

type Frame = { mode: 'map' | 'seq'; col: number };

interface Walk {
  path: YamlPath;
  /** Set when the start line turned out to be the text of a block scalar or the continuation of a plain one. */
  inside?: 'text' | 'value';
}

/**
 * The path of the collection that holds `frame` on line `from`: walks up through lines of
 * smaller depth, counting the items before ours in each sequence.
 */
function walkUp(doc: DocumentModel, from: number, frame: Frame): Walk | undefined {
  const rev: YamlPath = [];
  let { mode, col } = frame;
  let index = 0;
  let inside: Walk['inside'];
  let plain = false;
  const enter = (l: Line) => {
    // We are now in the map that holds l's key; that map may itself be an item.
    if (l.dashes.length > 0) {
      mode = 'seq';
      col = l.dashes[l.dashes.length - 1];
      index = 0;
    } else {
      mode = 'map';
      col = l.content;
    }
  };
  for (let n = from - 1; n >= 0; n--) {
    const l = readLine(doc.lines.lineText(n));
    if (l.blank) continue;
    const d = depth(l);
    const limit = mode === 'seq' ? col + 0.5 : col;
    if (d > limit) continue;
    if (d === limit) {
      if (mode === 'seq' && l.dashes[0] === col) index++;
      continue;
    }
    if (mode === 'map' && l.dashes.length > 0 && l.content === col && !plain) {
      // The first line of the item map we are in.
      mode = 'seq';
      col = l.dashes[l.dashes.length - 1];
      index = 0;
      continue;
    }
    if (l.key === undefined) {
      if (l.dashes.length > 0) return undefined;
      // A less indented line of text: we are in a block scalar whose header is further up
      // (where a Markdown list may look like a sequence).
      plain = true;
      mode = 'map';
      col = l.indent;
      continue;
    }
    const block = BLOCK.test(l.value);
    if (l.value !== '' && !block) {
      // A plain scalar continued on the lines below its key.
      if (!plain && mode === 'map' && rev.length === 0) {
        rev.push(l.key);
        inside = 'value';
        enter(l);
        continue;
      }
      return undefined;
    }
    if (block) {
      rev.length = 0;
      rev.push(l.key);
      inside = 'text';
      plain = false;
      enter(l);
      continue;
    }
    if (plain) return undefined;
    if (mode === 'seq') rev.push(index);
    rev.push(l.key);
    enter(l);
  }
  if (plain) return undefined;
  if (mode === 'seq') rev.push(index);
  return { path: rev.reverse(), inside };
}

const WORD = /[\w.$/-]/;

function wordAround(text: string, c: number, line: number): { word: Range; wordText: string } {
  let s = c;
  while (s > 0 && WORD.test(text[s - 1])) s--;
  let e = c;
  while (e < text.length && WORD.test(text[e])) e++;
  return { word: range(line, s, line, e), wordText: text.slice(s, c) };
}

/** What the cursor is on in a YAML document; undefined in comments and where the text is no YAML we can read. */
export function yamlContext(doc: DocumentModel, pos: Position): YamlContext | undefined {
  const text = doc.lines.lineText(pos.line);
  const c = Math.min(pos.character, text.length);
  const l = readLine(text);
  const hash = text.search(/(^|\s)#/);
  if (hash >= 0 && hash < c && (l.key === undefined || hash >= l.valueStart - 1)) return undefined;
  const w = wordAround(text, c, pos.line);
  const done = (
    at: YamlContext['at'],
    path: YamlPath,
    column: number,
    extra: Partial<YamlContext> = {},
  ): YamlContext => ({ at, path, column, ...w, ...extra });
  const finish = (
    walk: Walk | undefined,
    at: YamlContext['at'],
    tail: YamlPath,
    column: number,
    extra: Partial<YamlContext> = {},
  ) => {
    if (!walk) return undefined;
    if (walk.inside) return done(walk.inside, walk.path, column);
    return done(at, [...walk.path, ...tail], column, extra);
  };

  if (l.blank) return finish(walkUp(doc, pos.line, { mode: 'map', col: c }), 'entry', [], c);
  if (c < l.content) return undefined;
  const itemFrame = (): Frame => ({ mode: 'seq', col: l.dashes[l.dashes.length - 1] });
  const mapWalk = () => walkUp(doc, pos.line, l.dashes.length > 0 ? itemFrame() : { mode: 'map', col: l.content });

  if (l.key !== undefined) {
    if (c <= l.keyEnd) {
      const keyRange = range(pos.line, l.content, pos.line, l.keyEnd);
      return finish(mapWalk(), 'key', [l.key], l.content, {
        keyRange,
        word: keyRange,
        wordText: text.slice(l.content, c),
      });
    }
    if (l.value.startsWith('[')) {
      const open = text.indexOf('[', l.valueStart);
      const close = text.indexOf(']', open);
      if (c > open && (close < 0 || c <= close)) {
        const index = (text.slice(open + 1, c).match(/,/g) ?? []).length;
        return finish(mapWalk(), 'item', [l.key, index], l.content, { flow: true });
      }
      return undefined;
    }
    if (BLOCK.test(l.value)) return undefined;
    return finish(mapWalk(), 'value', [l.key], l.content);
  }
  if (l.dashes.length > 0) return finish(walkUp(doc, pos.line, itemFrame()), 'item', [], l.content);
  // A word without a colon yet: a key being typed, unless the line is text of a scalar above.
  return finish(walkUp(doc, pos.line, { mode: 'map', col: l.content }), 'entry', [], l.content);
}

/** The keys written on the other lines of the map whose entries start at `column` around `line`. */
export function siblingKeys(doc: DocumentModel, line: number, column: number): string[] {
  const keys: string[] = [];
  const visit = (n: number): boolean => {
    const l = readLine(doc.lines.lineText(n));
    if (l.blank) return true;
    if (l.content === column && l.key !== undefined) keys.push(l.key);
    // The dash line that opens our item map ends the search upwards; a shallower line ends it either way.
    return depth(l) >= column && !(l.dashes.length > 0 && l.content === column);
  };
  const own = readLine(doc.lines.lineText(line));
  // A line that opens a new item map has nothing of that map above it.
  if (!(own.dashes.length > 0 && own.content === column)) for (let n = line - 1; n >= 0 && visit(n); n--);
  for (let n = line + 1; n < doc.lines.lineCount; n++) {
    const l = readLine(doc.lines.lineText(n));
    if (l.blank) continue;
    if (depth(l) < column || (l.dashes.length > 0 && l.content === column)) break;
    if (l.content === column && l.key !== undefined) keys.push(l.key);
  }
  return keys;
}

/** Where the value of a top-level YAML key ends: before the next line that starts at column 0. */
export function topLevelEntryEnd(doc: DocumentModel, line: number): Position {
  let last = line;
  for (let n = line + 1; n < doc.lines.lineCount; n++) {
    const text = doc.lines.lineText(n);
    if (text.trim() === '' || /^\s*#/.test(text)) continue;
    if (/^[^\s-]/.test(text)) break;
    last = n;
  }
  return { line: last, character: doc.lines.lineText(last).length };
}
