// The inverse of inline-markdown.ts: Markdown that the reader takes back to a given text of the model.
// Model texts are folded (one line, single spaces), so only inline markup needs escaping.

// What cleaning would drop or read otherwise: a backslash, emphasis and code marks, an
// underscore not inside a word, a `<` that could open a tag, a comment or an autolink, an `&`
// that could start an entity, the `](` of an inline link; a closing `#`, which a heading would
// lose; and a leading mark that would open a block, or read as the separator after an id.
const INLINE_SPECIAL =
  /[\\*`]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])|<(?=\S)|&(?=#?[A-Za-z0-9]+;)|\](?=\()|#$|^[-+>#:.,;]/gu;

/** Text for a paragraph, a list item or a heading that reads back as `text`. */
export function escapeInline(text: string): string {
  return text.replace(INLINE_SPECIAL, '\\$&');
}

const LINK_TEXT_SPECIAL = new RegExp(`${INLINE_SPECIAL.source}|[[\\]]`, 'gu');

/** Text for the text of a link, `[text](target)`, that reads back as `text`: a bracket would end it or open another. */
export function escapeLinkText(text: string): string {
  return text.replace(LINK_TEXT_SPECIAL, '\\$&');
}

/** Text for a cell of a table that reads back as `text`: a pipe would end the cell. */
export function escapeTableCell(text: string): string {
  return escapeInline(text).replace(/\|/g, '\\|');
}
