import type { Location, Position } from '../model/range.js';
import type { Workspace } from '../workspace/workspace.js';
import { locate } from './locate.js';
import { byPlace, idLocation, mimLocations, mimOrDocument } from './support/places.js';

/** Long loops look at this between steps and stop early once it says so. */
export type IsCancelled = () => boolean;

/**
 * Find references: for an element, every reference in the workspace that resolves to its
 * global key (local ids in their own MIM, global ids in the MIM they name); for a MIM id,
 * every reference that names the MIM; for a citation or a reference tag, every citation of
 * the tag in the MIM. With `includeDeclaration`, the definitions come first; the uses follow
 * by file and position.
 */
export function references(
  ws: Workspace,
  file: string,
  pos: Position,
  includeDeclaration: boolean,
  isCancelled?: IsCancelled,
): Location[] {
  const hit = locate(ws, file, pos);
  const index = ws.index;
  let declarations: Location[] = [];
  const uses: Location[] = [];
  switch (hit?.kind) {
    case 'element':
    case 'ref': {
      const key = hit.kind === 'element' ? hit.key : hit.resolved.key;
      const mimId = hit.kind === 'element' ? hit.mim?.id : hit.resolved.mimId;
      if (!key || !mimId) {
        if (hit.kind === 'element') declarations = [idLocation(hit.element)];
        break;
      }
      declarations = index.lookup(key).map(idLocation);
      for (const r of index.refsInto(mimId).get(key) ?? []) {
        if (isCancelled?.()) break;
        uses.push({ file: r.ref.file, range: r.ref.range });
      }
      break;
    }
    case 'mim': {
      declarations = mimLocations(ws, hit.mimId);
      for (let i = 0; i < index.refs.length; i++) {
        if (i % 1024 === 0 && isCancelled?.()) break;
        const ref = index.refs[i].ref;
        if (ref.mim === hit.mimId) uses.push({ file: ref.file, range: ref.range });
      }
      break;
    }
    case 'citation':
    case 'reference': {
      const tag = hit.kind === 'citation' ? hit.citation.tag : hit.reference.tag;
      const mim = mimOrDocument(ws, ws.document(file)!);
      declarations = mim.references.filter((r) => r.tag === tag).map((r) => ({ file: r.file, range: r.tagRange }));
      for (const d of mim.documents)
        for (const c of d.citations) if (c.tag === tag) uses.push({ file: c.file, range: c.range });
      break;
    }
    default:
      return [];
  }
  uses.sort(byPlace);
  return includeDeclaration ? [...declarations, ...uses] : uses;
}
