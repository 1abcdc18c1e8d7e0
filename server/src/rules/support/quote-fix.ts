import type { DocumentModel } from '../../model/document.js';
import type { MappingRow, Requirement } from '../../model/elements.js';
import type { Fix } from '../../model/finding.js';
import type { Range } from '../../model/range.js';
import { escapeTableCell } from '../../parse/text/escape-markdown.js';

/** The quick fix of the drift rules: the requirement's text in the quote cell (`range`). */
export function quoteFix(doc: DocumentModel, row: MappingRow, range: Range, requirement: Requirement): Fix {
  // The quote sits in a table cell: written so that the cell reads back as the requirement's text.
  const newText = doc.kind === 'markdown' ? escapeTableCell(requirement.text) : requirement.text;
  return { title: `Quote the text of ${requirement.id}`, edits: [{ file: row.file, range, newText }] };
}
