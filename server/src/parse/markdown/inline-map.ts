import type { LineIndex } from '../../model/range.js';

/**
 * Maps offsets in an inline token's content back to the document. markdown-it strips each
 * line's container prefix (indentation, `> `, list markers) but keeps the rest verbatim, so
 * every content line is the tail of its source line.
 */
export class InlineMap {
  private readonly lineStarts: number[] = [];
  private readonly docStarts: number[] = [];

  constructor(content: string, firstLine: number, lines: LineIndex) {
    let at = 0;
    let line = firstLine;
    for (const part of content.split('\n')) {
      this.lineStarts.push(at);
      this.docStarts.push(tailStart(part, line, lines));
      at += part.length + 1;
      line++;
    }
  }

  /** Document offset of a content offset. */
  toDocument(offset: number): number {
    let i = this.lineStarts.length - 1;
    while (i > 0 && this.lineStarts[i] > offset) i--;
    return this.docStarts[i] + (offset - this.lineStarts[i]);
  }
}

/** A mapping for content that sits at a known document offset on one line (a table cell). */
export class FlatMap {
  constructor(private readonly base: number) {}
  toDocument(offset: number): number {
    return this.base + offset;
  }
}

export type OffsetMap = InlineMap | FlatMap;

/** The map for an inline token's content: a flat one when the content is a single line, as most are. */
export function inlineMap(content: string, firstLine: number, lines: LineIndex): OffsetMap {
  if (content.includes('\n')) return new InlineMap(content, firstLine, lines);
  return new FlatMap(tailStart(content, firstLine, lines));
}

/** Where a line's tail `part` starts in the document: at the end of the line as a rule, else where it last occurs in it. */
function tailStart(part: string, line: number, lines: LineIndex): number {
  const end = lines.lineEnd(line);
  if (lines.text.endsWith(part, end)) return end - part.length;
  const src = lines.lineText(line);
  return lines.lineStart(line) + (part.length === 0 ? src.length : Math.max(0, src.lastIndexOf(part)));
}
