import { dirname, joinPath } from '../../base/paths.js';
import type { DocumentRule } from '../rule.js';
import { isExternal, looksLikeWebAddress } from '../../query/links.js';
import { rangeBetween } from '../../model/range.js';

const QUERY_OR_ANCHOR = /[#?]/;

/**
 * link/missing-scheme: a web address written without a scheme (`](www.example.org)`), which
 * Markdown reads as a relative path. link/broken-file stays silent on these links.
 */
export const linkMissingScheme: DocumentRule = {
  code: 'link/missing-scheme',
  severity: 'warning',
  summary: 'A web address without https://, read as a relative path',
  scope: 'document',
  check(doc, ctx) {
    for (const link of doc.links) {
      const target = link.target.trim();
      if (isExternal(target) || !looksLikeWebAddress(target)) continue;
      // A file that happens to be named like a host (`notes.info`) is a relative link after all.
      if (ctx.exists(joinPath(dirname(doc.file), target.split(QUERY_OR_ANCHOR)[0]))) continue;
      // A reference link's target is written in its definition, not where the link is.
      const fixable = link.form !== 'reference';
      ctx.report({
        code: 'link/missing-scheme',
        file: doc.file,
        range: link.targetRange,
        message: `"${target}" has no scheme and is read as a relative path; did you mean https://${target}?`,
        fixes: fixable
          ? [
              {
                title: 'Add https://',
                edits: [
                  {
                    file: doc.file,
                    range: rangeBetween(link.targetRange.start, link.targetRange.start),
                    newText: 'https://',
                  },
                ],
                preferred: true,
              },
            ]
          : undefined,
      });
    }
  },
};
