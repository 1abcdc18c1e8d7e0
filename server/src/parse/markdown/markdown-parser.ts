import type { Token } from 'markdown-it';
import { emptyDocument, type DocumentModel } from '../../model/document.js';
import type { Capability, Guidance, Mechanism, PartName, Test, TextBlock } from '../../model/elements.js';
import { LineIndex, type Range } from '../../model/range.js';
import { findSuppressions } from '../text/suppressions.js';
import { plainInline } from '../text/inline-markdown.js';
import { ConventionsReader } from './conventions-block.js';
import { blankFrontMatter, readFrontMatter } from './front-matter.js';
import { readGitbookTags } from './gitbook.js';
import { leadingTitle, partOfFileName, partOfTitle, readLeadingId, REPOSITORY_H1, SINGLE_PAGE_H1 } from './headings.js';
import { FlatMap, inlineMap, type OffsetMap } from './inline-map.js';
import { readLinks } from './read-links.js';
import { ReferencesReader } from './references.js';
import { readProseRefs } from './prose-refs.js';
import { readTable } from './read-tables.js';
import { headingElement, listLine, requirement, type HeadingElement } from './read-elements.js';
import { parseBlocks } from './markdown-it.js';
import { PageInvisibles } from './page-invisibles.js';
import { OpenSections, type OpenSection } from './sections.js';
import type { RawCell } from './table-cells.js';
import { normalizeMimId } from '../../model/ids.js';
import { foldSpace } from '../text/white-space.js';

const PLACEHOLDER =
  /^(tbd|tbc|todo|to do|unfinished page|coming soon|work in progress|under construction|to be (completed|defined|written|added)|placeholder)\.?$/i;

/**
 * Reads one Markdown page (a repository page, a single-page MIM, a SUMMARY.md or any other
 * page) into the model. markdown-it decides the structure; this walk only names what the
 * structure means for a MIM.
 *
 * The walk and what it is inside (part, capability, mechanism, section) live here; each kind
 * of content is read in its own module (read-elements, read-tables, prose-refs, read-links,
 * gitbook, sections, conventions-block), which sees the reader only through the small
 * interface it declares: the members below without `private`.
 */
class PageReader {
  readonly doc: DocumentModel;
  readonly lineIndex: LineIndex;
  private readonly sections: OpenSections;
  private readonly baseName: string;
  part: PartName | undefined;
  private partLevel = 0;
  capability: Capability | undefined;
  private capabilityLevel = 0;
  mechanism: Mechanism | undefined;
  private mechanismLevel = 0;
  private listed: Guidance | Test | undefined;
  private readonly conventions = new ConventionsReader();
  currentSectionTitle = '';
  private listDepth = 0;
  readonly env: Record<string, unknown> = {};
  /** Offsets of ids that define elements, so prose scanning does not take them for references. */
  private readonly definitionIds = new Set<number>();
  /** References and standards, and the `[tag]`s they read, which prose scanning does not count again. */
  private readonly references: ReferencesReader;
  /** Every invisible character of the page, placed as the walk meets headings, ids and code. */
  readonly invisibles: PageInvisibles;

  constructor(file: string, text: string, version: string | number) {
    this.lineIndex = new LineIndex(text);
    this.invisibles = new PageInvisibles(text);
    this.doc = emptyDocument(file, 'markdown', 'page', version, text, this.lineIndex);
    this.sections = new OpenSections(this.doc, this.lineIndex);
    this.references = new ReferencesReader(this);
    this.baseName = file.slice(file.lastIndexOf('/') + 1);
    if (/^summary\.md$/i.test(this.baseName)) this.doc.role = 'summary';
  }

  read(): DocumentModel {
    const text = this.doc.text;
    const fm = readFrontMatter(text);
    if (fm) {
      this.readFrontMatter(fm);
      this.invisibles.literalText(0, fm.end);
    }
    this.doc.suppressions = findSuppressions(text, this.lineIndex, 'markdown');
    this.part = partOfFileName(this.baseName);
    // Each block is walked as soon as it is parsed, and its tokens let go (see parseBlocks).
    parseBlocks(blankFrontMatter(text, fm), this.env, (tokens) => this.walk(tokens));
    this.sections.close(0, text.length);
    const conventions = this.conventions.finish(this.doc, this.lineIndex);
    if (conventions) this.doc.conventions = conventions;
    this.invisibles.record(this.doc);
    return this.doc;
  }

  private readFrontMatter(fm: NonNullable<ReturnType<typeof readFrontMatter>>): void {
    if (fm.error)
      this.problem(
        'syntax/yaml',
        `Front matter is not valid YAML: ${fm.error.message}`,
        this.lineIndex.rangeOf(fm.error.offset, fm.error.offset + 1),
      );
    for (const n of fm.notes)
      this.problem(n.code, `Front matter: ${n.message}`, this.lineIndex.rangeOf(n.start, n.end));
    const mim = fm.data.mim;
    if (typeof mim === 'string' || typeof mim === 'number') {
      const id = normalizeMimId(String(typeof mim === 'number' ? `MIM${mim}` : mim));
      const at = fm.keyOffsets.mim ?? 0;
      const range = this.lineIndex.rangeOf(at, at + String(mim).length);
      if (id) this.doc.identity.push({ mim: id, source: 'front-matter', file: this.doc.file, range });
      else this.problem('id/format', `Front matter 'mim: ${mim}' is not a MIM id (MIM0, MIM7, ...)`, range);
    }
  }

  private walk(tokens: Token[]): void {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      switch (t.type) {
        case 'heading_open':
          this.heading(t, tokens[i + 1]);
          i += 2;
          break;
        case 'table_open': {
          let end = i + 1;
          while (end < tokens.length && tokens[end].type !== 'table_close') end++;
          readTable(this, tokens.slice(i, end + 1));
          this.sections.markContent(false);
          i = end;
          break;
        }
        case 'bullet_list_open':
        case 'ordered_list_open':
          if (this.listDepth === 0) this.sections.markContent(false);
          this.listDepth++;
          break;
        case 'bullet_list_close':
        case 'ordered_list_close':
          this.listDepth--;
          break;
        case 'list_item_open':
          i = this.listItem(tokens, i);
          break;
        case 'paragraph_open':
          this.paragraph(tokens[i + 1], t.level > 0 ? 'quote' : 'paragraph');
          i += 2;
          break;
        case 'fence':
        case 'code_block':
          this.sections.markContent(false);
          if (t.map) this.codeBlock(this.lineIndex.lineStart(t.map[0]), this.lineIndex.lineEnd(t.map[1] - 1));
          break;
        case 'html_block':
          this.htmlBlock(t);
          break;
        default:
          break;
      }
    }
  }

  // ---- headings and sections -------------------------------------------------------

  private heading(open: Token, inline: Token): void {
    const level = Number(open.tag.slice(1));
    const line = open.map ? open.map[0] : 0;
    const raw = inline.content;
    const map = inlineMap(raw, line, this.lineIndex);
    const start = this.lineIndex.lineStart(line);
    const title = foldSpace(plainInline(raw));
    const headingRange = this.lineIndex.lineRange(line);
    const entry = this.sections.enter(title, level, headingRange, start);
    this.invisibles.place(start, this.lineIndex.lineEnd((open.map ? open.map[1] : line + 1) - 1), 'heading');
    this.currentSectionTitle = title;
    const id = readLeadingId(raw);
    if (level === 1) this.identityFromH1(title, headingRange);
    // `## Mechanism 1: ...` names an element, not the Mechanisms part.
    if (!id) this.updatePart(title, level, headingRange);
    this.conventions.heading(title, level);
    this.references.heading(title, level);

    if (this.capability && level <= this.capabilityLevel) this.capability = undefined;
    if (this.mechanism && level <= this.mechanismLevel) this.mechanism = undefined;
    this.listed = undefined;

    if (id && id.kind !== 'requirement') {
      const element = headingElement(this, id, leadingTitle(raw, id), map, headingRange);
      if (element) this.enterElement(element, level, entry);
    } else if (id && id.kind === 'requirement' && (this.part === 'capabilities' || this.capability)) {
      requirement(this, id, raw, map, headingRange);
    }
    this.inlineContent(inline, map, 'heading');
  }

  /** The element a heading names: its section is its extent, and a capability or mechanism holds what follows. */
  private enterElement(element: HeadingElement, level: number, entry: OpenSection): void {
    entry.element = element;
    switch (element.kind) {
      case 'capability':
        this.capability = element;
        this.capabilityLevel = level;
        break;
      case 'mechanism':
        this.mechanism = element;
        this.mechanismLevel = level;
        break;
      default:
        this.listed = element;
        break;
    }
  }

  private identityFromH1(title: string, range: Range): void {
    const single = SINGLE_PAGE_H1.exec(title);
    if (single) {
      this.doc.identity.push({
        mim: `MIM${Number(single[1])}`,
        title: single[2].trim(),
        source: 'h1',
        file: this.doc.file,
        range,
      });
      this.doc.title = single[2].trim();
      if (this.doc.role === 'page') this.doc.role = 'single-page';
      return;
    }
    const repo = REPOSITORY_H1.exec(title);
    if (repo) {
      const name = foldSpace(`${repo[1]} ${repo[3]}`);
      this.doc.identity.push({ mim: `MIM${Number(repo[2])}`, title: name, source: 'h1', file: this.doc.file, range });
      this.doc.title = name;
      return;
    }
    this.doc.title ??= title;
  }

  private updatePart(title: string, level: number, range: Range): void {
    const part = level <= 2 ? partOfTitle(title) : undefined;
    if (part) {
      this.part = part;
      this.partLevel = level;
      this.doc.parts.push({ part, file: this.doc.file, range, title });
    } else if (level === 1 && this.doc.parts.length === 0) {
      // A page named for its part (mechanisms.md) with an H1 of another wording still holds that part.
      const byName = partOfFileName(this.baseName);
      if (byName) {
        this.part = byName;
        this.partLevel = 1;
        this.doc.parts.push({ part: byName, file: this.doc.file, range });
      }
    } else if (level < this.partLevel) {
      this.part = undefined;
    }
  }

  // ---- blocks ----------------------------------------------------------------------

  private paragraph(inline: Token, kind: 'paragraph' | 'quote'): void {
    if (!inline?.map) return;
    const content = inline.content;
    const map = inlineMap(content, inline.map[0], this.lineIndex);
    if (this.listDepth === 0) this.sections.markContent(PLACEHOLDER.test(foldSpace(plainInline(content))));
    this.conventions.inline(content, map, false);
    const lead = this.listDepth === 0 ? readLeadingId(content) : undefined;
    const extent = this.lineIndex.rangeOf(map.toDocument(0), map.toDocument(content.length));
    if (lead?.kind === 'requirement' && (this.part === 'capabilities' || this.capability)) {
      requirement(this, lead, content, map, extent);
    }
    if (this.listDepth === 0) this.references.entry(content, map, extent);
    this.labelledLine(content, map);
    this.inlineContent(inline, map, kind);
  }

  private listItem(tokens: Token[], i: number): number {
    const item = tokens[i];
    // The item's first paragraph carries its id; nested lists are walked as usual.
    const para = tokens[i + 1]?.type === 'paragraph_open' ? tokens[i + 2] : undefined;
    if (!para?.map || !item.map) return i;
    const content = para.content;
    const map = inlineMap(content, para.map[0], this.lineIndex);
    this.conventions.inline(content, map, true);
    const lead = readLeadingId(content);
    const inCapabilities = this.part === 'capabilities' || this.capability !== undefined;
    let last = item.map[1] - 1;
    while (last > item.map[0] && this.lineIndex.lineText(last).trim() === '') last--;
    const extent = this.lineIndex.rangeOf(this.lineIndex.lineStart(item.map[0]), this.lineIndex.lineEnd(last));
    if (lead?.kind === 'requirement' && inCapabilities) requirement(this, lead, content, map, extent);
    if (this.doc.role === 'summary') this.summaryEntry(para, content, map, extent);
    this.references.entry(content, map, extent);
    this.labelledLine(content, map);
    this.inlineContent(para, map, 'list-item');
    return i + 3;
  }

  private htmlBlock(t: Token): void {
    if (!t.map) return;
    const start = this.lineIndex.lineStart(t.map[0]);
    const trivial = /^(\s|<br\s*\/?>|<!--[\s\S]*?-->|<\/?p>)*$/i.test(t.content);
    if (!trivial) this.sections.markContent(false);
    readLinks.html(this, t.content, new FlatMap(start));
    readGitbookTags(this, t.content, new FlatMap(start));
  }

  /** A fenced or indented code block: its text is literal, entities included. */
  private codeBlock(start: number, end: number): void {
    this.block('code', start, end);
    this.invisibles.literalText(start, end, 'code');
  }

  private block(kind: TextBlock['kind'], start: number, end: number, quotesRequirement = false): void {
    const b: TextBlock = { kind, start, end, part: this.part };
    if (quotesRequirement) b.quotesRequirement = true;
    this.doc.blocks.push(b);
  }

  // ---- inline content ----------------------------------------------------------------

  private inlineContent(inline: Token, map: OffsetMap, kind: TextBlock['kind']): void {
    const content = inline.content;
    this.block(kind, map.toDocument(0), map.toDocument(content.length));
    this.invisibles.codeSpansIn(content, map);
    readProseRefs(this, content, map);
    readLinks.tokens(this, inline, map);
    readGitbookTags(this, content, map);
  }

  /** A table cell's text, read as any inline text (a cell has no inline token: its links are parsed here). */
  tableCell(cell: RawCell, quote: boolean, prose: boolean): void {
    const map = new FlatMap(cell.start);
    this.block('table-cell', cell.start, cell.end, quote);
    this.invisibles.codeSpansIn(cell.text, map);
    if (prose) readProseRefs(this, cell.text, map);
    readLinks.inline(this, cell.text, map);
    readGitbookTags(this, cell.text, map);
  }

  private summaryEntry(para: Token, content: string, map: OffsetMap, extent: Range): void {
    const before = this.doc.links.length;
    readLinks.tokens(this, para, map);
    const link = this.doc.links[before];
    this.doc.links.length = before; // inlineContent records the links once
    if (!link) return;
    const title = link.text ?? foldSpace(plainInline(content));
    const name = link.target.split('#')[0].split('/').pop() ?? '';
    this.doc.summary.push({
      title,
      target: link.target,
      file: this.doc.file,
      range: extent,
      depth: this.listDepth - 1,
      part: partOfTitle(title) ?? partOfFileName(name),
    });
  }

  problem(code: string, message: string, range: Range): void {
    this.doc.problems.push({ code, message, range });
  }

  markDefinition(offset: number): void {
    this.definitionIds.add(offset);
  }

  isDefinition(offset: number): boolean {
    return this.definitionIds.has(offset);
  }

  isReadTag(offset: number): boolean {
    return this.references.isReadTag(offset);
  }

  /**
   * `Mechanisms: M1, M2` under a guidance heading; `Covers: R1.1` and `Method: manual` under a
   * test heading; `Standards: [OGC 20-010]` under a mechanism heading.
   */
  private labelledLine(content: string, map: OffsetMap): void {
    if (this.listed) listLine(this, this.listed, content, map);
    else if (this.mechanism) this.references.standards(this.mechanism, content, map);
  }
}

export type { PageReader };

export function parseMarkdown(file: string, text: string, version: string | number): DocumentModel {
  return new PageReader(file, text, version).read();
}
