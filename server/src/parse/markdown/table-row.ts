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
  if (line[i] === '|') i++;
  let cellStart = i;
  let inCode = 0;
  const push = (end: number) => {
    let s = cellStart;
    let e = end;
    while (s < e && isSpaceCode(line.charCodeAt(s))) s++;
    while (e > s && isSpaceCode(line.charCodeAt(e - 1))) e--;
    cells.push({ text: line.slice(s, e), start: base + s, end: base + e });
  };
  for (; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '`') {
      let run = 0;
      while (line[i + run] === '`') run++;
      inCode = inCode === run ? 0 : inCode === 0 ? run : inCode;
      i += run - 1;
      continue;
    }
    if (c === '|' && inCode === 0) {
      push(i);
      cellStart = i + 1;
    }
  }
  // A row that ends with a pipe has no trailing cell.
  const rest = line.slice(cellStart);
  if (rest.trim().length > 0 || cells.length === 0) push(line.length);
  return cells;
}
