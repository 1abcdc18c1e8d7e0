// How a YAML text falls into regions that each parser reads alone: the entries of a block map
// (the top level's, or an item's), and the items of those entries that hold a block sequence.
// Read from lines, not as YAML (the text may not parse): a line of content at a lesser
// indentation ends every scalar and flow collection opened above it, for both parsers, so each
// region starts where what came before it is closed.

/** An item of a block sequence: its lines, from its `-` to the next item's. */
export interface Item {
  start: number;
  end: number;
  /** The column of its `-`. */
  indent: number;
  /** A line at the item's indentation or less that is not an item: the region is odd, and read as broken. */
  odd: boolean;
}

/** A key of a block map and the lines under it, until the next key. */
export interface Entry {
  /** Where the key is written (past the `- ` of an item's first key). */
  key: number;
  /** Where its lines start, and end. */
  start: number;
  end: number;
  /** The items, when the entry holds a block sequence written on the lines below its key. */
  items?: Item[];
}

/** A plain key, its colon followed by a space or the line's end. */
const KEY = /^[A-Za-z_][A-Za-z0-9_-]*:(?:[ \r]|$)/;
/** A key whose value starts on the next lines: nothing after the colon but a comment. */
const OPEN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*:[ ]*(?:#.*)?\r?$/;

/**
 * The entries of a text whose root is a block map of plain keys at the first column, with the
 * items of each entry that holds a block sequence; undefined for any other text (a line at the
 * first column that is not such a key, anything before the first key but comments). The
 * entries cover the text from the first key to its end.
 */
export function splitEntries(text: string): Entry[] | undefined {
  return splitMap(text, 0, text.length, 0, false);
}

/**
 * The entries of an item that is a block map of plain keys (`- id: C1` and the keys under it),
 * undefined for any other item.
 */
export function splitItem(text: string, item: Item): Entry[] | undefined {
  if (item.odd || text.charCodeAt(item.start + item.indent + 1) !== 0x20) return undefined;
  return splitMap(text, item.start, item.end, item.indent + 2, true);
}

/** The lines from `from` to `to` as a map whose keys are at column `indent`; `dash`: its first key follows an item's `- `. */
function splitMap(text: string, from: number, to: number, indent: number, dash: boolean): Entry[] | undefined {
  const entries: Entry[] = [];
  let entry: Entry | undefined;
  /** The indentation of the current entry's items, once its first one is read. */
  let itemIndent = 0;
  for (let start = from; start < to;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 || nl >= to ? to : nl + 1;
    const line = text.slice(start, nl < 0 || nl >= to ? to : nl);
    let column = start === from && dash ? indent : 0;
    while (line.charCodeAt(column) === 0x20) column++;
    const c = line.charCodeAt(column);
    const filler = column === line.length || c === 0x23 /* # */ || (c === 0x0d && column === line.length - 1);
    if (filler) {
      // Blank lines and comments belong to the region above them.
    } else if (column < indent) {
      return undefined;
    } else if (column === indent) {
      const rest = line.slice(indent);
      if (!KEY.test(rest)) return undefined;
      if (entry) close(entry, start);
      entry = { key: start + indent, start, end: to, ...(OPEN_KEY.test(rest) && { items: [] }) };
      entries.push(entry);
    } else if (!entry) {
      return undefined;
    } else if (entry.items) {
      const items = entry.items;
      const isDash = c === 0x2d /* - */ && isBlankOrEnd(line.charCodeAt(column + 1));
      if (items.length === 0) {
        // The first line under the key decides: a sequence's first item, or a value of another kind.
        if (!isDash) delete entry.items;
        else {
          itemIndent = column;
          items.push({ start, end: to, indent: column, odd: false });
        }
      } else if (column <= itemIndent) {
        if (isDash && column === itemIndent) {
          items[items.length - 1].end = start;
          items.push({ start, end: to, indent: column, odd: false });
        } else items[items.length - 1].odd = true;
      }
    }
    start = end;
  }
  if (entry) close(entry, to);
  return entries;
}

function close(entry: Entry, end: number): void {
  entry.end = end;
  const items = entry.items;
  if (items && items.length === 0) delete entry.items;
  else if (items) items[items.length - 1].end = end;
}

const isBlankOrEnd = (c: number) => Number.isNaN(c) || c === 0x20 || c === 0x0a || c === 0x0d;
