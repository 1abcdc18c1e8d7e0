import type { IdRef, MimElement } from '../model/elements.js';
import type { ElementKind } from '../model/ids.js';
import type { Mim } from '../model/mim.js';
import type { IndexView } from './symbol-index.js';

/** Why a traceability reference names nothing: not an id of the kind at all, or an id that no element has. */
export type MissingTarget = 'not-an-id' | 'unknown';

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

/**
 * The MIM's own requirements that one reference names, as the MIM's table answers
 * them (a row `R.1` names the requirement written `R.1`, read as R1.1 under C1; `MIM0.R1.1`
 * written in MIM0 names its R1.1). A reference to another MIM's requirement names none of them.
 */
export function ownRequirementsNamed(
  mim: Mim,
  index: Pick<IndexView, 'ownElements'>,
  ref: IdRef,
): readonly MimElement[] {
  if (ref.target?.kind !== 'requirement' || (ref.mim !== undefined && ref.mim !== mim.id)) return NONE;
  return index.ownElements(mim, ref.target.id);
}

const NONE: readonly MimElement[] = Object.freeze([]);
