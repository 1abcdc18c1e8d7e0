import type { Capability, Guidance, IdRef, Mechanism, RefRole, Requirement, Test } from '../../model/elements.js';
import { intendedId } from '../../model/ids.js';
import type { Range } from '../../model/range.js';
import { plainInline } from '../text/inline-markdown.js';
import { findKeywords } from '../text/keywords.js';
import { foldSpace } from '../text/white-space.js';
import { readIdList } from '../text/xrefs.js';
import type { HeadingId } from './headings.js';
import type { OffsetMap } from './inline-map.js';
import type { PageInvisibles } from './page-invisibles.js';
import type { PageSink } from './page-sink.js';

/** What reading an element needs of the page reader. */
export interface ElementContext extends PageSink {
  /** The capability whose section the walk is in: a requirement belongs to it. */
  readonly capability: Capability | undefined;
  readonly invisibles: PageInvisibles;
  /** Records the offset of an id that defines or lists an element, so prose scanning does not take it for a reference. */
  markDefinition(offset: number): void;
}

/** An element a heading names (all but requirements, which are items of a capability). */
export type HeadingElement = Capability | Mechanism | Guidance | Test;

/**
 * The element a heading's id names, added to the document. Its extent is the heading until
 * its section closes.
 */
export function headingElement(
  r: ElementContext,
  id: HeadingId,
  title: string,
  map: OffsetMap,
  range: Range,
): HeadingElement | undefined {
  const idStart = map.toDocument(id.start);
  const file = r.doc.file;
  const idRange = r.lineIndex.rangeOf(idStart, map.toDocument(id.end));
  const malformed = id.malformed || undefined;
  r.markDefinition(idStart);
  idInvisibles(r, id, map, false);
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
      r.doc.capabilities.push(c);
      return c;
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
      r.doc.mechanisms.push(m);
      return m;
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
      r.doc.guidance.push(g);
      return g;
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
      r.doc.tests.push(t);
      return t;
    }
    default:
      return undefined;
  }
}

/** A requirement: a heading, paragraph, list item or table row led by its id, in the current capability. */
export function requirement(
  r: ElementContext,
  id: HeadingId,
  content: string,
  map: OffsetMap,
  extent: Range,
  cell = false,
): void {
  const idStart = map.toDocument(id.start);
  r.markDefinition(idStart);
  idInvisibles(r, id, map, true);
  const textStart = map.toDocument(id.titleStart);
  const textEnd = map.toDocument(content.length);
  const capability = r.capability?.id;
  const req: Requirement = {
    kind: 'requirement',
    // A malformed id is read as the id it was meant to be (`R.1` under C1 is R1.1), so that
    // one slip is one finding (id/format) and not also a broken trace.
    id: (id.malformed && intendedId(id, capability)) || id.id,
    rawId: id.rawId,
    file: r.doc.file,
    idRange: r.lineIndex.rangeOf(idStart, map.toDocument(id.end)),
    range: extent,
    title: '',
    malformed: id.malformed || undefined,
    capability,
    text: foldSpace(plainInline(content.slice(id.titleStart), cell)),
    textSpan: { start: textStart, end: textEnd },
    keywords: findKeywords(r.doc.text.slice(textStart, textEnd), textStart),
    level: 'none',
    seeAlso: [],
  };
  req.title = req.text;
  r.capability?.requirements.push(req);
  r.doc.requirements.push(req);
}

/** Invisible characters in an id, and (for an item's id) those glued after it through markup: `**R1.1\u200B**`. */
function idInvisibles(r: ElementContext, id: HeadingId, map: OffsetMap, glued: boolean): void {
  if (r.invisibles.none) return;
  const end = map.toDocument(id.end);
  r.invisibles.place(map.toDocument(id.start), end, 'id');
  if (glued) r.invisibles.placeGlued(end);
}

/** `Mechanisms: M1, M2` under a guidance heading; `Covers: R1.1` under a test heading. */
export function listLine(r: ElementContext, listed: Guidance | Test, content: string, map: OffsetMap): void {
  const m = /^\s*\**\s*(Mechanisms|Covers|Method)\s*\**\s*:\s*\**\s*/i.exec(content);
  if (!m) return;
  const label = m[1].toLowerCase();
  const line = content.slice(m[0].length).split('\n')[0];
  if (label === 'method') {
    const method = foldSpace(plainInline(line)).trim();
    if (listed.kind === 'test' && method) listed.method ??= method;
    return;
  }
  const isCovers = label === 'covers';
  if (isCovers !== (listed.kind === 'test')) return;
  for (const entry of readIdList(line, m[0].length)) {
    const ref = listedRef(r, entry, map, isCovers ? 'covers' : 'guidance-mechanisms');
    if (listed.kind === 'test') listed.covers.push(ref);
    else listed.mechanisms.push(ref);
    r.markDefinition(map.toDocument(entry.offset));
  }
}

function listedRef(
  r: ElementContext,
  entry: { offset: number; length: number; text: string; mim?: string; target?: IdRef['target']; legacy: boolean },
  map: OffsetMap,
  role: RefRole,
): IdRef {
  const at = map.toDocument(entry.offset);
  const ref: IdRef = {
    file: r.doc.file,
    range: r.lineIndex.rangeOf(at, map.toDocument(entry.offset + entry.length)),
    text: entry.text,
    role,
    mim: entry.mim,
    target: entry.target,
    legacy: entry.legacy || undefined,
  };
  r.doc.refs.push(ref);
  return ref;
}
