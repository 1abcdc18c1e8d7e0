import type { DocumentModel } from '../../model/document.js';
import type { InvisibleChar } from '../../model/elements.js';
import { isSpaceEntity } from '../../parse/text/invisible.js';
import type { DocumentRule } from '../rule.js';

const WORD = /[\p{L}\p{N}]/u;
const ENTITY_PREFIX = /^the entity /;

const PLACE: Record<InvisibleChar['where'], string> = {
  heading: 'in a heading',
  id: 'in an id',
  text: 'in the text',
  line: 'on a line of its own',
  code: 'in code',
};

/**
 * What the characters should become: nothing, except an entity that stands for a space
 * between two words, which becomes a plain space so the words stay apart.
 */
function replacement(doc: DocumentModel, inv: InvisibleChar): string {
  const start = doc.lines.offsetAt(inv.range.start);
  const end = doc.lines.offsetAt(inv.range.end);
  if (!isSpaceEntity(doc.text.slice(start, end))) return '';
  return WORD.test(doc.text[start - 1] ?? '') && WORD.test(doc.text[end] ?? '') ? ' ' : '';
}

/** hygiene/invisible-char: zero-width characters and their entity forms, wherever the parser found them. */
export const hygieneInvisibleChar: DocumentRule = {
  code: 'hygiene/invisible-char',
  severity: 'info',
  summary: 'Zero-width or other invisible characters in a page: headings, ids, text, code',
  scope: 'document',
  check(doc, ctx) {
    for (const inv of doc.invisibles) {
      const newText = replacement(doc, inv);
      ctx.report({
        code: 'hygiene/invisible-char',
        file: doc.file,
        range: inv.range,
        message: `Invisible character (${inv.what.replace(ENTITY_PREFIX, '')}) ${PLACE[inv.where]}`,
        fixes: [
          {
            title: newText ? 'Replace it with a space' : 'Delete it',
            edits: [{ file: doc.file, range: inv.range, newText }],
            preferred: true,
          },
        ],
      });
    }
  },
};
