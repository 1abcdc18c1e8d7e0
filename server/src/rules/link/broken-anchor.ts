import type { DocumentRule } from '../rule.js';
import { decodeAnchor, findAnchor, resolveLink } from '../../query/links.js';

/** link/broken-anchor: a link to a heading or `<a id>` that the target page does not have. */
export const linkBrokenAnchor: DocumentRule = {
  code: 'link/broken-anchor',
  severity: 'error',
  summary: 'A link to a heading or anchor that does not exist',
  scope: 'document',
  check(doc, ctx) {
    for (const link of doc.links) {
      const t = resolveLink(link, doc.file, ctx);
      if (!t?.path || !t.anchor) continue;
      const target = ctx.documents.get(t.path);
      // Anchors can only be checked in pages the workspace has read.
      if (!target || target.kind !== 'markdown' || target.skipped) continue;
      const anchor = decodeAnchor(t.anchor);
      if (findAnchor(target.anchors, anchor)) continue;
      const near = target.anchors.find((a) => a.source === 'heading' && a.id.startsWith(anchor.toLowerCase()));
      ctx.report({
        code: 'link/broken-anchor',
        file: doc.file,
        range: link.targetRange,
        message: `'${target === doc ? 'This page' : link.target.split('#')[0]}' has no heading or anchor '#${anchor}'${near ? `; did you mean '#${near.id}'?` : ''}`,
        fixes: near
          ? [
              {
                title: `Link to #${near.id}`,
                edits: [
                  { file: doc.file, range: link.targetRange, newText: link.target.replace(/#.*$/, `#${near.id}`) },
                ],
              },
            ]
          : undefined,
      });
    }
  },
};
