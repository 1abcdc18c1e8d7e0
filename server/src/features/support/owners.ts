import type { DocumentModel } from '../../model/document.js';
import type { IdRef, Mechanism, MimElement, Requirement, Test } from '../../model/elements.js';
import { globalKey } from '../../model/ids.js';
import type { Mim } from '../../model/mim.js';
import type { Workspace } from '../../workspace/workspace.js';

// Built once per parsed document, so that a hover or a code lens never walks other files.
const owners = new WeakMap<DocumentModel, Map<IdRef, MimElement>>();

/** The element a reference is written in: the mechanism of a mapping row, the test of a `Covers:` list, ... */
export function ownerOf(doc: DocumentModel | undefined, ref: IdRef): MimElement | undefined {
  if (!doc) return undefined;
  let map = owners.get(doc);
  if (!map) {
    map = new Map();
    for (const m of doc.mechanisms) for (const row of m.satisfies) map.set(row.ref, m);
    for (const t of doc.tests) for (const r of t.covers) map.set(r, t);
    for (const g of doc.guidance) for (const r of g.mechanisms) map.set(r, g);
    for (const r of doc.requirements) for (const s of r.seeAlso) map.set(s, r);
    owners.set(doc, map);
  }
  return map.get(ref);
}

export interface Use<T extends MimElement> {
  element: T;
  /** The MIM the element belongs to. */
  mim?: Mim;
}

export interface RequirementUses {
  satisfiedBy: Use<Mechanism>[];
  testedBy: Use<Test>[];
}

/** The mechanisms that satisfy a requirement of a MIM and the tests that cover it, from any MIM of the workspace. */
export function requirementUses(ws: Workspace, mim: Mim, requirement: Requirement): RequirementUses {
  const out: RequirementUses = { satisfiedBy: [], testedBy: [] };
  for (const r of ws.index.refsInto(mim.id).get(globalKey(mim.id, requirement.id)) ?? []) {
    const owner = ownerOf(ws.index.documents.get(r.ref.file), r.ref);
    if (owner?.kind === 'mechanism' && (r.ref.role === 'mapping' || r.ref.role === 'satisfies'))
      addOnce(out.satisfiedBy, owner, r.from);
    else if (owner?.kind === 'test' && r.ref.role === 'covers') addOnce(out.testedBy, owner, r.from);
  }
  return out;
}

function addOnce<T extends MimElement>(list: Use<T>[], element: T, mim: Mim | undefined): void {
  if (!list.some((u) => u.element === element)) list.push({ element, mim });
}
