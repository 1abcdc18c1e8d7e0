import type { MimElement } from '../model/elements.js';
import { ELEMENT_PREFIX } from '../model/ids.js';
import type { Mim } from '../model/mim.js';
import { allElements } from './elements.js';

/**
 * The id after the highest one in use for an element's kind: `R2.4` after `R2.3` under C2,
 * `M3` after `M2`. Used by quick fixes and snippets.
 */
export function nextFreeId(mim: Mim, like: Pick<MimElement, 'kind' | 'id'>): string | undefined {
  const ids = allElements(mim)
    .filter((e) => e.kind === like.kind)
    .map((e) => e.id);
  if (like.kind === 'requirement') {
    const cap = /^R(\d+)\./.exec(like.id)?.[1];
    if (cap === undefined) return undefined;
    return `R${cap}.${highest(ids, new RegExp(`^R${cap}\\.(\\d+)`)) + 1}`;
  }
  const prefix = ELEMENT_PREFIX[like.kind];
  return `${prefix}${highest(ids, new RegExp(`^${prefix}(\\d+)$`)) + 1}`;
}

function highest(ids: string[], re: RegExp): number {
  let max = 0;
  for (const id of ids) {
    const m = re.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max;
}
