import type { DocumentRule } from '../rule.js';

/** id/parent-mismatch: a requirement whose first number is not its capability's (`R3.1` under C2). */
export const idParentMismatch: DocumentRule = {
  code: 'id/parent-mismatch',
  severity: 'error',
  summary: 'A requirement whose first number differs from its capability',
  scope: 'document',
  check(doc, ctx) {
    for (const cap of doc.capabilities) {
      const capNumber = /^C(\d+)$/.exec(cap.id)?.[1];
      if (capNumber === undefined) continue;
      for (const r of cap.requirements) {
        const own = /^R(\d+)\./.exec(r.id)?.[1];
        if (own === undefined || own === capNumber) continue;
        ctx.report({
          code: 'id/parent-mismatch',
          file: r.file,
          range: r.idRange,
          message: `${r.id} sits under ${cap.id}; its number says it belongs to C${own}`,
          related: [{ file: cap.file, range: cap.idRange, message: `capability ${cap.id}` }],
        });
      }
    }
  },
};
