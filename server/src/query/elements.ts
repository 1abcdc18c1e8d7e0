import { elementsOf, type MimElement } from '../model/elements.js';
import type { Mim } from '../model/mim.js';

/** Every element of a MIM in document order, those without an id left out. */
export function allElements(mim: Mim): MimElement[] {
  return elementsOf(mim).filter((e) => e.id.length > 0);
}

export const KIND_NAME: Record<MimElement['kind'], string> = {
  capability: 'capability',
  requirement: 'requirement',
  mechanism: 'mechanism',
  guidance: 'guidance',
  test: 'test',
};
