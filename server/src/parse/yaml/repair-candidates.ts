import type { Edit } from './repair-edits.js';
import { Lines, type Line } from './repair-lines.js';

// The edits that may be tried at an error, the likeliest first: the search keeps the first after
// which the text parses, so a slip is mended the way its writer most likely meant.

// How far above the first error an unclosed bracket or quote is looked for.
const OPENER_REACH = 500;

/** An edit to try, and where a node must start after it (in the edited text), if anywhere. */
export type Candidate = Edit & { node?: number };

/** The edits to try for the error at `error`, the likeliest first. */
export function candidates(text: string, error: number): Candidate[] {
  const lines = new Lines(text);
  const at = lines.lineOf(error);
  const here = lines.holdsNode(at) ? at : (lines.neighbour(at, -1) ?? at);
  const before = lines.neighbour(here, -1);
  const after = lines.neighbour(here, 1);
  // What an unclosed bracket or quote starts is reported where it stops making sense, lines below.
  const openers: number[] = [];
  for (let n = here - 1; n >= Math.max(0, here - OPENER_REACH) && openers.length < 2; n--) {
    const s = lines.line(n).shape;
    if (s.closers || s.quote) openers.push(n);
  }
  // A line that lost its colon turns the lines under it into one multi-line key, reported at
  // the next line as far in as it (its sibling) or further in (its parent is then the culprit).
  const indent = lines.indent(here);
  let sibling: number | undefined;
  let parent: number | undefined;
  for (
    let n = lines.neighbour(here, -1);
    n !== undefined && parent === undefined && !(indent === 0 && sibling !== undefined);
    n = lines.neighbour(n, -1)
  ) {
    const k = lines.indent(n);
    if (k <= indent) sibling ??= n;
    if (k < indent) parent = n;
  }
  const near = unique([here, ...openers, before, sibling, parent, after]);
  const edits: Candidate[] = [];
  for (const n of near) edits.push(...fixes(lines.line(n)));
  for (const n of unique([here, before, after])) edits.push(...reindents(lines, n), ...itemMarks(lines.line(n)));
  for (const n of near) edits.push(...blanks(lines.line(n)));
  return edits;
}

function unique(lines: (number | undefined)[]): number[] {
  return [...new Set(lines.filter((n): n is number => n !== undefined))];
}

/** Edits that put back a character the line lacks, or take out a tab. */
function fixes({ start, text, shape }: Line): Edit[] {
  const out: Edit[] = [];
  const end = start + shape.end;
  if (shape.quote) {
    // Inside a list or a map, the quote most likely ended before the brackets that end the line.
    const brackets = /[\s,\]}]*$/.exec(text.slice(0, shape.end))![0].length;
    if (brackets > 0) out.push({ at: end - brackets, remove: 0, insert: shape.quote });
    out.push({ at: end, remove: 0, insert: shape.quote + shape.closers });
  } else if (shape.closers) {
    out.push({ at: end, remove: 0, insert: shape.closers });
  } else if (shape.colon === undefined) {
    // A lost colon, or the space after it, only on a line that leaves nothing open (that explains the error).
    const key = /^[A-Za-z_][\w.-]*(?=[ \t]|$)/.exec(text.slice(shape.content));
    if (key) out.push({ at: start + shape.content + key[0].length, remove: 0, insert: ':' });
    const glued = /^[A-Za-z_][\w.-]*:(?=[^\s:])/.exec(text.slice(shape.content));
    if (glued) out.push({ at: start + shape.content + glued[0].length, remove: 0, insert: ' ' });
  }
  for (const tab of shape.tabs)
    out.push({ at: start + tab, remove: 1, insert: ' ' }, { at: start + tab, remove: 1, insert: '' });
  return out;
}

/**
 * Edits that move a line by one column, or to the indentation of a line near it. A line that
 * reads as a key or an item must then start a node: moved in, it could become more of a block
 * scalar above it, where it was not written.
 */
function reindents(lines: Lines, n: number): Candidate[] {
  const { start, text, shape } = lines.line(n);
  const key = shape.colon === undefined ? '' : text.slice(shape.content, shape.colon - 1);
  const entry = shape.content > shape.indent || /^(?:[^\s"'#][^\s]*|"[^"]*"|'[^']*')$/.test(key);
  // One column in first: a key moved out by one column is often valid one level further out
  // too, where it was not written; moved in, it can only be valid where a key above it is empty.
  const targets: number[] = [shape.indent + 1, shape.indent - 1];
  for (const k of [lines.neighbour(n, -1), lines.neighbour(n, 1)]) {
    if (k === undefined) continue;
    const s = lines.line(k).shape;
    targets.push(s.indent, s.content);
  }
  const out: Candidate[] = [];
  for (const t of new Set(targets)) {
    if (t < 0 || t === shape.indent) continue;
    const edit: Candidate = { at: start, remove: shape.indent, insert: ' '.repeat(t) };
    out.push(entry ? { ...edit, node: start + shape.content - shape.indent + t } : edit);
  }
  return out;
}

/** Edits that make a line an item of a list again, its `-` lost or turned into a space. */
function itemMarks({ start, shape }: Line): Candidate[] {
  if (shape.content > shape.indent || shape.indent === 0) return [];
  const node = start + shape.indent + 1;
  const out: Candidate[] = [{ at: start + shape.indent - 1, remove: 0, insert: '-', node }];
  if (shape.indent >= 2) out.push({ at: start + shape.indent - 2, remove: 1, insert: '-', node: node - 1 });
  return out;
}

/** Edits that give up part of a line: the value after its key, its node, or all of it. */
function blanks({ start, text, shape }: Line): Edit[] {
  const out: Edit[] = [];
  const blank = (from: number) => ({
    at: start + from,
    remove: text.length - from,
    insert: ' '.repeat(text.length - from),
  });
  if (shape.colon !== undefined && shape.colon < text.length) out.push(blank(shape.colon));
  if (shape.content < text.length) out.push(blank(shape.content));
  if (shape.content > shape.indent) out.push(blank(shape.indent));
  return out;
}
