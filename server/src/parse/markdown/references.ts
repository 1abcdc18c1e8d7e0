import type { ReferenceKind } from '../../model/elements.js';
import { plainInline } from '../text/inline-markdown.js';
import { foldSpace } from '../text/white-space.js';

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
