import type { RefRole } from '../../model/elements.js';
import type { ElementKind } from '../../model/ids.js';
import type { Mim } from '../../model/mim.js';
import { traceTargetCheck } from '../../query/trace-targets.js';
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
  const missing = traceTargetCheck(mim, ctx.index);
  for (const doc of mim.documents) {
    for (const ref of doc.refs) {
      if (!check.roles.has(ref.role)) continue;
      const why = missing(ref, check.kind);
      if (!why) continue;
      ctx.report({
        code: check.code,
        file: ref.file,
        range: ref.range,
        message:
          why === 'not-an-id'
            ? `'${ref.text}' names no ${check.noun}: expected an id such as ${check.example}`
            : `${ref.text} is not a ${check.noun} of ${ref.mim ?? (mim.known ? mim.id : 'this MIM')}`,
      });
    }
  }
}
