import type { DocumentRule } from '../rule.js';

/**
 * structure/empty-section: a heading with neither text nor a sub-heading before the next
 * heading of its level or higher, or with only a placeholder (TBD, "Unfinished page"). A page
 * that is nothing but its title is reported too: on a published site it is an empty page.
 */
export const structureEmptySection: DocumentRule = {
  code: 'structure/empty-section',
  severity: 'warning',
  summary: 'A heading with no text and no sub-heading, or only a placeholder',
  scope: 'document',
  check(doc, ctx) {
    for (const s of doc.sections) {
      if (s.hasContent && !s.placeholder) continue;
      const name = s.title ? `Section "${s.title}"` : 'This heading';
      ctx.report({
        code: 'structure/empty-section',
        file: doc.file,
        range: s.headingRange,
        message: s.placeholder ? `${name} holds only a placeholder` : `${name} has no content`,
      });
    }
  },
};
