import { parseDocument, type Document } from 'yaml';
import { fastTree, isAmbiguous } from './fast-tree.js';
import { fullTree } from './full-tree.js';
import { parserWarning } from './parser-warnings.js';
import { assemble, NotAssembled } from './region-assemble.js';
import { planRegions, readRegions, type Plan } from './region-plan.js';
import { Reduction } from './reduction.js';
import { splitEntries, type Entry } from './regions.js';
import { applyEdit, firstFailure, originalOffset, repairYaml, type Edit, type Failure } from './repair.js';
import { mapped, type Bias } from './tree-map.js';
import type { YamlNode } from './tree.js';

/** A text this long or longer is read by regions when it is broken; a shorter one costs less whole. */
export const REGIONAL_FROM = 20_000;

/** A document marker: a text with one may hold several documents, which only the whole reading handles. */
export const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?:\s|$)/m;

/** What `yaml` reports on a text: the message and where. */
export interface RawError {
  message: string;
  start: number;
  end: number;
}

export interface RegionalRead {
  errors: RawError[];
  /** The parser's warnings (parser-warnings.ts), worded and placed in the whole text. */
  warnings: RawError[];
  /** The tree of the text as written, as the whole reading would make it. */
  root: YamlNode | null;
  /** What `yaml` made of the parts read, for what is asked of the document (its aliases). */
  doc: Document.Parsed;
}

/** Thrown where the parts read might not tell what the whole text would: it is then read whole. */
class Whole extends Error {}

const OPTIONS = { prettyErrors: false, uniqueKeys: true, logLevel: 'error' } as const;

/**
 * A broken text read as the whole reading (load.ts) would read it, parsing only the regions
 * around its errors with the recovering parser. The text is split at its top-level keys, at the
 * items of the sequences under them, and a broken item at its own keys and sequences
 * (regions.ts); each item is read alone by the fast path, and those that do not read are broken
 * (region-plan.ts). The recovering parser and the repairs then read a reduced text: the keys and
 * their values but the sequences' items, and each broken item with a few items on either side
 * and one more beyond them (an item begins where every scalar and collection above it has ended,
 * so what comes before it does not change how it reads). The trees of the items left out come
 * from the fast path (region-assemble.ts). Undefined when the text is not so split, or when an
 * error, a warning, a failure of a repair or an edit it tries falls outside the kept stretch of
 * text that holds a broken item, or the reduced tree does not show every key, and each item kept
 * beyond the near ones as it reads alone: the text is then read whole.
 */
export function readByRegions(text: string): RegionalRead | undefined {
  if (isAmbiguous(text) || DOCUMENT_MARKER.test(text)) return undefined;
  const entries = splitEntries(text);
  if (!entries || entries.length === 0) return undefined;
  const regions = readRegions(text, entries);
  if (!regions) return undefined;
  // What a broken item does to the items after it may reach several of them: a few more are kept, then all.
  for (const radius of RADII) {
    const plan = planRegions(entries, regions, radius);
    // Keeping all of the text, the reading by regions is the whole reading, at a greater cost.
    if (plan.keep.length === 1 && plan.keep[0][1] - plan.keep[0][0] === text.length) return undefined;
    try {
      return new RegionalReader(text, entries, plan).read();
    } catch (e) {
      // Nesting beyond the stack is the whole reading's to report.
      if (e instanceof RangeError) return undefined;
      if (!(e instanceof Whole || e instanceof NotAssembled)) throw e;
    }
  }
  return undefined;
}

/**
 * How many items on either side of a broken one are near it, tried in turn: a list that lost
 * its `]` garbles a few of the items after it; an error that reaches further is read whole.
 */
const RADII = [3, 12, 48];

class RegionalReader {
  /**
   * Where errors, failures and the repairs' edits may lie: the kept parts that hold a run of
   * items near a broken one, their ends excluded (past a part's end the reduced text goes on
   * otherwise than the whole one).
   */
  private readonly zones: [number, number][] = [];
  /** Where the repairs may edit: the zones but their parts' first lines. */
  private readonly editable: [number, number][] = [];
  private readonly reduced: Reduction;

  constructor(
    private readonly text: string,
    private readonly entries: Entry[],
    private readonly plan: Plan,
  ) {
    this.reduced = new Reduction(text, plan.keep);
    for (const [start] of plan.runs) {
      const [from, to] = this.reduced.wholePart(start)!;
      const end = to === text.length ? to + 1 : to;
      this.zones.push([from, end]);
      // The first line of a part follows text left out: edited, it could join that text.
      const eol = text.indexOf('\n', from);
      this.editable.push([from === 0 ? 0 : eol < 0 ? end : eol + 1, end]);
    }
  }

  read(): RegionalRead {
    const doc = parseDocument(this.reduced.text, OPTIONS);
    const errors: RawError[] = [];
    for (const e of doc.errors) {
      if (e.code === 'RESOURCE_EXHAUSTION') throw new Whole();
      const start = this.reduced.toWhole(e.pos[0], 'start');
      const end = this.reduced.toWhole(e.pos[1], 'end');
      this.mustReach(start, end);
      errors.push({ message: e.message, start, end });
    }
    // A text the recovering parser reads without error is the whole reading's to tell.
    if (errors.length === 0) throw new Whole();
    const warnings = doc.warnings.map((w) => {
      const start = this.reduced.toWhole(w.pos[0], 'start');
      const end = this.reduced.toWhole(w.pos[1], 'end');
      this.mustReach(start, end);
      return { message: parserWarning(w).message, start, end: Math.max(start, end) };
    });
    return { errors, warnings, root: this.tree(doc), doc };
  }

  private mustReach(start: number, end: number, zones = this.zones): void {
    if (!zones.some(([s, e]) => start >= s && end < e)) throw new Whole();
  }

  /**
   * The tree the whole reading would make: the repaired text's if a repair gets further, else the
   * recovering parser's. The recovering parser's tree is assembled in any case: that it shows
   * every key, and the items two away from a broken one as they read alone, shows that the errors
   * end where they are, so that the items left out read in the whole text as they read alone.
   */
  private tree(doc: Document.Parsed): YamlNode | null {
    const pristine = this.reduced;
    const recovered = this.assembled(fullTree(doc.contents, pristine.text), (o, bias) => pristine.toWhole(o, bias));
    const work = new Reduction(this.text, this.plan.keep);
    const kept: Edit[] = [];
    const repaired = repairYaml(this.text, {
      failure: (_text, edit, node) => this.failure(work, kept, edit, node),
      keep: (edit) => {
        work.keep(this.reduce(work, kept, edit));
        kept.push(edit);
      },
    });
    if (repaired) {
      const fast = fastTree(work.text);
      const tree = fast
        ? fast.root
        : fullTree(parseDocument(work.text, { prettyErrors: false, uniqueKeys: true }).contents, work.text);
      if (tree) return this.assembled(tree, (o, bias) => originalOffset(work.toWhole(o, bias), repaired.edits));
    }
    return recovered;
  }

  private assembled(tree: YamlNode | null, at: (offset: number, bias: Bias) => number): YamlNode {
    return assemble(tree && mapped(tree, at), this.entries, this.plan.regions);
  }

  /** A repair's edit of the whole text as the same edit of the reduced one; only within a zone. */
  private reduce(work: Reduction, kept: readonly Edit[], edit: Edit): { part: number; edit: Edit } {
    const from = originalOffset(edit.at, kept);
    const to = originalOffset(edit.at + edit.remove, kept);
    this.mustReach(from, to, this.editable);
    const reduced = work.reduce(edit);
    if (!reduced) throw new Whole();
    return reduced;
  }

  /** Where the text, after the edits kept and `edit`, first fails, read in its reduced form. */
  private failure(work: Reduction, kept: readonly Edit[], edit?: Edit, node?: number): Failure | undefined {
    const candidate = edit && this.reduce(work, kept, edit);
    const text = candidate ? applyEdit(work.text, candidate.edit) : work.text;
    const at = node === undefined ? undefined : work.toReduced(node, 'start', candidate);
    if (node !== undefined && at === undefined) throw new Whole();
    const failure = firstFailure(text, at);
    if (!failure || failure.at < 0) return failure;
    const whole = work.toWhole(failure.at, 'start', candidate);
    const original = originalOffset(whole, edit ? [...kept, edit] : kept);
    this.mustReach(original, original);
    return { ...failure, at: whole };
  }
}
