/**
 * The clauses of a draft ITU-T Recommendation, in the order ITU-T puts them (mim-format §3.3,
 * the `itu:` block): the reader places the clauses that come from top-level keys by it, and
 * itu/skeleton checks a draft against it.
 */
export const ITU_CLAUSES = [
  'summary',
  'keywords',
  'scope',
  'references',
  'definitions',
  'abbreviations',
  'conventions',
  'annexes',
  'appendices',
  'bibliography',
] as const;

/** Annexes and appendices, which a draft may leave out, share their place: either may come first. */
const OPTIONAL = new Set<string>(['annexes', 'appendices']);

/** The clauses every draft must have. */
export const ITU_REQUIRED_CLAUSES: readonly string[] = ITU_CLAUSES.filter((c) => !OPTIONAL.has(c));

/** The place of a clause in ITU-T order; undefined for a key that is no clause. */
export function ituClauseRank(name: string): number | undefined {
  const i = (ITU_CLAUSES as readonly string[]).indexOf(name);
  if (i < 0) return undefined;
  return name === 'appendices' ? ITU_CLAUSES.indexOf('annexes') : i;
}
