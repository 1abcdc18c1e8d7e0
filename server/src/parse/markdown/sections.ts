import type { DocumentModel } from '../../model/document.js';
import type { Section } from '../../model/elements.js';
import type { LineIndex, Range } from '../../model/range.js';
import { SlugCounter } from '../text/slug.js';
import { isSpaceCode } from '../text/white-space.js';

/** A section the walk is in: its extent and whether it holds anything are known when it closes. */
export interface OpenSection {
  section: Section;
  startOffset: number;
  blocks: number;
  placeholders: number;
  /** The element the heading names, whose extent is known only when its section closes. */
  element: { range: Range } | undefined;
}

/**
 * The sections open at the walk's position, innermost last. A heading closes those at its
 * level or deeper and opens its own; each block is content of the innermost one.
 */
export class OpenSections {
  private readonly open: OpenSection[] = [];
  private readonly slugs = new SlugCounter();

  constructor(
    private readonly doc: DocumentModel,
    private readonly lines: LineIndex,
  ) {}

  /** Opens the section of a heading at `start`, after closing those it ends; the sections around it hold the heading. */
  enter(title: string, level: number, headingRange: Range, start: number): OpenSection {
    this.close(level, start);
    for (const parent of this.open) parent.blocks++;
    const section: Section = {
      title,
      level,
      file: this.doc.file,
      headingRange,
      range: headingRange,
      anchor: this.slugs.next(title),
      hasContent: false,
      placeholder: false,
    };
    this.doc.sections.push(section);
    const entry: OpenSection = { section, startOffset: start, blocks: 0, placeholders: 0, element: undefined };
    this.open.push(entry);
    this.doc.anchors.push({ id: section.anchor, file: this.doc.file, range: headingRange, source: 'heading' });
    return entry;
  }

  /** Ends every open section at `level` or deeper, fixing its extent and whether it holds anything. */
  close(level: number, endOffset: number): void {
    while (this.open.length > 0 && this.open[this.open.length - 1].section.level >= level) {
      const o = this.open.pop()!;
      let end = endOffset;
      while (end > o.startOffset && isSpaceCode(this.doc.text.charCodeAt(end - 1))) end--;
      o.section.range = this.lines.rangeOf(
        o.startOffset,
        Math.max(end, this.lines.lineEnd(o.section.headingRange.start.line)),
      );
      o.section.hasContent = o.blocks > 0;
      o.section.placeholder = o.blocks > 0 && o.blocks === o.placeholders;
      if (o.element) o.element.range = o.section.range;
    }
  }

  /** A block in the innermost section; `placeholder` when it only stands in for text ("TBD"): a section of such blocks alone is a placeholder. */
  markContent(placeholder: boolean): void {
    const top = this.open[this.open.length - 1];
    if (!top) return;
    top.blocks++;
    if (placeholder) top.placeholders++;
  }
}
