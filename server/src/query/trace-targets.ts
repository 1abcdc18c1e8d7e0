import type { IdRef } from '../model/elements.js';
import type { ElementKind } from '../model/ids.js';
import type { Mim } from '../model/mim.js';
import type { IndexView } from './index-view.js';
import type { MissingTarget } from './trace-types.js';

/**
 * The test the trace rules and the traceability matrix share for a reference that should name
 * an element of a kind: undefined when it names one in its own MIM, or in the MIM it names when
 * that one is in the workspace (another MIM's elements cannot be checked otherwise).
 */
export function traceTargetCheck(
  mim: Mim,
  index: IndexView,
): (ref: IdRef, kind: ElementKind) => MissingTarget | undefined {
  // A MIM alone with its id answers local references from its own table; where another MIM
  // claims the same id, the index answers for all of them, as for any global reference.
  const alone = index.byId.get(mim.id)?.length === 1;
  return (ref, kind) => {
    if (ref.target?.kind !== kind) return 'not-an-id';
    const own = ref.mim === undefined || ref.mim === mim.id;
    if (!own && !index.byId.has(ref.mim!)) return undefined;
    // Local ids carry their kind in their letter, so any element under the key is of that kind.
    const found =
      own && alone ? index.ownElements(mim, ref.target.id) : index.lookup(`${ref.mim ?? mim.id}.${ref.target.id}`);
    return found.length > 0 ? undefined : 'unknown';
  };
}
