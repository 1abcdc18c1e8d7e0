import type { MimRule } from '../rule.js';
import { classifyHits, keywordView } from '../support/keyword-classes.js';

/** requirement/mixed-levels: keywords that count, of different levels, in one requirement (SHALL ... SHOULD). */
export const requirementMixedLevels: MimRule = {
  code: 'requirement/mixed-levels',
  severity: 'info',
  summary: 'One requirement mixing levels (SHALL ... SHOULD)',
  scope: 'mim',
  check(mim, ctx) {
    const view = keywordView(mim);
    for (const r of mim.requirements) {
      if (r.keywords.length < 2) continue;
      const classes = classifyHits(r, view);
      const counted = r.keywords.filter((_, i) => classes[i] === 'proper');
      const first = counted[0];
      const other = counted.find((h) => h.level !== first.level);
      const doc = other && ctx.documents.get(r.file);
      if (!other || !doc) continue;
      ctx.report({
        code: 'requirement/mixed-levels',
        file: r.file,
        range: doc.lines.rangeOf(other.offset, other.offset + other.length),
        message: `Requirement ${r.id} mixes levels: ${first.written} (${first.level}) and ${other.written} (${other.level})`,
        related: [
          {
            file: r.file,
            range: doc.lines.rangeOf(first.offset, first.offset + first.length),
            message: `${first.written} sets level ${first.level}`,
          },
        ],
      });
    }
  },
};
