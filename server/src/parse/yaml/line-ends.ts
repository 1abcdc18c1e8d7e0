/**
 * YAML 1.2 counts a lone CR as a line break, as LF and CRLF are; js-yaml and the recovering
 * parser's repairs do not, so a file saved with CR-only line ends would read as one long
 * line. The YAML readers therefore see every lone CR as LF: one character for one, so that
 * every offset in the normalised text is the same offset in the text as written, and the
 * ranges drawn from it (through the document's `LineIndex`, which counts CR, LF and CRLF as
 * the editor does) land where they were written. Markdown's reader makes the same change
 * (markdown-it normalises line breaks; the page's own `LineIndex` maps back).
 */
export function yamlLineEnds(text: string): string {
  if (!text.includes('\r')) return text;
  return text.replace(LONE_CR, '\n');
}

const LONE_CR = /\r(?!\n)/g;
