import { normalizeMimId } from '../model/ids.js';

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
