import type { Convention } from '../../model/conventions.js';
import type { KeywordHit, Requirement } from '../../model/elements.js';
import type { Mim } from '../../model/mim.js';
import { belongsTo, countsUnder, phraseInfo } from '../../parse/text/keywords.js';

/**
 * What a keyword hit of a requirement is under the MIM's conventions, so that the keyword
 * rules split the work and no hit is reported by two of them:
 * - `proper`: counts under the convention (and is declared, where the declaration names keywords);
 * - `undeclared`: counts, but the declaration lists or defines other keywords (conventions/mismatch);
 * - `wrong-case`: the convention's phrase in the case that does not count (requirement/keyword-case);
 * - `foreign`: a phrase of another convention only, in that convention's case (conventions/mismatch);
 * - `prose`: ordinary words, e.g. a lower-case modal beside a proper keyword.
 */
export type HitClass = 'proper' | 'undeclared' | 'wrong-case' | 'foreign' | 'prose';

export interface KeywordView {
  convention: Convention | undefined;
  /** Keywords the declaration lists or defines; undefined when it names none. */
  declared?: ReadonlySet<string>;
}

export function keywordView(mim: Mim): KeywordView {
  // A MIM object never changes (a change builds a new one): its view is made once, and the
  // classes of its requirements' hits are kept with that view.
  let view = VIEWS.get(mim);
  if (!view) VIEWS.set(mim, (view = makeView(mim)));
  return view;
}

const VIEWS = new WeakMap<Mim, KeywordView>();

function makeView(mim: Mim): KeywordView {
  const decl = mim.conventions;
  const keys = decl ? [...decl.listed, ...decl.defined].map((k) => k.key).filter((k) => phraseInfo(k)) : [];
  return keys.length > 0 && mim.convention
    ? { convention: mim.convention, declared: new Set(keys) }
    : { convention: mim.convention };
}

/** The classes worked out under each view; a view belongs to one MIM object, and so do its requirements. */
const CLASSES = new WeakMap<KeywordView, Map<Requirement, readonly HitClass[]>>();
// Rules ask for the requirements of one MIM in a row: the last view's table is kept at hand.
let lastView: KeywordView | undefined;
let lastTable = new Map<Requirement, readonly HitClass[]>();

/** One class per hit of `r.keywords`, in the same order; shared between the rules that ask, so read-only. */
export function classifyHits(r: Requirement, view: KeywordView): readonly HitClass[] {
  if (view !== lastView) {
    let table = CLASSES.get(view);
    if (!table) CLASSES.set(view, (table = new Map()));
    lastView = view;
    lastTable = table;
  }
  let classes = lastTable.get(r);
  if (!classes) lastTable.set(r, (classes = shared(classifyKeywords(r.keywords, view))));
  return classes;
}

/**
 * One frozen list for each sequence of classes: nearly every requirement has the same one or
 * two (`proper`), and the tables hold a list for every requirement of the workspace.
 */
const SHARED = new Map<string, readonly HitClass[]>();

function shared(classes: HitClass[]): readonly HitClass[] {
  const key = classes.join();
  let list = SHARED.get(key);
  if (list) return list;
  list = Object.freeze(classes);
  // Bounded: a text written to hold every sequence would otherwise grow it for the life of the process.
  if (SHARED.size < 1000) SHARED.set(key, list);
  return list;
}

/** One class per hit of a text (a requirement's, or a quote of one), uncached. */
export function classifyKeywords(hits: readonly KeywordHit[], view: KeywordView): HitClass[] {
  const c = view.convention;
  // Nothing declared: every keyword of every set counts, in any case.
  if (c === undefined) return hits.map(() => 'proper');
  const classes = hits.map((hit): HitClass => {
    if (countsUnder(hit, c)) return view.declared && !view.declared.has(hit.key) ? 'undeclared' : 'proper';
    if (belongsTo(hit, c)) return 'wrong-case';
    return hit.caseOk.length > 0 ? 'foreign' : 'prose';
  });
  if (!classes.some((k) => k === 'proper' || k === 'undeclared')) return classes;
  // Beside a keyword that counts, lower-case modals are prose.
  return classes.map((k, i) => (k === 'wrong-case' || (k === 'foreign' && isLower(hits[i])) ? 'prose' : k));
}

function isLower(hit: KeywordHit): boolean {
  return hit.written === hit.written.toLowerCase();
}

/** A few keywords of a convention, for messages. */
export const KEYWORD_EXAMPLES: Record<Convention | 'any', string> = {
  bcp14: 'MUST, SHALL, SHOULD, MAY, ...',
  iso: 'shall, should, may, ...',
  itu: 'is required to, is recommended, can optionally, ...',
  any: 'SHALL, SHOULD, MAY, is required to, ...',
};

export const CONVENTION_NAME: Record<Convention, string> = { bcp14: 'a BCP 14', iso: 'an ISO', itu: 'an ITU' };
