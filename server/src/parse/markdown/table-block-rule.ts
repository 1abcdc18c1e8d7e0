import type { StateBlock } from 'markdown-it';

// markdown-it stops a table after this many cells missing from short rows (a guard against
// quadratic output); the count decides where a table ends, so it is kept.
const MAX_AUTOCOMPLETED_CELLS = 0x10000;
const PIPE = 0x7c;
const BACKSLASH = 0x5c;
const DASH = 0x2d;
const COLON = 0x3a;

const isTabOrSpace = (c: number) => c === 0x09 || c === 0x20;

/**
 * GFM tables with markdown-it's decisions (where a table starts, which lines are its rows,
 * where it ends), recording the table and its rows only. The reader splits each row from its
 * source line (table-cells.ts), so the cells and inline tokens markdown-it builds for every row
 * would be made only to be dropped. A test holds it to markdown-it's own rule on every page of
 * the fixtures and the corpus and on generated tables.
 */
export function tableRows(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (startLine + 2 > endLine) return false;
  const delimiterLine = startLine + 1;
  if (state.sCount[delimiterLine] < state.blkIndent || state.sCount[delimiterLine] - state.blkIndent >= 4) return false;
  const aligns = delimiterColumns(state, delimiterLine);
  if (aligns === undefined) return false;
  const header = lineText(state, startLine).trim();
  if (header.indexOf('|') === -1 || state.sCount[startLine] - state.blkIndent >= 4) return false;
  const columnCount = cellCount(header);
  if (columnCount === 0 || columnCount !== aligns) return false;
  if (silent) return true;

  const oldParentType = state.parentType;
  state.parentType = 'table' as typeof state.parentType;
  const terminators = state.md.block.ruler.getRules('blockquote');
  const open = state.push('table_open', 'table', 1);
  const tableLines: [number, number] = [startLine, 0];
  open.map = tableLines;
  state.push('thead_open', 'thead', 1).map = [startLine, startLine + 1];
  state.push('tr_open', 'tr', 1).map = [startLine, startLine + 1];
  state.push('tr_close', 'tr', -1);
  state.push('thead_close', 'thead', -1);

  let bodyLines: [number, number] | undefined;
  let autocompleted = 0;
  let nextLine = startLine + 2;
  for (; nextLine < endLine; nextLine++) {
    if (state.sCount[nextLine] < state.blkIndent) break;
    let terminate = false;
    for (const rule of terminators) {
      if (rule(state, nextLine, endLine, true)) {
        terminate = true;
        break;
      }
    }
    if (terminate) break;
    const row = lineText(state, nextLine).trim();
    if (!row || state.sCount[nextLine] - state.blkIndent >= 4) break;
    autocompleted += columnCount - cellCount(row);
    if (autocompleted > MAX_AUTOCOMPLETED_CELLS) break;
    if (nextLine === startLine + 2) state.push('tbody_open', 'tbody', 1).map = bodyLines = [startLine + 2, 0];
    state.push('tr_open', 'tr', 1).map = [nextLine, nextLine + 1];
    state.push('tr_close', 'tr', -1);
  }
  if (bodyLines) {
    state.push('tbody_close', 'tbody', -1);
    bodyLines[1] = nextLine;
  }
  state.push('table_close', 'table', -1);
  tableLines[1] = nextLine;
  state.parentType = oldParentType;
  state.line = nextLine;
  return true;
}

function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
}

/** The number of columns of a delimiter row (`| --- | :-: |`), or undefined when the line is not one. */
function delimiterColumns(state: StateBlock, line: number): number | undefined {
  let pos = state.bMarks[line] + state.tShift[line];
  const max = state.eMarks[line];
  if (pos >= max) return undefined;
  const first = state.src.charCodeAt(pos++);
  if (first !== PIPE && first !== DASH && first !== COLON) return undefined;
  if (pos >= max) return undefined;
  const second = state.src.charCodeAt(pos++);
  if (second !== PIPE && second !== DASH && second !== COLON && !isTabOrSpace(second)) return undefined;
  if (first === DASH && isTabOrSpace(second)) return undefined;
  for (; pos < max; pos++) {
    const c = state.src.charCodeAt(pos);
    if (c !== PIPE && c !== DASH && c !== COLON && !isTabOrSpace(c)) return undefined;
  }
  const columns = lineText(state, line).split('|');
  let count = 0;
  for (let i = 0; i < columns.length; i++) {
    const t = columns[i].trim();
    if (!t) {
      if (i === 0 || i === columns.length - 1) continue;
      return undefined;
    }
    if (!/^:?-+:?$/.test(t)) return undefined;
    count++;
  }
  return count;
}

/**
 * The cells markdown-it finds in a trimmed row: one more than its unescaped pipes (a pipe
 * right after a backslash is escaped), less an empty first and an empty last cell.
 */
function cellCount(row: string): number {
  let count = 1;
  for (let i = row.indexOf('|'); i !== -1; i = row.indexOf('|', i + 1)) {
    if (i === 0 || row.charCodeAt(i - 1) !== BACKSLASH) count++;
  }
  if (row.charCodeAt(0) === PIPE) count--;
  const last = row.length - 1;
  if (count > 0 && row.charCodeAt(last) === PIPE && (last === 0 || row.charCodeAt(last - 1) !== BACKSLASH)) count--;
  return count;
}
