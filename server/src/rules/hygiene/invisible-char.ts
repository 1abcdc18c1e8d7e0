import type { DocumentModel } from '../../model/document.js';
import type { InvisibleChar } from '../../model/elements.js';
import type { DocumentRule } from '../rule.js';

const SPACE_ENTITY = /^(?:&#x20;|&#32;|&nbsp;|&#x[aA]0;|&#160;)$/;
const WORD = /[\p{L}\p{N}]/u;
const ENTITY_PREFIX = /^the entity /;

/**
 * What the characters should become: nothing, except an entity that stands for a space
 * between two words, which becomes a plain space so the words stay apart.
 */
function replacement(doc: DocumentModel, inv: InvisibleChar): string {
  const start = doc.lines.offsetAt(inv.range.start);
  const end = doc.lines.offsetAt(inv.range.end);
  if (!SPACE_ENTITY.test(doc.text.slice(start, end))) return '';
  return WORD.test(doc.text[start - 1] ?? '') && WORD.test(doc.text[end] ?? '') ? ' ' : '';
}

/** hygiene/invisible-char: zero-width characters and their entity forms glued to headings and ids. */
export const hygieneInvisibleChar: DocumentRule = {
  codes: ['hygiene/invisible-char'],
  scope: 'document',
  local: true,
  check(doc, ctx) {
    // An id in a heading is scanned with its heading: one character, one report.
    const seen = new Set<string>();
    for (const inv of doc.invisibles) {
      const key = `${inv.range.start.line}:${inv.range.start.character}`;
      if (inv.where === 'text' || seen.has(key)) continue;
      seen.add(key);
      const newText = replacement(doc, inv);
      ctx.report({
        code: 'hygiene/invisible-char',
        file: doc.file,
        range: inv.range,
        message: `Invisible character (${inv.what.replace(ENTITY_PREFIX, '')}) in ${inv.where === 'heading' ? 'a heading' : 'an id'}`,
        fixes: [{ title: newText ? 'Replace it with a space' : 'Delete it', edits: [{ file: doc.file, range: inv.range, newText }], preferred: true }],
      });
    }
  },
};
