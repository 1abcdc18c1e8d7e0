import type { Location, Range } from '../model/range.js';
import type { Workspace } from '../workspace/workspace.js';
import { requirementUses } from './support/owners.js';
import { idFrom, idLocation } from './support/places.js';

export interface CodeLens {
  /** The requirement's id: the lens shows above its line. */
  range: Range;
  /** `satisfied by M1, M2 · tested by T1`, or `not satisfied`. */
  title: string;
  /** The requirement's global key, `MIM7.R1.1`. */
  requirement: string;
  /** The mechanisms and tests named in the title, for a front that shows them on a click. */
  locations: Location[];
}

/** A lens above each requirement of a document: which mechanisms satisfy it and which tests cover it. */
export function codeLenses(ws: Workspace, file: string): CodeLens[] {
  const doc = ws.document(file);
  const mim = ws.index.mimOf(file);
  if (!doc || !mim) return [];
  return doc.requirements.map((r) => {
    const key = `${mim.id}.${r.id}`;
    const uses = requirementUses(ws, mim, r);
    const name = (u: (typeof uses.satisfiedBy)[number] | (typeof uses.testedBy)[number]) =>
      idFrom(u.element, u.mim?.id, mim.id);
    const parts = [
      uses.satisfiedBy.length > 0 ? `satisfied by ${uses.satisfiedBy.map(name).join(', ')}` : 'not satisfied',
    ];
    if (uses.testedBy.length > 0) parts.push(`tested by ${uses.testedBy.map(name).join(', ')}`);
    return {
      range: r.idRange,
      title: parts.join(' · '),
      requirement: key,
      locations: [...uses.satisfiedBy, ...uses.testedBy].map((u) => idLocation(u.element)),
    };
  });
}
