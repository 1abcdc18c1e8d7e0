import type { MimRule } from '../rule.js';

/** trace/untested-requirement: a required requirement that no test covers, in a MIM that has tests. */
export const traceUntestedRequirement: MimRule = {
  codes: ['trace/untested-requirement'],
  scope: 'mim',
  check(mim, ctx) {
    if (mim.tests.length === 0) return;
    const covered = new Set<string>();
    for (const test of mim.tests) {
      for (const ref of test.covers) if (ref.target?.kind === 'requirement' && (ref.mim === undefined || ref.mim === mim.id)) covered.add(ref.target.id);
    }
    for (const r of mim.requirements) {
      if (!r.id || r.level !== 'required' || covered.has(r.id)) continue;
      ctx.report({ code: 'trace/untested-requirement', file: r.file, range: r.idRange, message: `Required ${r.id} is not covered by any test` });
    }
  },
};
