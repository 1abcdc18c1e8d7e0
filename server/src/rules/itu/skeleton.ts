import type { DocumentRule } from '../rule.js';
import { range } from '../../model/range.js';
import { ITU_CLAUSES, ITU_REQUIRED_CLAUSES, ituClauseRank } from '../../model/itu-clauses.js';

const ORDER_TEXT = ITU_CLAUSES.join(', ');

/** Clauses whose content comes from top-level keys of the file rather than from the itu block. */
const TOP_LEVEL = new Set(['references', 'conventions', 'bibliography']);
const TOP_LEVEL_HINT =
  " (references, conventions and bibliography come from the file's top-level references and conventions keys)";

function list(names: string[]): string {
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/**
 * itu/skeleton: an `itu:` block that lacks a clause of a draft Recommendation, or has its
 * clauses out of ITU-T order. Keys the order does not know are left alone.
 */
export const ituSkeleton: DocumentRule = {
  code: 'itu/skeleton',
  severity: 'warning',
  summary: 'An itu: block missing a clause of a draft Recommendation, or out of order',
  scope: 'document',
  check(doc, ctx) {
    const itu = doc.itu;
    if (!itu) return;
    const present = new Set(itu.clauses.map((c) => c.name));
    const missing = ITU_REQUIRED_CLAUSES.filter((name) => !present.has(name));
    if (missing.length > 0) {
      const start = itu.range.start;
      ctx.report({
        code: 'itu/skeleton',
        file: doc.file,
        range: range(start.line, start.character, start.line, start.character + 3),
        message: `The itu block has no ${list(missing)}${missing.some((name) => TOP_LEVEL.has(name)) ? TOP_LEVEL_HINT : ''}`,
      });
    }
    let latest: { name: string; rank: number } | undefined;
    for (const clause of itu.clauses) {
      const rank = ituClauseRank(clause.name);
      if (rank === undefined) continue;
      if (latest && rank < latest.rank) {
        ctx.report({
          code: 'itu/skeleton',
          file: doc.file,
          range: clause.range,
          message: `"${clause.name}" should come before "${latest.name}" (ITU-T order: ${ORDER_TEXT})`,
        });
      } else latest = { name: clause.name, rank };
    }
  },
};
