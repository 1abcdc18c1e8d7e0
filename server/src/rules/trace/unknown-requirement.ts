import { REQUIREMENT_TRACE_ROLES } from '../../model/elements.js';
import type { MimRule } from '../rule.js';
import { reportUnknownTargets } from '../support/trace-refs.js';

/**
 * trace/unknown-requirement: a mapping row, `satisfies`, `covers` or `seeAlso` that names no
 * requirement of its MIM (or of the MIM it names, when that MIM is in the workspace).
 */
export const traceUnknownRequirement: MimRule = {
  code: 'trace/unknown-requirement',
  severity: 'error',
  summary: 'A mapping row, satisfies, covers or seeAlso naming a requirement that does not exist',
  scope: 'mim',
  check(mim, ctx) {
    reportUnknownTargets(mim, ctx, {
      code: 'trace/unknown-requirement',
      roles: REQUIREMENT_TRACE_ROLES,
      kind: 'requirement',
      noun: 'requirement',
      example: 'R1.1 or MIM0.R1.1',
    });
  },
};
