import type { Mechanism, ReferenceKind } from '../../model/elements.js';
import type { Range } from '../../model/range.js';
import { plainInline } from '../text/inline-markdown.js';
import { foldSpace } from '../text/white-space.js';
import type { OffsetMap } from './inline-map.js';
import type { PageSink } from './page-sink.js';

// How a page cites documents in the form of mim-format §3.3: a list of references under a
// References (or Normative references) or Bibliography heading, each entry `[tag] Title,
// <https://...>` as ITU-T writes them; and a mechanism's `Standards: [tag], [tag]` line.

/** The kind of reference a section lists, judged from its heading (`2 References`, `Bibliography`). */
export function referencesKindOf(title: string): ReferenceKind | undefined {
  const t = title
    .toLowerCase()
    .replace(/^[\d.\s]+/, '')
    .replace(/[:\s]+$/, '');
  if (t === 'references' || t === 'normative references') return 'normative';
  if (t === 'bibliography') return 'bibliography';
  return undefined;
}

export interface ReferenceEntry {
  tag: string;
  /** Offsets of the tag, without its brackets, in the entry's text; `bracket` is where its `[` is. */
  tagStart: number;
  tagEnd: number;
  bracket: number;
  title?: string;
  url?: string;
}

// `[tag]` at the start of an entry, not the text of a link (`[x](...)`, `[x][y]`, `[x]: ...`).
const TAG_AT_START = /^(\s*)\[([^\]\n]+)\](?![([:])/;
// The entry's address: an autolink at its end, after at most one comma.
const URL_AT_END = /,?\s*<([A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*)>\s*$/;

/** An entry of a list of references, `[tag] Title, <url>` (title and address optional); undefined for any other text. */
export function readReferenceEntry(content: string): ReferenceEntry | undefined {
  const m = TAG_AT_START.exec(content);
  const tag = m?.[2].trim();
  if (!m || !tag) return undefined;
  const tagStart = m[1].length + 1 + (m[2].length - m[2].trimStart().length);
  const rest = content.slice(m[0].length);
  const url = URL_AT_END.exec(rest);
  const title = foldSpace(plainInline(url ? rest.slice(0, url.index) : rest)).trim();
  return {
    tag,
    tagStart,
    tagEnd: tagStart + tag.length,
    bracket: m[1].length,
    ...(title && { title }),
    ...(url && { url: url[1] }),
  };
}

export interface StandardAt {
  tag: string;
  /** The standard as written (with its brackets, where it has them), in the line given. */
  offset: number;
  length: number;
}

/** The standards of a `Standards:` line: cited tags `[OGC 20-010], [RFC 9110]`, or a list `OGC 20-010, RFC 9110`. */
export function readStandards(line: string, base: number): StandardAt[] {
  const out: StandardAt[] = [];
  const re = line.includes('[') ? /\[([^\]\n]+)\]/g : /[^,;]+/g;
  for (const m of line.matchAll(re)) {
    const tag = (m[1] ?? m[0]).trim();
    if (!tag) continue;
    const offset = m[1] === undefined ? m.index + m[0].indexOf(tag) : m.index;
    out.push({ tag, offset: base + offset, length: m[1] === undefined ? tag.length : m[0].length });
  }
  return out;
}

const STANDARDS_LABEL = /^\s*\**\s*Standards\s*\**\s*:\s*\**\s*/i;

/**
 * The page reader's part for references: the section of references the walk is in, its
 * entries, a mechanism's `Standards:` line, and the `[tag]`s these read (which prose scanning
 * must not count again as citations).
 */
export class ReferencesReader {
  private section: { kind: ReferenceKind; level: number } | undefined;
  private readonly readTags = new Set<number>();

  constructor(private readonly page: PageSink) {}

  heading(title: string, level: number): void {
    const kind = referencesKindOf(title);
    if (kind) this.section = { kind, level };
    else if (this.section && level <= this.section.level) this.section = undefined;
  }

  /** `[tag] Title, <url>` in a list of references. */
  entry(content: string, map: OffsetMap, extent: Range): void {
    const entry = this.section && readReferenceEntry(content);
    if (!entry) return;
    const { doc, lineIndex } = this.page;
    this.readTags.add(map.toDocument(entry.bracket));
    doc.references.push({
      tag: entry.tag,
      kind: this.section!.kind,
      ...(entry.title !== undefined && { title: entry.title }),
      ...(entry.url !== undefined && { url: entry.url }),
      file: doc.file,
      tagRange: lineIndex.rangeOf(map.toDocument(entry.tagStart), map.toDocument(entry.tagEnd)),
      range: extent,
    });
  }

  /** A mechanism's standards: each names a reference, so each is a citation of its tag, as in a *.mim.yaml. */
  standards(mechanism: Mechanism, content: string, map: OffsetMap): void {
    const m = STANDARDS_LABEL.exec(content);
    if (!m) return;
    const { doc, lineIndex } = this.page;
    for (const s of readStandards(content.slice(m[0].length).split('\n')[0], m[0].length)) {
      const start = map.toDocument(s.offset);
      mechanism.standards.push(s.tag);
      this.readTags.add(start);
      doc.citations.push({
        tag: s.tag,
        file: doc.file,
        range: lineIndex.rangeOf(start, map.toDocument(s.offset + s.length)),
      });
    }
  }

  isReadTag(offset: number): boolean {
    return this.readTags.has(offset);
  }
}
