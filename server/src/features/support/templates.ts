import type { DocumentModel } from '../../model/document.js';
import type { MappingRow, MimElement, Requirement } from '../../model/elements.js';
import { splitRow } from '../../parse/markdown/table-row.js';

// New elements written in the syntax of the document they go into, copied from an element of
// the same kind where there is one. Snippets pass placeholders as text; quick fixes plain text.

/** A snippet placeholder `${n:text}`. */
export function snippetSlot(n: number, text: string): string {
  return `\${${n}:${escapeSnippet(text)}}`;
}

/** Text that a snippet inserts as is. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** An element to copy the syntax of, with the document it is written in. */
export interface Like<T> {
  element: T;
  doc: DocumentModel;
}

const LONG_FORM = /^(Mechanism|Capability|Guidance|Test)(\s+)\d+$/i;

/** `## C4 Title`, `## Mechanism 3: Title`, `### **C4: Title**`: the heading of `like` with a new id and title. */
export function markdownHeading(like: Like<MimElement> | undefined, id: string, title: string): string {
  if (!like) return `## ${id}${id.startsWith('C') ? ' ' : ': '}${title}`;
  const { element, doc } = like;
  const line = doc.lines.lineText(element.idRange.start.line);
  const long = LONG_FORM.exec(element.rawId.trim());
  const after = /^([\s:.,;–—-]*)(.*?)((?:\*\*|__|\*|_)?\s*)$/.exec(line.slice(element.idRange.end.character))!;
  return `${line.slice(0, element.idRange.start.character)}${long ? `${long[1]}${long[2]}${id.slice(1)}` : id}${after[1] || ' '}${title}${after[3]}`;
}

/** `* **R1.4** text`, or a row of a requirements table: the line of `like` with a new id and text. */
export function markdownRequirement(like: Like<Requirement> | undefined, id: string, text: string): string {
  const r = like?.element;
  const lines = like?.doc.lines;
  const textStart = r && lines?.positionAt(r.textSpan.start);
  if (!r || !lines || !textStart || textStart.line !== r.idRange.start.line || textStart.character < r.idRange.end.character) return `* **${id}** ${text}`;
  const line = lines.lineText(textStart.line);
  const textEnd = lines.positionAt(r.textSpan.end);
  const tail = textEnd.line === textStart.line ? blankCells(line.slice(textEnd.character)) : '';
  return `${line.slice(0, r.idRange.start.character)}${id}${line.slice(r.idRange.end.character, textStart.character)}${text}${tail}`;
}

/** The cells after a row's text keep their pipes, not their content. */
function blankCells(tail: string): string {
  return tail.replace(/(?<=\|)[^|]+(?=\|)/g, ' ');
}

/** A row of a Requirements Mapping Table with as many cells as the row `like`. */
export function markdownMappingRow(like: Like<MappingRow> | undefined, id: string, quote: string, how: string): string {
  const width = like ? splitRow(like.doc.lines.lineText(like.element.range.start.line)).length : 3;
  const cells = [id, quote.replace(/\|/g, '\\|'), how];
  while (cells.length < width) cells.push(' ');
  return `| ${cells.slice(0, Math.max(width, 2)).join(' | ')} |`;
}

/** A Requirements Mapping Table of one row, for a mechanism that has none yet. */
export function markdownMappingTable(id: string, quote: string, how: string): string {
  return ['| Req. ID | Requirement Text | How |', '| --- | --- | --- |', `| ${id} | ${quote.replace(/\|/g, '\\|')} | ${how} |`].join('\n');
}

/** A YAML scalar that reads back as the same string: plain where that is safe, double-quoted otherwise. */
export function yamlScalar(text: string): string {
  if (text === '') return '""';
  return /^[^\s\-?:,[\]{}#&*!|>'"%@`][^#]*$/.test(text) && !/: |\s$/.test(text) ? text : JSON.stringify(text);
}

/** A YAML sequence item whose dash stands at column `dash`: `- k: v` then the other keys below it. */
export function yamlItem(dash: number, entries: [string, string][]): string {
  const pad = ' '.repeat(dash + 2);
  return entries.map(([k, v], i) => `${i === 0 ? '- ' : pad}${k}:${v.startsWith('\n') ? v : ` ${v}`}`).join('\n');
}

/** A nested list of items under a key of the item at `dash`: the value that follows `key:`. */
export function yamlList(dash: number, items: [string, string][][]): string {
  return items.map((entries) => `\n${' '.repeat(dash + 4)}${yamlItem(dash + 4, entries)}`).join('');
}
