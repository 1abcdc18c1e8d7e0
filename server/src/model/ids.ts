/** The kinds of element a MIM is made of, each with its id letter (mim-format §2). */
export type ElementKind = 'capability' | 'requirement' | 'mechanism' | 'guidance' | 'test';

/** Everything an id can name: a whole MIM or one of its elements. */
export type IdKind = 'mim' | ElementKind;

export const ELEMENT_PREFIX: Record<ElementKind, string> = {
  capability: 'C',
  requirement: 'R',
  mechanism: 'M',
  guidance: 'G',
  test: 'T',
};

export const ELEMENT_KIND_BY_PREFIX: Record<string, ElementKind> = {
  C: 'capability',
  R: 'requirement',
  M: 'mechanism',
  G: 'guidance',
  T: 'test',
};

/** The key of an element in the workspace symbol table: `MIM0.R1.1`. */
export function globalKey(mim: string, localId: string): string {
  return `${mim}.${localId}`;
}
