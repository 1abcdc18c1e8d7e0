import type { DocumentRule } from '../rule.js';
import { resolveLink } from '../../query/links.js';

/**
 * link/outside-repository: a relative link whose target leaves the repository of its page
 * (`../../../../etc/passwd`, a sibling checkout). Such a link cannot work once the repository
 * is published, and mimspec does not look at what is there: not whether it exists, nor what
 * it holds.
 */
export const linkOutsideRepository: DocumentRule = {
  code: 'link/outside-repository',
  severity: 'warning',
  summary: 'A relative link that leaves the repository',
  scope: 'document',
  check(doc, ctx) {
    for (const link of doc.links) {
      const t = resolveLink(link, doc.file, ctx);
      if (!t?.outside) continue;
      ctx.report({
        code: 'link/outside-repository',
        file: doc.file,
        range: link.targetRange,
        message: `'${link.target.split('#')[0]}' leaves the repository: the link will not work where the repository is published, and its target is not checked`,
      });
    }
  },
};
