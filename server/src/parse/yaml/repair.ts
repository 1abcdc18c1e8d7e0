import { EVENT_ID, parseEvents, type Event } from 'js-yaml';
import { applyEdit, type Edit } from './repair-edits.js';
import { Lines, type Line } from './repair-lines.js';

// The way back from the repaired text is part of what a repair hands its caller.
export { applyEdit, originalOffset, unrepair, type Edit } from './repair-edits.js';

export interface Repaired {
  text: string;
  /** In the order they were made, each on the text the previous ones left. */
  edits: Edit[];
  /** Whether the repaired text parses. */
  clean: boolean;
}

// At most this many rounds (one error each), parses, and characters parsed in all: a file
// broken in many places keeps the repairs made so far, and a large one is tried fewer times.
const MAX_ROUNDS = 8;
const MAX_PARSES = 64;
const PARSE_BUDGET = 4_000_000;
// How far above the first error an unclosed bracket or quote is looked for.
const OPENER_REACH = 500;

/** Where a text first stops reading as YAML; `repeat` when only because a key repeats in a map. */
interface Failure {
  at: number;
  repeat?: boolean;
}

/**
 * Where js-yaml first fails on a text, or a key first repeats in a map (which js-yaml's events
 * let through, and which a line moved into the wrong map makes): undefined when neither
 * happens, and then, given `node`, a failure unless a node starts there (a line moved or
 * mended must still be read as what it holds, not as more of a block scalar above it).
 */
function firstFailure(text: string, node?: number): Failure | undefined {
  let events: Event[];
  try {
    events = parseEvents(text, {});
  } catch (e) {
    const mark = (e as { mark?: { position?: number } }).mark;
    return { at: typeof mark?.position === 'number' ? mark.position : 0 };
  }
  const repeated = repeatedKey(text, events);
  if (repeated !== undefined) return { at: repeated, repeat: true };
  if (node === undefined) return undefined;
  for (const e of events) {
    if (
      e.type === EVENT_ID.SCALAR
        ? e.valueStart === node || e.valueStart === node + 1
        : (e.type === EVENT_ID.MAPPING || e.type === EVENT_ID.SEQUENCE) && e.start === node
    )
      return undefined;
  }
  return { at: -1 };
}

/** Where a key of a map is written a second time; keys are compared as written. */
function repeatedKey(text: string, events: Event[]): number | undefined {
  // One frame a collection or document: the keys of a map so far, and whether its next node is a key.
  const stack: { keys?: Set<string>; key: boolean }[] = [];
  for (const e of events) {
    if (e.type === EVENT_ID.POP) {
      stack.pop();
      continue;
    }
    const top = stack[stack.length - 1];
    const isKey = top?.keys !== undefined && top.key;
    if (top?.keys) top.key = !top.key;
    if (e.type === EVENT_ID.MAPPING) stack.push({ keys: new Set(), key: true });
    else if (e.type === EVENT_ID.SEQUENCE || e.type === EVENT_ID.DOCUMENT) stack.push({ key: false });
    else if (isKey && e.type === EVENT_ID.SCALAR) {
      const name = text.slice(e.valueStart, e.valueEnd);
      if (top!.keys!.has(name)) return e.valueStart;
      top!.keys!.add(name);
    }
  }
  return undefined;
}

/**
 * Repairs a broken YAML text, so that one slip (a lost `]`, `:` or quote, a bad indent, a
 * stray tab) costs the model the node it is in and nothing around it. The recovering parser
 * reports the errors, but what it makes of the rest can be far from what was written: an
 * unclosed `[` takes the lines below it into the list, a key without its colon turns the list
 * under it into a multi-line key. Here small edits near the first error are tried, the ones a
 * writer most likely meant first (close the bracket or the quote, put the colon back, undo the
 * tab, move the line by a column), then blanking part of a line; the first edit after which
 * the text parses, or else the one that takes the first error furthest, is kept, and so on for
 * the next error, within a budget of parses. Undefined when js-yaml reads the text as it is
 * (its error is of a kind these edits are not for: a tab the two parsers disagree on, a
 * repeated key) or no edit gets further.
 */
export function repairYaml(text: string): Repaired | undefined {
  let failure = firstFailure(text);
  // A repeated key is left as it is: the recovering parser keeps both entries and reports it.
  if (!failure || failure.repeat) return undefined;
  const edits: Edit[] = [];
  let current = text;
  let parses = Math.min(MAX_PARSES, Math.floor(PARSE_BUDGET / Math.max(1, text.length)));
  for (let round = 0; round < MAX_ROUNDS && failure && !failure.repeat && parses > 0; round++) {
    let best: { edit: Edit; failure: Failure | undefined } | undefined;
    for (const { node, ...edit } of candidates(current, failure.at)) {
      if (parses-- <= 0) break;
      const after = firstFailure(applyEdit(current, edit), node);
      if (!after) {
        best = { edit, failure: undefined };
        break;
      }
      if (after.at > (best?.failure ?? failure).at) best = { edit, failure: after };
    }
    if (!best) break;
    current = applyEdit(current, best.edit);
    edits.push(best.edit);
    failure = best.failure;
  }
  return edits.length > 0 ? { text: current, edits, clean: failure === undefined } : undefined;
}

/** An edit to try, and where a node must start after it (in the edited text), if anywhere. */
type Candidate = Edit & { node?: number };

/** The edits to try for the error at `error`, the likeliest first. */
function candidates(text: string, error: number): Candidate[] {
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
  } else if (shape.closers) out.push({ at: end, remove: 0, insert: shape.closers });
  if (shape.colon === undefined && !shape.quote && !shape.closers) {
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
