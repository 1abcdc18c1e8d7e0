import { GITBOOK_BLOCKS, type GitbookTag } from '../../model/elements.js';
import type { DocumentRule } from '../rule.js';

/** gitbook/unbalanced-block: a `{% hint %}` without `{% endhint %}`, or an end tag with no block open. */
export const gitbookUnbalancedBlock: DocumentRule = {
  code: 'gitbook/unbalanced-block',
  severity: 'error',
  summary: 'A GitBook block without its end tag, or an end tag without its block',
  scope: 'document',
  check(doc, ctx) {
    const closedNames = new Set(doc.gitbookTags.filter((t) => t.kind === 'close').map((t) => t.name));
    const stack: GitbookTag[] = [];
    for (const tag of doc.gitbookTags) {
      if (tag.kind === 'open') {
        if (GITBOOK_BLOCKS.has(tag.name) || closedNames.has(tag.name)) stack.push(tag);
        continue;
      }
      const at = stack.map((t) => t.name).lastIndexOf(tag.name);
      if (at < 0) {
        ctx.report({
          code: 'gitbook/unbalanced-block',
          file: doc.file,
          range: tag.range,
          message: `{% end${tag.name} %} closes no open {% ${tag.name} %} block`,
        });
        continue;
      }
      // Blocks opened inside this one and never closed end here without their tag.
      for (const open of stack.splice(at).slice(1)) {
        ctx.report({
          code: 'gitbook/unbalanced-block',
          file: doc.file,
          range: open.range,
          message: `{% ${open.name} %} is not closed before {% end${tag.name} %}`,
          related: [{ file: doc.file, range: tag.range, message: `{% end${tag.name} %} closes the outer block here` }],
        });
      }
    }
    for (const open of stack) {
      ctx.report({
        code: 'gitbook/unbalanced-block',
        file: doc.file,
        range: open.range,
        message: `{% ${open.name} %} has no matching {% end${open.name} %}`,
      });
    }
  },
};
