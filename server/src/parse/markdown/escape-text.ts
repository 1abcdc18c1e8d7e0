// The inverse of clean-text: Markdown that the reader takes back to a given text of the model.
// Model texts are folded (one line, single spaces), so only inline markup needs escaping.

// What cleaning would drop or read as an escape: a backslash, emphasis and code marks, an
// underscore not inside a word, a `<` that could open a tag; a closing `#`, which a heading
// would lose; and a leading mark that would open a block, or read as the separator after an id.
const INLINE_SPECIAL = /[\\*`]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])|<(?=[A-Za-z/])|#$|^[-+>#:.,;]/gu;

/** Text for a paragraph, a list item or a heading that reads back as `text`. */
export function escapeInline(text: string): string {
  return text.replace(INLINE_SPECIAL, '\\$&');
}

/** Text for a cell of a table that reads back as `text`: a pipe would end the cell. */
export function escapeTableCell(text: string): string {
  return escapeInline(text).replace(/\|/g, '\\|');
}
