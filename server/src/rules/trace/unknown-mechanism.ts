import type { MimRule } from '../rule.js';
import { reportUnknownTargets } from '../support/trace-refs.js';

const GUIDANCE = new Set(['guidance-mechanisms'] as const);

/**
 * trace/unknown-mechanism: an id on a guidance's `Mechanisms:` line (or in its `mechanisms`
 * list) that names no mechanism of its MIM, or of the MIM it names when that one is in the workspace.
 */
export const traceUnknownMechanism: MimRule = {
  code: 'trace/unknown-mechanism',
  severity: 'error',
  summary: 'Interoperability guidance naming a mechanism that does not exist',
  scope: 'mim',
  check(mim, ctx) {
    reportUnknownTargets(mim, ctx, {
      code: 'trace/unknown-mechanism',
      roles: GUIDANCE,
      kind: 'mechanism',
      noun: 'mechanism',
      example: 'M1 or MIM0.M1',
    });
  },
};
