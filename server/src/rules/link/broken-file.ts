import type { DocumentRule } from '../rule.js';
import { resolveLink } from '../../query/links.js';
import { summaryLinks } from '../support/summary-links.js';

/** link/broken-file: a relative link to a file that does not exist. A SUMMARY.md's entries are gitbook/summary's; a link out of the repository is link/outside-repository's. */
export const linkBrokenFile: DocumentRule = {
  code: 'link/broken-file',
  severity: 'error',
  summary: 'A relative link to a file that does not exist',
  scope: 'document',
  check(doc, ctx) {
    const entries = new Set(summaryLinks(doc).values());
    for (const link of doc.links) {
      if (entries.has(link)) continue;
      const t = resolveLink(link, doc.file, ctx);
      if (!t?.path || t.outside || t.path === doc.file || ctx.exists(t.path)) continue;
      ctx.report({
        code: 'link/broken-file',
        file: doc.file,
        range: link.targetRange,
        message: `No file at '${link.target.split('#')[0]}' (relative to ${link.target.startsWith('/') ? 'the repository root' : 'this page'})`,
      });
    }
  },
};
