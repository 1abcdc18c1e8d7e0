import type { IdRef, RefRole } from '../../model/elements.js';
import type { ElementKind } from '../../model/ids.js';
import type { Mim } from '../../model/mim.js';
import type { RuleContext } from '../rule.js';

export interface TraceCheck {
  code: string;
  roles: ReadonlySet<RefRole>;
  kind: ElementKind;
  /** How the message names the kind and shows a valid id: `requirement`, `R1.1 or MIM0.R1.1`. */
  noun: string;
  example: string;
}

/**
 * Reports the traceability references of a MIM that name no element of the expected kind: in
 * the MIM itself, or in the MIM they name when that one is in the workspace (another MIM's
 * elements cannot be checked otherwise).
 */
export function reportUnknownTargets(mim: Mim, ctx: RuleContext, check: TraceCheck): void {
  // A MIM alone with its id answers local references from its own table; where another MIM
  // claims the same id, the index answers for all of them, as for any global reference.
  const alone = ctx.index.byId.get(mim.id)?.length === 1;
  for (const doc of mim.documents) {
    for (const ref of doc.refs) {
      if (!check.roles.has(ref.role)) continue;
      if (ref.target?.kind !== check.kind) {
        ctx.report({
          code: check.code,
          file: ref.file,
          range: ref.range,
          message: `'${ref.text}' names no ${check.noun}: expected an id such as ${check.example}`,
        });
        continue;
      }
      const own = ref.mim === undefined || ref.mim === mim.id;
      if (!own && !ctx.index.byId.has(ref.mim!)) continue;
      // Local ids carry their kind in their letter, so any element under the key is of that kind.
      const found =
        own && alone
          ? ctx.index.ownElements(mim, ref.target.id)
          : ctx.index.lookup(`${ref.mim ?? mim.id}.${ref.target.id}`);
      if (found.length > 0) continue;
      ctx.report({
        code: check.code,
        file: ref.file,
        range: ref.range,
        message: `${ref.text} is not a ${check.noun} of ${ref.mim ?? (mim.known ? mim.id : 'this MIM')}`,
      });
    }
  }
}

/**
 * The ids of the MIM's own requirements that references name, as the MIM's table answers them
 * (a row `R.1` names the requirement written `R.1`, read as R1.1 under C1).
 */
export function namedRequirements(mim: Mim, ctx: RuleContext, refs: Iterable<IdRef>): Set<string> {
  const ids = new Set<string>();
  for (const ref of refs) {
    if (ref.target?.kind !== 'requirement' || (ref.mim !== undefined && ref.mim !== mim.id)) continue;
    for (const e of ctx.index.ownElements(mim, ref.target.id)) ids.add(e.id);
  }
  return ids;
}
