import { EVENT_ID, parseEvents, type Event } from 'js-yaml';
import { candidates } from './repair-candidates.js';
import { applyEdit, type Edit } from './repair-edits.js';

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
export function repairYaml(text: string, reader: FailureReader = WHOLE_TEXT): Repaired | undefined {
  let failure = reader.failure(text);
  // A repeated key is left as it is: the recovering parser keeps both entries and reports it.
  if (!failure || failure.repeat) return undefined;
  const edits: Edit[] = [];
  let current = text;
  let parses = Math.min(MAX_PARSES, Math.floor(PARSE_BUDGET / Math.max(1, text.length)));
  for (let round = 0; round < MAX_ROUNDS && failure && !failure.repeat && parses > 0; round++) {
    let best: { edit: Edit; failure: Failure | undefined } | undefined;
    for (const { node, ...edit } of candidates(current, failure.at)) {
      if (parses-- <= 0) break;
      const after = reader.failure(current, edit, node);
      if (!after) {
        best = { edit, failure: undefined };
        break;
      }
      if (after.at > (best?.failure ?? failure).at) best = { edit, failure: after };
    }
    if (!best) break;
    reader.keep?.(best.edit);
    current = applyEdit(current, best.edit);
    edits.push(best.edit);
    failure = best.failure;
  }
  return edits.length > 0 ? { text: current, edits, clean: failure === undefined } : undefined;
}

/**
 * How a repair learns where a text stops reading as YAML: by parsing it whole (`firstFailure`),
 * or, for a large text, by parsing only the parts around its errors (regional-read.ts).
 */
export interface FailureReader {
  /** Where `text`, after `edit` if given, first fails, as `firstFailure` tells it. */
  failure(text: string, edit?: Edit, node?: number): Failure | undefined;
  /** The edit made on the text the next calls start from. */
  keep?(edit: Edit): void;
}

const WHOLE_TEXT: FailureReader = {
  failure: (text, edit, node) => firstFailure(edit ? applyEdit(text, edit) : text, node),
};

/** Where a text first stops reading as YAML; `repeat` when only because a key repeats in a map. */
export interface Failure {
  at: number;
  repeat?: boolean;
}

/**
 * Where js-yaml first fails on a text, or a key first repeats in a map (which js-yaml's events
 * let through, and which a line moved into the wrong map makes): undefined when neither
 * happens, and then, given `node`, a failure unless a node starts there (a line moved or
 * mended must still be read as what it holds, not as more of a block scalar above it).
 */
export function firstFailure(text: string, node?: number): Failure | undefined {
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
