import type { MimRule } from '../rule.js';
import { allElements, KIND_NAME } from '../../query/elements.js';
import { nextFreeId } from '../../query/next-id.js';

/** id/duplicate: the same element id twice in one MIM; each repeat points at the first. */
export const idDuplicate: MimRule = {
  code: 'id/duplicate',
  severity: 'error',
  summary: 'The same element id twice in one MIM',
  scope: 'mim',
  check(mim, ctx) {
    const first = new Map<string, ReturnType<typeof allElements>[number]>();
    for (const e of allElements(mim)) {
      const seen = first.get(e.id);
      if (!seen) {
        first.set(e.id, e);
        continue;
      }
      const fresh = nextFreeId(mim, e);
      ctx.report({
        code: 'id/duplicate',
        file: e.file,
        range: e.idRange,
        message: `${KIND_NAME[e.kind]} ${e.id} is defined twice in ${mim.known ? mim.id : 'this MIM'}`,
        related: [{ file: seen.file, range: seen.idRange, message: `first definition of ${e.id}` }],
        fixes: fresh
          ? [{ title: `Renumber to ${fresh}`, edits: [{ file: e.file, range: e.idRange, newText: fresh }] }]
          : undefined,
      });
    }
  },
};
