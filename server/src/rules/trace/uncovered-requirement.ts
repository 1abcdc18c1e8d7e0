import type { MimRule } from '../rule.js';

/**
 * trace/uncovered-requirement: a requirement that no mechanism satisfies. A MIM without any
 * mechanism is left to structure/missing-part, which reports the whole part once.
 */
export const traceUncoveredRequirement: MimRule = {
  code: 'trace/uncovered-requirement',
  severity: 'warning',
  summary: 'A requirement that no mechanism satisfies',
  scope: 'mim',
  check(mim, ctx) {
    if (mim.mechanisms.length === 0) return;
    // What the traceability matrix reads too: both count a reference alike.
    const satisfied = ctx.index.ownTrace(mim).mechanisms;
    for (const r of mim.requirements) {
      if (!r.id || satisfied.has(r.id)) continue;
      ctx.report({
        code: 'trace/uncovered-requirement',
        file: r.file,
        range: r.idRange,
        message: `No mechanism satisfies ${r.id}`,
      });
    }
  },
};
