import { TRACE_ROLES } from '../../model/elements.js';
import type { DocumentRule } from '../rule.js';
import { KIND_NAME } from '../../query/elements.js';

// Trace references are checked by trace/unknown-requirement and trace/unknown-mechanism.
/**
 * xref/unresolved: a global id (`MIM0.C4`, `MIM0.R1.9`, `MIM0.M2`) naming an element that its
 * MIM does not have, when that MIM's documents are in the workspace.
 */
export const xrefUnresolved: DocumentRule = {
  code: 'xref/unresolved',
  severity: 'warning',
  summary: 'A global id that does not exist in its MIM',
  scope: 'document',
  check(doc, ctx) {
    for (const ref of doc.refs) {
      const target = ref.target;
      if (!ref.mim || !target || TRACE_ROLES.has(ref.role)) continue;
      // The MIMs of that id, read through the index (so the read is recorded), then their own tables.
      const named = ctx.index.byId.get(ref.mim);
      if (!named || named.some((m) => ctx.index.ownElements(m, target.id).some((e) => e.kind === target.kind)))
        continue;
      ctx.report({
        code: 'xref/unresolved',
        file: doc.file,
        range: ref.range,
        message: `${ref.mim} has no ${KIND_NAME[target.kind]} ${target.id}`,
      });
    }
  },
};
