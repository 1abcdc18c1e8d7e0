import { isSpaceCode } from '../text/white-space.js';

/** One cell of a GFM table row as written: its trimmed text and where it sits in the line. */
export interface RawCell {
  text: string;
  start: number;
  end: number;
}

/**
 * Splits a table row into cells at unescaped pipes outside code spans. markdown-it pads a
 * short row with empty cells, so the row's shape is read from the source line itself.
 * Offsets are in the line, plus `base` (where the line starts in its document).
 */
export function splitRow(line: string, base = 0): RawCell[] {
  const cells: RawCell[] = [];
  let i = 0;
  while (i < line.length && isSpaceCode(line.charCodeAt(i))) i++;
  if (line.charCodeAt(i) === PIPE) i++;
  let cellStart = i;
  if (line.indexOf('\\') === -1 && line.indexOf('`') === -1) {
    // The usual row: no escape and no code span, so every pipe ends a cell.
    for (let p = line.indexOf('|', i); p !== -1; p = line.indexOf('|', p + 1)) {
      cells.push(cell(line, cellStart, p, base));
      cellStart = p + 1;
    }
    return lastCell(cells, line, cellStart, base);
  }
  let inCode = 0;
  for (; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === BACKSLASH) {
      i++;
    } else if (c === BACKTICK) {
      let run = 1;
      while (line.charCodeAt(i + run) === BACKTICK) run++;
      inCode = inCode === run ? 0 : inCode === 0 ? run : inCode;
      i += run - 1;
    } else if (c === PIPE && inCode === 0) {
      cells.push(cell(line, cellStart, i, base));
      cellStart = i + 1;
    }
  }
  return lastCell(cells, line, cellStart, base);
}

/** The text after the last pipe is a cell unless it is blank (a row that ends with a pipe has no trailing cell). */
function lastCell(cells: RawCell[], line: string, cellStart: number, base: number): RawCell[] {
  let rest = cellStart;
  while (rest < line.length && isSpaceCode(line.charCodeAt(rest))) rest++;
  if (rest < line.length || cells.length === 0) cells.push(cell(line, cellStart, line.length, base));
  return cells;
}

const PIPE = 0x7c;
const BACKSLASH = 0x5c;
const BACKTICK = 0x60;

/** The cell between two offsets of the line, trimmed of white space. */
function cell(line: string, from: number, to: number, base: number): RawCell {
  let s = from;
  let e = to;
  while (s < e && isSpaceCode(line.charCodeAt(s))) s++;
  while (e > s && isSpaceCode(line.charCodeAt(e - 1))) e--;
  return { text: line.slice(s, e), start: base + s, end: base + e };
}
