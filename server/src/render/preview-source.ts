import type { DocumentModel } from '../model/document.js';
import type { PartOccurrence } from '../model/elements.js';
import type { Range } from '../model/range.js';
import type { PreviewContext } from './preview-context.js';

// A page's prose has no field of the model: it is the text the model places between what it
// read (an element's heading and its first requirement, a part's heading and its first element).
// Those lines of the page are rendered as written, each block with its line.

const HEADING = /^ {0,3}#{1,6}(?:\s|$)/;
const TABLE_ROW = /^\s*\|/;
const LABEL = /^[\s*_]*(?:Covers|Method|Mechanisms|Standards|See also)[\s*_]*:/i;

/** Lines [from, to) of a page, stopping at the first that `stop` says ends the prose; labelled lists left out. */
export function pageProse(
  ctx: PreviewContext,
  doc: DocumentModel,
  from: number,
  to: number,
  stop: (line: string, n: number) => boolean = (line) => HEADING.test(line),
): string {
  const lines: string[] = [];
  let inFence = false;
  for (let n = from; n < Math.min(to, doc.lines.lineCount); n++) {
    const line = doc.lines.lineText(n);
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (!inFence && stop(line, n)) break;
    lines.push(!inFence && LABEL.test(line) ? '' : line);
  }
  return ctx.renderProse(lines.join('\n'), { uri: ctx.uriOf(doc.file), line: from });
}

/** The end line (exclusive) of a range: a range ending at column 0 ends before its last line. */
export function endLine(range: Range): number {
  return range.end.character === 0 ? range.end.line : range.end.line + 1;
}

/** An element's own text on a page: the lines under its heading, until a heading, a table or a line `stop` names. */
export function elementProse(
  ctx: PreviewContext,
  doc: DocumentModel,
  range: Range,
  stop: (line: string, n: number) => boolean = () => false,
): string {
  return pageProse(
    ctx,
    doc,
    range.start.line + 1,
    endLine(range),
    (line, n) => HEADING.test(line) || TABLE_ROW.test(line) || stop(line, n),
  );
}

/** The prose of a part on a page: its whole section for the objective, else what stands before its first sub-heading. */
export function partProse(
  ctx: PreviewContext,
  doc: DocumentModel,
  occ: PartOccurrence,
  whole: boolean,
  stop: (line: string, n: number) => boolean = () => false,
): string {
  const section = doc.sections.find((s) => s.headingRange.start.line === occ.range.start.line);
  const from = section ? occ.range.start.line + 1 : firstLineAfterTitle(doc);
  const to = section ? endLine(section.range) : doc.lines.lineCount;
  if (!whole) return pageProse(ctx, doc, from, to, (line, n) => HEADING.test(line) || stop(line, n));
  // Sub-headings of the objective are its own: they are kept, as plain blocks of the part.
  return pageProse(ctx, doc, from, to, (line) => section !== undefined && isHeadingAtOrAbove(line, section.level));
}

function isHeadingAtOrAbove(line: string, level: number): boolean {
  const m = /^ {0,3}(#{1,6})(?:\s|$)/.exec(line);
  return m !== null && m[1].length <= level;
}

/** A page read as a part by its file name: its text after the title and any front matter. */
function firstLineAfterTitle(doc: DocumentModel): number {
  let n = 0;
  if (doc.lines.lineText(0).trim() === '---') {
    n = 1;
    while (n < doc.lines.lineCount && doc.lines.lineText(n).trim() !== '---') n++;
    n++;
  }
  while (n < doc.lines.lineCount && doc.lines.lineText(n).trim() === '') n++;
  return /^ {0,3}# /.test(doc.lines.lineText(n)) ? n + 1 : n;
}
