import type { IdRef } from '../../model/elements.js';
import type { MimRule } from '../rule.js';

const TRACE_ROLES = new Set<IdRef['role']>(['mapping', 'satisfies', 'covers', 'seeAlso']);

/**
 * trace/unknown-requirement: a mapping row, `satisfies`, `covers` or `seeAlso` that names no
 * requirement of its MIM (or of the MIM it names, when that MIM is in the workspace).
 */
export const traceUnknownRequirement: MimRule = {
  codes: ['trace/unknown-requirement'],
  scope: 'mim',
  check(mim, ctx) {
    for (const doc of mim.documents) {
      for (const ref of doc.refs) {
        if (!TRACE_ROLES.has(ref.role)) continue;
        if (!ref.target || ref.target.kind !== 'requirement') {
          ctx.report({ code: 'trace/unknown-requirement', file: ref.file, range: ref.range, message: `'${ref.text}' names no requirement: expected an id such as R1.1 or MIM0.R1.1` });
          continue;
        }
        const target = ref.mim ?? mim.id;
        // A requirement of another MIM can only be checked when that MIM is in the workspace.
        if (ref.mim && ref.mim !== mim.id && !ctx.index.byId.has(ref.mim)) continue;
        if (ctx.index.lookup(`${target}.${ref.target.id}`).length > 0) continue;
        ctx.report({
          code: 'trace/unknown-requirement',
          file: ref.file,
          range: ref.range,
          message: `${ref.text} is not a requirement of ${ref.mim ?? (mim.known ? mim.id : 'this MIM')}`,
        });
      }
    }
  },
};
