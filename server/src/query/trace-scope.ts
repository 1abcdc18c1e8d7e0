import { isInside } from '../base/paths.js';
import type { Mim } from '../model/mim.js';
import type { IndexView } from './index-view.js';

export type MatrixScope = 'mim' | 'workspace';

/**
 * The MIMs a matrix view shows: every MIM of the workspace; or, for `mim`, the MIM of the file
 * (each MIM claiming its id, so that a duplicated MIM shows whole), or those under the folder,
 * or every MIM when no path is given.
 */
export function mimsInScope(index: IndexView, scope: MatrixScope, path: string | undefined): readonly Mim[] {
  if (scope === 'workspace' || path === undefined) return index.mims;
  const own = index.mimOf(path);
  if (own) return index.byId.get(own.id) ?? [own];
  return index.mims.filter((m) => isInside(m.root, path));
}
