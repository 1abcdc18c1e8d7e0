import { escapeSnippet, snippetSlot } from './snippet-text.js';
import type { DocumentModel } from '../../model/document.js';
import type { MappingRow, MimElement, Requirement, TextBlock } from '../../model/elements.js';
import type { TextEdit } from '../../model/finding.js';
import { rangeBetween, type Range } from '../../model/range.js';
import { escapeInline, escapeTableCell } from '../../parse/text/escape-markdown.js';
import { splitRow } from '../../parse/markdown/table-cells.js';

// New elements written in the syntax of the document they go into, copied from an element of
// the same kind where there is one, so that the parser reads each back as that element. Their
// own words are escaped for where they land (a table cell, a heading, a list item); a snippet
// writes them as tab stops and escapes the rest for the snippet syntax.

/** A snippet tab stop and the text it shows until the user types over it. */
export interface Slot {
  stop: number;
  text: string;
}

/** A new element's own words: plain text, or in a snippet a tab stop. */
export type Words = string | Slot;

export function tabStop(stop: number, text: string): Slot {
  return { stop, text };
}

/** How a template writes: the plain text of an edit, or a snippet. */
export interface Pen {
  /** Text that stands as it is: markup copied from the page, the template's own. */
  raw(text: string): string;
  /** An element's words, escaped by `escape` for where they land. */
  words(words: Words, escape: (text: string) => string): string;
}

const EDIT: Pen = {
  raw: (text) => text,
  words: (words, escape) => escape(typeof words === 'string' ? words : words.text),
};

export const SNIPPET: Pen = {
  raw: escapeSnippet,
  words: (words, escape) =>
    typeof words === 'string' ? escapeSnippet(escape(words)) : snippetSlot(words.stop, escape(words.text)),
};

/** An element to copy the syntax of, with the document it is written in. */
export interface Like<T> {
  element: T;
  doc: DocumentModel;
}

// ---- Markdown blocks and where they go ------------------------------------------------

/** How a Markdown block is written, which decides what may stand on the line next to it. */
export type BlockForm = 'heading' | 'list-item' | 'table-row' | 'paragraph';

/** A new block of a page: its text, its form and, for a table row, the header lines that make a table of it where none continues. */
export interface MarkdownBlock {
  text: string;
  form: BlockForm;
  header?: string;
}

const FORM_OF_KIND: Partial<Record<TextBlock['kind'], BlockForm>> = {
  heading: 'heading',
  'list-item': 'list-item',
  'table-cell': 'table-row',
};
const ATX_HEADING = /^ {0,3}#{1,6}(?:\s|$)/;
const LIST_MARKER = /^\s*(?:[*+-]|\d{1,9}[.)])(?:\s|$)/;
const DELIMITER_ROW = /^[\s|:-]*\|[\s|:-]*$/;

/** The form of a line of a parsed page as the reader took it (by its text where no block of the model holds it); undefined for a blank line or none. */
export function formOfLine(doc: DocumentModel, line: number): BlockForm | undefined {
  if (line < 0 || line >= doc.lines.lineCount) return undefined;
  const text = doc.lines.lineText(line);
  if (text.trim() === '') return undefined;
  const start = doc.lines.lineStart(line);
  const end = start + text.length;
  const block = doc.blocks.find((b) => b.start <= end && b.end >= start);
  if (block) return FORM_OF_KIND[block.kind] ?? 'paragraph';
  if (ATX_HEADING.test(text)) return 'heading';
  if (LIST_MARKER.test(text)) return 'list-item';
  return DELIMITER_ROW.test(text) && text.includes('-') ? 'table-row' : 'paragraph';
}

/** A list item goes on in the list above it, a row in the table above it; any other block joins what is above it unless a blank line parts them. */
function continues(above: BlockForm, form: BlockForm): boolean {
  return above === form && (form === 'list-item' || form === 'table-row');
}

/**
 * New blocks as the text of the lines between a line of form `above` and one of form `below`
 * (undefined: a blank line, or none). A blank line parts each block from a neighbour that it
 * does not continue, so that Markdown does not join them into one paragraph, list item or
 * table. A block that stands apart loses its indentation (four spaces would make it code),
 * and a row that starts a table brings its header.
 */
export function writeBlocks(blocks: readonly MarkdownBlock[], above?: BlockForm, below?: BlockForm): string {
  let out = '';
  let prev = above;
  for (const block of blocks) {
    const joins = prev !== undefined && continues(prev, block.form);
    if (prev !== undefined) out += out === '' ? (joins ? '' : '\n') : joins ? '\n' : '\n\n';
    out += joins ? block.text : (block.header ? `${block.header}\n${block.text}` : block.text).replace(/^[ \t]+/gm, '');
    prev = block.form;
  }
  return below !== undefined && prev !== undefined && !continues(prev, below) ? `${out}\n` : out;
}

/** The last line of what an element holds: a heading's whole section, else its own extent. */
export function lastLineOf(doc: DocumentModel, element: { range: Range }): number {
  const line = element.range.start.line;
  const section =
    formOfLine(doc, line) === 'heading' ? doc.sections.find((s) => s.headingRange.start.line === line) : undefined;
  return (section ?? element).range.end.line;
}

/** An edit that writes `blocks` on new lines after line `line` of a page, in the page's line breaks. */
export function insertBlocks(doc: DocumentModel, line: number, blocks: readonly MarkdownBlock[]): TextEdit {
  const at = doc.lines.positionAt(doc.lines.lineEnd(line));
  const text = `\n${writeBlocks(blocks, formOfLine(doc, line), formOfLine(doc, line + 1))}`;
  return {
    file: doc.file,
    range: rangeBetween(at, at),
    newText: doc.text.includes('\r\n') ? text.replace(/\n/g, '\r\n') : text,
  };
}

/** A paragraph of the template's own text. */
export function paragraph(text: string): MarkdownBlock {
  return { text, form: 'paragraph' };
}

// ---- Markdown elements -------------------------------------------------------------

const LONG_FORM = /^(Mechanism|Capability|Guidance|Test)(\s+)\d+$/i;

/** `## C4 Title`, `## Mechanism 3: Title`, `### **C4: Title**`: the heading of `like` with a new id and title. */
export function markdownHeading(
  like: Like<MimElement> | undefined,
  id: string,
  title: Words,
  pen: Pen = EDIT,
): MarkdownBlock {
  const words = pen.words(title, escapeInline);
  if (!like) return { text: `## ${id}${id.startsWith('C') ? ' ' : ': '}${words}`, form: 'heading' };
  const { element, doc } = like;
  const line = doc.lines.lineText(element.idRange.start.line);
  const long = LONG_FORM.exec(element.rawId.trim());
  const after = /^([\s:.,;–—-]*)(.*?)((?:\*\*|__|\*|_)?\s*)$/.exec(line.slice(element.idRange.end.character))!;
  const idText = long ? `${long[1]}${long[2]}${id.slice(1)}` : id;
  return {
    text: `${pen.raw(line.slice(0, element.idRange.start.character))}${idText}${pen.raw(after[1] || ' ')}${words}${pen.raw(after[3])}`,
    form: 'heading',
  };
}

/** `* **R1.4** text`, a row of a requirements table, a heading or a paragraph: the line of `like` with a new id and text. */
export function markdownRequirement(
  like: Like<Requirement> | undefined,
  id: string,
  text: Words,
  pen: Pen = EDIT,
): MarkdownBlock {
  const r = like?.element;
  const lines = like?.doc.lines;
  const textStart = r && lines?.positionAt(r.textSpan.start);
  if (
    !like ||
    !r ||
    !lines ||
    !textStart ||
    textStart.line !== r.idRange.start.line ||
    textStart.character < r.idRange.end.character
  ) {
    return { text: `* **${id}** ${pen.words(text, escapeInline)}`, form: 'list-item' };
  }
  const form = formOfLine(like.doc, textStart.line) ?? 'list-item';
  const line = lines.lineText(textStart.line);
  const textEnd = lines.positionAt(r.textSpan.end);
  const tail = textEnd.line === textStart.line ? blankCells(line.slice(textEnd.character)) : '';
  const words = pen.words(text, form === 'table-row' ? escapeTableCell : escapeInline);
  const written = `${pen.raw(line.slice(0, r.idRange.start.character))}${id}${pen.raw(line.slice(r.idRange.end.character, textStart.character))}${words}${pen.raw(tail)}`;
  return form === 'table-row'
    ? { text: written, form, header: pen.raw(tableHeader(like.doc, textStart.line).join('\n')) }
    : { text: written, form };
}

/** The cells after a row's text keep their pipes, not their content. */
function blankCells(tail: string): string {
  return tail.replace(/(?<=\|)[^|]+(?=\|)/g, ' ');
}

/** The header and delimiter lines of the table a row sits in. */
function tableHeader(doc: DocumentModel, row: number): string[] {
  let n = row;
  while (n > 0 && formOfLine(doc, n - 1) === 'table-row') n--;
  return [doc.lines.lineText(n), doc.lines.lineText(n + 1)];
}

const MAPPING_HEADER = ['| Req. ID | Requirement Text | How |', '| --- | --- | --- |'];

/**
 * A row of a Requirements Mapping Table, with the cells of the row `like`: the id first, the
 * quote in the column `like` quotes in, the answer in the first other one. Without `like`, the
 * row of a new table of three columns. Its header serves where no table continues.
 */
export function markdownMappingRow(
  like: Like<MappingRow> | undefined,
  id: Words,
  quote: Words,
  how: Words,
  pen: Pen = EDIT,
): MarkdownBlock {
  const line = like?.element.range.start.line;
  const cells =
    like && line !== undefined ? splitRow(like.doc.lines.lineText(line), like.doc.lines.lineStart(line)) : undefined;
  const width = Math.max(cells?.length ?? 3, 2);
  const quoteCol = !cells ? 1 : cells.findIndex((c) => c.start === like?.element.quoteSpan?.start);
  const howCol = [1, 2].find((c) => c !== quoteCol && c < width) ?? -1;
  const out: string[] = [pen.words(id, escapeTableCell)];
  for (let c = 1; c < width; c++)
    out.push(c === quoteCol ? pen.words(quote, escapeTableCell) : c === howCol ? pen.words(how, escapeTableCell) : ' ');
  const header = like && line !== undefined ? tableHeader(like.doc, line) : MAPPING_HEADER;
  return { text: `| ${out.join(' | ')} |`, form: 'table-row', header: pen.raw(header.join('\n')) };
}

// ---- YAML ----------------------------------------------------------------------------

/** A YAML sequence item whose dash stands at column `dash`: `- k: v` then the other keys below it. */
export function yamlItem(dash: number, entries: [string, string][]): string {
  const pad = ' '.repeat(dash + 2);
  return entries.map(([k, v], i) => `${i === 0 ? '- ' : pad}${k}:${v.startsWith('\n') ? v : ` ${v}`}`).join('\n');
}

/** A nested list of items under a key of the item at `dash`: the value that follows `key:`. */
export function yamlList(dash: number, items: [string, string][][]): string {
  return items.map((entries) => `\n${' '.repeat(dash + 4)}${yamlItem(dash + 4, entries)}`).join('');
}
