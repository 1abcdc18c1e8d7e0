import type { MimRule } from '../rule.js';

/** trace/untested-requirement: a required requirement that no test covers, in a MIM that has tests. */
export const traceUntestedRequirement: MimRule = {
  code: 'trace/untested-requirement',
  severity: 'info',
  summary: 'A required requirement that no test covers',
  scope: 'mim',
  check(mim, ctx) {
    if (mim.tests.length === 0) return;
    // What the traceability matrix reads too: both count a reference alike.
    const covered = ctx.index.ownTrace(mim).tests;
    for (const r of mim.requirements) {
      if (!r.id || r.level !== 'required' || covered.has(r.id)) continue;
      ctx.report({
        code: 'trace/untested-requirement',
        file: r.file,
        range: r.idRange,
        message: `Required ${r.id} is not covered by any test`,
      });
    }
  },
};
