import type { MimRule } from '../rule.js';

/**
 * trace/unknown-mechanism: an id on a guidance's `Mechanisms:` line (or in its `mechanisms`
 * list) that names no mechanism of its MIM, or of the MIM it names when that one is in the workspace.
 */
export const traceUnknownMechanism: MimRule = {
  codes: ['trace/unknown-mechanism'],
  scope: 'mim',
  check(mim, ctx) {
    for (const doc of mim.documents) {
      for (const ref of doc.refs) {
        if (ref.role !== 'guidance-mechanisms') continue;
        if (ref.target?.kind !== 'mechanism') {
          ctx.report({ code: 'trace/unknown-mechanism', file: ref.file, range: ref.range, message: `'${ref.text}' names no mechanism: expected an id such as M1 or MIM0.M1` });
          continue;
        }
        if (ref.mim && ref.mim !== mim.id && !ctx.index.byId.has(ref.mim)) continue;
        const owner = ref.mim ?? mim.id;
        if (ctx.index.lookup(`${owner}.${ref.target.id}`).some((e) => e.kind === 'mechanism')) continue;
        ctx.report({
          code: 'trace/unknown-mechanism',
          file: ref.file,
          range: ref.range,
          message: `${ref.text} is not a mechanism of ${ref.mim ?? (mim.known ? mim.id : 'this MIM')}`,
        });
      }
    }
  },
};
