import { normalizeMimId } from '../model/ids.js';
import type { Workspace } from '../workspace/workspace.js';

/**
 * The MIM number to propose for a new MIM: the lowest that neither the registry in force nor
 * a MIM of the workspace uses, so that a draft never takes a published MIM's number unasked.
 */
export function nextFreeMim(taken: Iterable<string>): string {
  const used = new Set<number>();
  for (const id of taken) {
    const norm = normalizeMimId(id);
    if (norm) used.add(Number(norm.slice(3)));
  }
  let n = 0;
  while (used.has(n)) n++;
  return `MIM${n}`;
}

/** The number to propose for a new MIM in `folder`: free in the registry in force there and in the workspace. */
export function proposeMimId(ws: Workspace, folder: string): string {
  const registry = ws.registryFor(`${folder}/new.mim.yaml`).keys();
  return nextFreeMim([...registry, ...ws.mims().flatMap((m) => (m.known ? [m.id] : []))]);
}
