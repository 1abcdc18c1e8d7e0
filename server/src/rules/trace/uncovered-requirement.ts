import type { Mim } from '../../model/mim.js';
import type { MimRule } from '../rule.js';

/** Local ids of the requirements that the mapping rows and `satisfies` entries of the MIM's mechanisms name. */
function satisfiedRequirements(mim: Mim): Set<string> {
  const ids = new Set<string>();
  for (const m of mim.mechanisms) {
    for (const { ref } of m.satisfies) if (ref.target?.kind === 'requirement' && (ref.mim === undefined || ref.mim === mim.id)) ids.add(ref.target.id);
  }
  return ids;
}

/**
 * trace/uncovered-requirement: a requirement that no mechanism satisfies. A MIM without any
 * mechanism is left to structure/missing-part, which reports the whole part once.
 */
export const traceUncoveredRequirement: MimRule = {
  codes: ['trace/uncovered-requirement'],
  scope: 'mim',
  check(mim, ctx) {
    if (mim.mechanisms.length === 0) return;
    const satisfied = satisfiedRequirements(mim);
    for (const r of mim.requirements) {
      if (!r.id || satisfied.has(r.id)) continue;
      ctx.report({ code: 'trace/uncovered-requirement', file: r.file, range: r.idRange, message: `No mechanism satisfies ${r.id}` });
    }
  },
};
