import { range, type Location, type Position } from '../model/range.js';
import type { Workspace } from '../workspace/workspace.js';
import { locate } from './locate.js';
import { anchorRange, resolveLink } from '../query/links.js';
import { idLocation, mimLocations } from './support/places.js';

/**
 * Go to definition: an id or a reference leads to every definition of the element (all of
 * them when it is duplicated), a MIM id to its main document, a citation to its reference
 * entry, a link to its target file and heading.
 */
export function definition(ws: Workspace, file: string, pos: Position): Location[] {
  const hit = locate(ws, file, pos);
  switch (hit?.kind) {
    case 'element':
      return hit.key ? ws.index.lookup(hit.key).map(idLocation) : [idLocation(hit.element)];
    case 'ref':
      return hit.resolved.key ? ws.index.lookup(hit.resolved.key).map(idLocation) : [];
    case 'mim':
      return mimLocations(ws, hit.mimId);
    case 'citation':
      return hit.reference ? [{ file: hit.reference.file, range: hit.reference.tagRange }] : [];
    case 'link': {
      const target = resolveLink(hit.link, hit.link.file, ws);
      if (!target?.path || target.outside || !ws.exists(target.path)) return [];
      return [{ file: target.path, range: anchorRange(ws.document(target.path), target.anchor) ?? range(0, 0, 0, 0) }];
    }
    default:
      return [];
  }
}
