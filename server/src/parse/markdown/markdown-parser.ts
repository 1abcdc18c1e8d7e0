import type { Token } from 'markdown-it';
import { emptyDocument, type DocumentModel } from '../../model/document.js';
import type {
  Capability,
  Guidance,
  IdRef,
  Mechanism,
  PartName,
  ReferenceKind,
  RefRole,
  Requirement,
  Section,
  Test,
  TextBlock,
} from '../../model/elements.js';
import { LineIndex, type Range } from '../../model/range.js';
import { findKeywords } from '../text/keywords.js';
import { SlugCounter } from '../text/slug.js';
import { findSuppressions } from '../text/suppressions.js';
import { findCitations, findProseRefs, readIdList, readOneId, withTarget } from '../text/xrefs.js';
import { cleanInline, plainInline } from '../text/inline-markdown.js';
import { CONVENTIONS_TITLE, conventionOf, definedKeyword, listedKeywords, type KeyAt } from './conventions-block.js';
import { blankFrontMatter, readFrontMatter } from './front-matter.js';
import { findGitbookTags } from './gitbook.js';
import {
  leadingTitle,
  partOfFileName,
  partOfTitle,
  readLeadingId,
  REPOSITORY_H1,
  SINGLE_PAGE_H1,
  type HeadingId,
} from './headings.js';
import { FlatMap, inlineMap, type OffsetMap } from './inline-map.js';
import { readLinks } from './read-links.js';
import { readReferenceEntry, readStandards, referencesKindOf } from './references.js';
import { markdown } from './markdown-it.js';
import { PageInvisibles } from './page-invisibles.js';
import { splitRow, type RawCell } from './table-cells.js';
import { intendedId, normalizeMimId } from '../../model/ids.js';
import { foldSpace, isSpaceCode } from '../text/white-space.js';

const PLACEHOLDER =
  /^(tbd|tbc|todo|to do|unfinished page|coming soon|work in progress|under construction|to be (completed|defined|written|added)|placeholder)\.?$/i;
const CHECKED = /:white_check_mark:|:heavy_check_mark:|✅|✔/;

interface OpenSection {
  section: Section;
  startOffset: number;
  blocks: number;
  placeholders: number;
  /** The element the heading names, whose extent is known only when its section closes. */
  element: { range: Range } | undefined;
}

/**
 * Reads one Markdown page (a repository page, a single-page MIM, a SUMMARY.md or any other
 * page) into the model. markdown-it decides the structure; this walk only names what the
 * structure means for a MIM.
 */
class PageReader {
  readonly doc: DocumentModel;
  private readonly lines: LineIndex;
  private readonly baseName: string;
  private part: PartName | undefined;
  private partLevel = 0;
  private readonly open: OpenSection[] = [];
  private readonly slugs = new SlugCounter();
  private capability: Capability | undefined;
  private capabilityLevel = 0;
  private mechanism: Mechanism | undefined;
  private mechanismLevel = 0;
  private listed: Guidance | Test | undefined;
  /** The kind of reference the section lists, and the level of its heading. */
  private references: { kind: ReferenceKind; level: number } | undefined;
  private conventionsLevel = 0;
  private conventionsText = '';
  private listedKeys: KeyAt[] = [];
  private definedKeys: KeyAt[] = [];
  private currentSectionTitle = '';
  private listDepth = 0;
  readonly env: Record<string, unknown> = {};
  /** Offsets of ids that define elements, so prose scanning does not take them for references. */
  private readonly definitionIds = new Set<number>();
  /** Offsets of `[tag]`s read already (a reference's own tag, a standard), which prose scanning does not count again. */
  private readonly readTags = new Set<number>();
  /** Every invisible character of the page, placed as the walk meets headings, ids and code. */
  private readonly invisibles: PageInvisibles;

  constructor(file: string, text: string, version: string | number) {
    this.lines = new LineIndex(text);
    this.invisibles = new PageInvisibles(text);
    this.doc = emptyDocument(file, 'markdown', 'page', version, text, this.lines);
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
    this.doc.suppressions = findSuppressions(text, this.lines, 'markdown');
    const tokens = markdown().parse(blankFrontMatter(text, fm), this.env);
    this.part = partOfFileName(this.baseName);
    this.walk(tokens);
    this.closeSections(0, text.length);
    this.finishConventions();
    this.invisibles.record(this.doc);
    return this.doc;
  }

  private readFrontMatter(fm: NonNullable<ReturnType<typeof readFrontMatter>>): void {
    if (fm.error)
      this.problem(
        'syntax/yaml',
        `Front matter is not valid YAML: ${fm.error.message}`,
        this.lines.rangeOf(fm.error.offset, fm.error.offset + 1),
      );
    const mim = fm.data.mim;
    if (typeof mim === 'string' || typeof mim === 'number') {
      const id = normalizeMimId(String(typeof mim === 'number' ? `MIM${mim}` : mim));
      const at = fm.keyOffsets.mim ?? 0;
      const range = this.lines.rangeOf(at, at + String(mim).length);
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
          this.table(tokens.slice(i, end + 1));
          this.markContent(false);
          i = end;
          break;
        }
        case 'bullet_list_open':
        case 'ordered_list_open':
          if (this.listDepth === 0) this.markContent(false);
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
          this.markContent(false);
          if (t.map) this.codeBlock(this.lines.lineStart(t.map[0]), this.lines.lineEnd(t.map[1] - 1));
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
    const map = inlineMap(raw, line, this.lines);
    const start = this.lines.lineStart(line);
    this.closeSections(level, start);
    for (const parent of this.open) parent.blocks++;
    const title = foldSpace(plainInline(raw));
    const headingRange = this.lines.lineRange(line);
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
    this.invisibles.place(start, this.lines.lineEnd((open.map ? open.map[1] : line + 1) - 1), 'heading');
    this.currentSectionTitle = title;
    const id = readLeadingId(raw);
    if (level === 1) this.identityFromH1(title, headingRange);
    // `## Mechanism 1: ...` names an element, not the Mechanisms part.
    if (!id) this.updatePart(title, level, headingRange);
    this.updateConventions(title, level);
    this.updateReferences(title, level);

    if (this.capability && level <= this.capabilityLevel) this.capability = undefined;
    if (this.mechanism && level <= this.mechanismLevel) this.mechanism = undefined;
    this.listed = undefined;

    if (id && id.kind !== 'requirement') this.headingElement(id, leadingTitle(raw, id), map, level, entry);
    else if (id && id.kind === 'requirement' && (this.part === 'capabilities' || this.capability)) {
      this.requirement(id, raw, map, headingRange);
    }
    this.inlineContent(inline, map, 'heading');
  }

  private headingElement(id: HeadingId, title: string, map: OffsetMap, level: number, entry: OpenSection): void {
    const idStart = map.toDocument(id.start);
    const file = this.doc.file;
    const idRange = this.lines.rangeOf(idStart, map.toDocument(id.end));
    const range = entry.section.headingRange;
    const malformed = id.malformed || undefined;
    this.definitionIds.add(idStart);
    this.idInvisibles(id, map, false);
    // Each element written out field by field: spreading a shared base into four kinds of
    // object was the slowest line of the reader.
    switch (id.kind) {
      case 'capability': {
        const c: Capability = {
          id: id.id,
          rawId: id.rawId,
          file,
          idRange,
          range,
          title,
          malformed,
          kind: 'capability',
          requirements: [],
        };
        this.doc.capabilities.push(c);
        this.capability = c;
        this.capabilityLevel = level;
        entry.element = c;
        break;
      }
      case 'mechanism': {
        const m: Mechanism = {
          id: id.id,
          rawId: id.rawId,
          file,
          idRange,
          range,
          title,
          malformed,
          kind: 'mechanism',
          standards: [],
          satisfies: [],
        };
        this.doc.mechanisms.push(m);
        this.mechanism = m;
        this.mechanismLevel = level;
        entry.element = m;
        break;
      }
      case 'guidance': {
        const g: Guidance = {
          id: id.id,
          rawId: id.rawId,
          file,
          idRange,
          range,
          title,
          malformed,
          kind: 'guidance',
          mechanisms: [],
        };
        this.doc.guidance.push(g);
        this.listed = g;
        entry.element = g;
        break;
      }
      case 'test': {
        const t: Test = {
          id: id.id,
          rawId: id.rawId,
          file,
          idRange,
          range,
          title,
          malformed,
          kind: 'test',
          covers: [],
        };
        this.doc.tests.push(t);
        this.listed = t;
        entry.element = t;
        break;
      }
      default:
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

  /** Ends every open section at `level` or deeper, fixing its extent and whether it holds anything. */
  private closeSections(level: number, endOffset: number): void {
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

  private markContent(placeholder: boolean): void {
    const top = this.open[this.open.length - 1];
    if (!top) return;
    top.blocks++;
    if (placeholder) top.placeholders++;
  }

  // ---- conventions -----------------------------------------------------------------

  private updateConventions(title: string, level: number): void {
    if (CONVENTIONS_TITLE.test(title)) {
      this.conventionsLevel = level;
      this.conventionsText = '';
    } else if (this.conventionsLevel > 0 && level <= this.conventionsLevel) {
      this.conventionsLevel = -this.conventionsLevel; // closed; kept negative so finish knows one was seen
    }
  }

  private conventionsInline(content: string, map: OffsetMap, inList: boolean): void {
    if (this.conventionsLevel <= 0) return;
    this.conventionsText += `${content}\n`;
    const shift = (k: KeyAt): KeyAt => ({ ...k, offset: map.toDocument(k.offset) });
    const listed = listedKeywords(content, 0);
    if (listed && this.listedKeys.length === 0) this.listedKeys = listed.map(shift);
    if (inList) {
      const defined = definedKeyword(content, 0);
      if (defined) this.definedKeys.push(shift(defined));
    }
  }

  private finishConventions(): void {
    if (this.conventionsLevel === 0) return;
    const section = this.doc.sections.find((s) => CONVENTIONS_TITLE.test(s.title));
    if (!section) return;
    const keys = [...this.listedKeys, ...this.definedKeys];
    const writtenLower =
      keys.length > 0 &&
      keys.every(
        (k) =>
          this.doc.text.slice(k.offset, k.offset + k.length) ===
          this.doc.text.slice(k.offset, k.offset + k.length).toLowerCase(),
      );
    const at = (k: KeyAt) => ({ key: k.key, range: this.lines.rangeOf(k.offset, k.offset + k.length) });
    this.doc.conventions = {
      convention: conventionOf(
        this.conventionsText,
        keys.map((k) => k.key),
        writtenLower,
      ),
      listed: this.listedKeys.map(at),
      defined: this.definedKeys.map(at),
      file: this.doc.file,
      range: section.range,
      source: 'terminology',
    };
  }

  // ---- blocks ----------------------------------------------------------------------

  private paragraph(inline: Token, kind: 'paragraph' | 'quote'): void {
    if (!inline?.map) return;
    const content = inline.content;
    const map = inlineMap(content, inline.map[0], this.lines);
    if (this.listDepth === 0) this.markContent(PLACEHOLDER.test(foldSpace(plainInline(content))));
    this.conventionsInline(content, map, false);
    const lead = this.listDepth === 0 ? readLeadingId(content) : undefined;
    const extent = this.lines.rangeOf(map.toDocument(0), map.toDocument(content.length));
    if (lead?.kind === 'requirement' && (this.part === 'capabilities' || this.capability)) {
      this.requirement(lead, content, map, extent);
    }
    if (this.listDepth === 0) this.referenceEntry(content, map, extent);
    this.listLine(content, map);
    this.inlineContent(inline, map, kind);
  }

  private listItem(tokens: Token[], i: number): number {
    const item = tokens[i];
    // The item's first paragraph carries its id; nested lists are walked as usual.
    const para = tokens[i + 1]?.type === 'paragraph_open' ? tokens[i + 2] : undefined;
    if (!para?.map || !item.map) return i;
    const content = para.content;
    const map = inlineMap(content, para.map[0], this.lines);
    this.conventionsInline(content, map, true);
    const lead = readLeadingId(content);
    const inCapabilities = this.part === 'capabilities' || this.capability !== undefined;
    let last = item.map[1] - 1;
    while (last > item.map[0] && this.lines.lineText(last).trim() === '') last--;
    const extent = this.lines.rangeOf(this.lines.lineStart(item.map[0]), this.lines.lineEnd(last));
    if (lead?.kind === 'requirement' && inCapabilities) this.requirement(lead, content, map, extent);
    if (this.doc.role === 'summary') this.summaryEntry(para, content, map, extent);
    this.referenceEntry(content, map, extent);
    this.listLine(content, map);
    this.inlineContent(para, map, 'list-item');
    return i + 3;
  }

  private htmlBlock(t: Token): void {
    if (!t.map) return;
    const start = this.lines.lineStart(t.map[0]);
    const trivial = /^(\s|<br\s*\/?>|<!--[\s\S]*?-->|<\/?p>)*$/i.test(t.content);
    if (!trivial) this.markContent(false);
    readLinks.html(this, t.content, new FlatMap(start));
    this.gitbook(t.content, new FlatMap(start));
  }

  /**
   * `Mechanisms: M1, M2` under a guidance heading; `Covers: R1.1` and `Method: manual` under a
   * test heading; `Standards: [OGC 20-010]` under a mechanism heading.
   */
  private listLine(content: string, map: OffsetMap): void {
    if (!this.listed && !this.mechanism) return;
    const m = /^\s*\**\s*(Mechanisms|Covers|Method|Standards)\s*\**\s*:\s*\**\s*/i.exec(content);
    if (!m) return;
    const label = m[1].toLowerCase();
    const line = content.slice(m[0].length).split('\n')[0];
    if (label === 'standards') {
      if (!this.listed) this.standards(line, m[0].length, map);
      return;
    }
    if (!this.listed) return;
    if (label === 'method') {
      const method = foldSpace(plainInline(line)).trim();
      if (this.listed.kind === 'test' && method) this.listed.method ??= method;
      return;
    }
    const isCovers = label === 'covers';
    if (isCovers !== (this.listed.kind === 'test')) return;
    for (const entry of readIdList(line, m[0].length)) {
      const ref = this.ref(entry, map, isCovers ? 'covers' : 'guidance-mechanisms');
      if (this.listed.kind === 'test') this.listed.covers.push(ref);
      else this.listed.mechanisms.push(ref);
      this.definitionIds.add(map.toDocument(entry.offset));
    }
  }

  /** A mechanism's standards: each names a reference, so each is a citation of its tag, as in a *.mim.yaml. */
  private standards(line: string, at: number, map: OffsetMap): void {
    for (const s of readStandards(line, at)) {
      const start = map.toDocument(s.offset);
      this.mechanism!.standards.push(s.tag);
      this.readTags.add(start);
      this.doc.citations.push({
        tag: s.tag,
        file: this.doc.file,
        range: this.lines.rangeOf(start, map.toDocument(s.offset + s.length)),
      });
    }
  }

  // ---- references ------------------------------------------------------------------

  private updateReferences(title: string, level: number): void {
    const kind = referencesKindOf(title);
    if (kind) this.references = { kind, level };
    else if (this.references && level <= this.references.level) this.references = undefined;
  }

  /** `[tag] Title, <url>` in a list of references. */
  private referenceEntry(content: string, map: OffsetMap, extent: Range): void {
    const entry = this.references && readReferenceEntry(content);
    if (!entry) return;
    this.readTags.add(map.toDocument(entry.bracket));
    this.doc.references.push({
      tag: entry.tag,
      kind: this.references!.kind,
      ...(entry.title !== undefined && { title: entry.title }),
      ...(entry.url !== undefined && { url: entry.url }),
      file: this.doc.file,
      tagRange: this.lines.rangeOf(map.toDocument(entry.tagStart), map.toDocument(entry.tagEnd)),
      range: extent,
    });
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

  // ---- requirements ----------------------------------------------------------------

  private requirement(id: HeadingId, content: string, map: OffsetMap, extent: Range, cell = false): void {
    const idStart = map.toDocument(id.start);
    this.definitionIds.add(idStart);
    this.idInvisibles(id, map, true);
    const textStart = map.toDocument(id.titleStart);
    const textEnd = map.toDocument(content.length);
    const capability = this.capability?.id;
    const r: Requirement = {
      kind: 'requirement',
      // A malformed id is read as the id it was meant to be (`R.1` under C1 is R1.1), so that
      // one slip is one finding (id/format) and not also a broken trace.
      id: (id.malformed && intendedId(id, capability)) || id.id,
      rawId: id.rawId,
      file: this.doc.file,
      idRange: this.lines.rangeOf(idStart, map.toDocument(id.end)),
      range: extent,
      title: '',
      malformed: id.malformed || undefined,
      capability,
      text: foldSpace(plainInline(content.slice(id.titleStart), cell)),
      textSpan: { start: textStart, end: textEnd },
      keywords: findKeywords(this.doc.text.slice(textStart, textEnd), textStart),
      level: 'none',
      seeAlso: [],
    };
    r.title = r.text;
    this.capability?.requirements.push(r);
    this.doc.requirements.push(r);
  }

  /** Invisible characters in an id, and (for an item's id) those glued after it through markup: `**R1.1\u200B**`. */
  private idInvisibles(id: HeadingId, map: OffsetMap, glued: boolean): void {
    if (this.invisibles.none) return;
    const end = map.toDocument(id.end);
    this.invisibles.place(map.toDocument(id.start), end, 'id');
    if (glued) this.invisibles.placeGlued(end);
  }

  // ---- tables ----------------------------------------------------------------------

  private table(tokens: Token[]): void {
    const open = tokens[0];
    if (!open.map) return;
    const rows = tokens.filter((t) => t.type === 'tr_open' && t.map).map((t) => t.map![0]);
    if (rows.length === 0) return;
    const cellsOf = (line: number) => splitRow(this.lines.lineText(line), this.lines.lineStart(line));
    // Each row is split once; markdown-it pads short rows, so the shape is read from these cells.
    const grid = rows.map(cellsOf);
    const header = grid[0];
    const headerText = header.map((c) => foldSpace(plainInline(c.text, true)));
    for (let r = 1; r < rows.length; r++) {
      const n = grid[r].length;
      if (n !== header.length) {
        this.problem(
          'structure/table-shape',
          `This row has ${n} cell${n === 1 ? '' : 's'} but the table's header has ${header.length}`,
          this.lines.lineRange(rows[r]),
        );
      }
    }
    const first = headerText[0]?.toLowerCase() ?? '';
    const isMapping = (this.mechanism !== undefined || this.part === 'mechanisms') && /\breq/.test(first);
    const isRequirements = !isMapping && (this.part === 'capabilities' || this.capability !== undefined);
    if (/status/i.test(this.currentSectionTitle)) this.statusTable(headerText, grid.slice(1));
    // A second column headed "How ..." holds the mechanism's answer, not a quoted requirement.
    const quoteFallback = /how|implement|realis/i.test(headerText[1] ?? '') ? -1 : 1;
    const quoteCol = isMapping
      ? pickColumn(headerText, /requirement text|^text$|requirement$|statement/i, quoteFallback)
      : -1;
    const howCol = isMapping
      ? pickColumn(headerText, /how|implement|realis|descri|mechanism/i, headerText.length > 2 ? 2 : 1)
      : -1;
    for (let r = 0; r < rows.length; r++) {
      const line = rows[r];
      const cells = grid[r];
      const rowRange = this.lines.lineRange(line);
      let handledFirst = false;
      if (r > 0 && isMapping && cells[0]) {
        this.mappingRow(cells, quoteCol, howCol, rowRange);
        handledFirst = true;
      } else if (r > 0 && isRequirements && cells[0]) {
        const lead = readLeadingId(cells[0].text);
        if (lead?.kind === 'requirement') {
          const textCell = cells[1] ?? cells[0];
          const id = { ...lead, titleStart: cells[1] ? textCell.start - cells[0].start : lead.titleStart };
          const joined = this.doc.text.slice(cells[0].start, textCell.end);
          this.requirement(id, joined, new FlatMap(cells[0].start), rowRange, true);
          handledFirst = true;
        }
      }
      cells.forEach((cell, c) => {
        const map = new FlatMap(cell.start);
        const quote = isMapping && r > 0 && c === quoteCol;
        this.block('table-cell', cell.start, cell.end, quote);
        this.invisibles.codeSpansIn(cell.text, map);
        if (!(handledFirst && c === 0) && !quote) this.proseIn(cell.text, map);
        readLinks.inline(this, cell.text, map);
        this.gitbook(cell.text, map);
      });
    }
  }

  private mappingRow(cells: RawCell[], quoteCol: number, howCol: number, rowRange: Range): void {
    const idCell = cells[0];
    const { text, start, end } = idCellText(idCell);
    const one = readOneId(text);
    const ref = withTarget<IdRef>(
      { file: this.doc.file, range: this.lines.rangeOf(start, end), text, role: 'mapping', legacy: one.legacy },
      one,
    );
    this.doc.refs.push(ref);
    this.definitionIds.add(start);
    if (one.target) this.invisibles.place(idCell.start, idCell.end, 'id');
    const quoteCell = quoteCol >= 0 ? cells[quoteCol] : undefined;
    const howCell = howCol >= 0 && howCol !== quoteCol ? cells[howCol] : undefined;
    const row = {
      ref,
      file: this.doc.file,
      range: rowRange,
      quote: quoteCell ? foldSpace(plainInline(quoteCell.text, true)) : undefined,
      quoteSpan: quoteCell ? { start: quoteCell.start, end: quoteCell.end } : undefined,
      how: howCell ? foldSpace(plainInline(howCell.text, true)) : undefined,
    };
    this.mechanism?.satisfies.push(row);
  }

  private statusTable(header: string[], body: RawCell[][]): void {
    let status: string | undefined;
    header.forEach((h, c) => {
      if (body.some((row) => row[c] && CHECKED.test(plainInline(row[c].text, true)))) status = h;
    });
    if (status)
      this.doc.status = status
        .replace(/[^\p{L}\p{N}\s-]/gu, '')
        .trim()
        .toLowerCase()
        .replace(/\s+/g, '-');
  }

  // ---- inline content ----------------------------------------------------------------

  private inlineContent(inline: Token, map: OffsetMap, kind: TextBlock['kind']): void {
    const content = inline.content;
    this.block(kind, map.toDocument(0), map.toDocument(content.length));
    this.invisibles.codeSpansIn(content, map);
    this.proseIn(content, map);
    readLinks.tokens(this, inline, map);
    this.gitbook(content, map);
  }

  /** Cross-references and citations in prose. */
  private proseIn(content: string, map: OffsetMap): void {
    const refs = findProseRefs(content);
    for (let i = 0; i < refs.length; i++) {
      const p = refs[i];
      const at = map.toDocument(p.offset);
      if (this.definitionIds.has(at)) continue;
      const ref: IdRef = {
        file: this.doc.file,
        range: this.lines.rangeOf(at, map.toDocument(p.offset + p.length)),
        text: p.text,
        role: 'prose',
        mim: p.mim,
        target: p.target,
        legacy: p.legacy || undefined,
      };
      if (p.name)
        ref.name = {
          text: p.name.text,
          range: this.lines.rangeOf(map.toDocument(p.name.offset), map.toDocument(p.name.offset + p.name.length)),
        };
      this.doc.refs.push(ref);
    }
    const citations = findCitations(content);
    for (let i = 0; i < citations.length; i++) {
      const c = citations[i];
      const at = map.toDocument(c.offset);
      if (this.readTags.has(at)) continue;
      this.doc.citations.push({
        tag: c.tag,
        file: this.doc.file,
        range: this.lines.rangeOf(at, map.toDocument(c.offset + c.length)),
      });
    }
  }

  private gitbook(content: string, map: OffsetMap): void {
    for (const g of findGitbookTags(content)) {
      const at = map.toDocument(g.offset);
      this.doc.gitbookTags.push({
        name: g.name,
        kind: g.closing ? 'close' : 'open',
        file: this.doc.file,
        range: this.lines.rangeOf(at, map.toDocument(g.offset + g.length)),
      });
      if (g.target) {
        const t = map.toDocument(g.target.offset);
        this.doc.links.push({
          target: g.target.value,
          form: 'gitbook',
          file: this.doc.file,
          range: this.lines.rangeOf(at, map.toDocument(g.offset + g.length)),
          targetRange: this.lines.rangeOf(t, t + g.target.value.length),
        });
      }
    }
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

  ref(
    entry: { offset: number; length: number; text: string; mim?: string; target?: IdRef['target']; legacy: boolean },
    map: OffsetMap,
    role: RefRole,
  ): IdRef {
    const at = map.toDocument(entry.offset);
    const ref: IdRef = {
      file: this.doc.file,
      range: this.lines.rangeOf(at, map.toDocument(entry.offset + entry.length)),
      text: entry.text,
      role,
      mim: entry.mim,
      target: entry.target,
      legacy: entry.legacy || undefined,
    };
    this.doc.refs.push(ref);
    return ref;
  }

  problem(code: string, message: string, range: Range): void {
    this.doc.problems.push({ code, message, range });
  }

  get lineIndex(): LineIndex {
    return this.lines;
  }
}

// The usual id cell, `R1.1` or `**MIM0.R1.2**`: the id itself between emphasis marks, read without cleaning.
const PLAIN_ID_CELL = /^([*_`]*)([A-Za-z0-9][A-Za-z0-9.]*)[*_`]*$/;

/** The id a mapping row's first cell names, as written without its markup, and where it sits. */
function idCellText(cell: RawCell): { text: string; start: number; end: number } {
  const plain = PLAIN_ID_CELL.exec(cell.text);
  if (plain) {
    const start = cell.start + plain[1].length;
    return { text: plain[2], start, end: start + plain[2].length };
  }
  const clean = cleanInline(cell.text, true);
  const text = foldSpace(clean.text);
  const lead = /^\s*/.exec(clean.text)![0].length;
  return {
    text,
    start: cell.start + clean.map[lead],
    end: cell.start + clean.map[Math.max(lead, lead + text.length - 1)] + 1,
  };
}

function pickColumn(header: string[], re: RegExp, fallback: number): number {
  const i = header.findIndex((h, c) => c > 0 && re.test(h));
  return i > 0 ? i : fallback < header.length ? fallback : -1;
}

export type { PageReader };

export function parseMarkdown(file: string, text: string, version: string | number): DocumentModel {
  return new PageReader(file, text, version).read();
}
