import type { MimRule } from '../rule.js';

/**
 * capability/no-requirements: a capability with no requirement, neither under it nor anywhere
 * in the MIM numbered for it (2022 pages list requirements in a section of their own).
 */
export const capabilityNoRequirements: MimRule = {
  code: 'capability/no-requirements',
  severity: 'warning',
  summary: 'A capability with no requirement',
  scope: 'mim',
  check(mim, ctx) {
    const numbered = new Set<string>();
    for (const r of mim.requirements) {
      const n = /^R(\d+)\./.exec(r.id)?.[1];
      if (n !== undefined) numbered.add(n);
    }
    for (const cap of mim.capabilities) {
      if (cap.id === '' || cap.requirements.length > 0) continue;
      const n = /^C(\d+)$/.exec(cap.id)?.[1];
      if (n !== undefined && numbered.has(n)) continue;
      ctx.report({
        code: 'capability/no-requirements',
        file: cap.file,
        range: cap.idRange,
        message: `Capability ${cap.id} has no requirements`,
      });
    }
  },
};
