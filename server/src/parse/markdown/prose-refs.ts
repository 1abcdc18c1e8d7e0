import type { IdRef } from '../../model/elements.js';
import { findCitations, findProseRefs } from '../text/xrefs.js';
import type { OffsetMap } from './inline-map.js';
import type { PageSink } from './page-sink.js';

/** What reading the references of prose needs of the page reader. */
export interface ProseContext extends PageSink {
  /** Whether an id at this offset defines or lists an element, and so is no reference. */
  isDefinition(offset: number): boolean;
  /** Whether a `[tag]` at this offset was read already (a reference's own tag, a standard). */
  isReadTag(offset: number): boolean;
}

/** Cross-references and citations in prose. */
export function readProseRefs(r: ProseContext, content: string, map: OffsetMap): void {
  const lines = r.lineIndex;
  const refs = findProseRefs(content);
  for (let i = 0; i < refs.length; i++) {
    const p = refs[i];
    const at = map.toDocument(p.offset);
    if (r.isDefinition(at)) continue;
    const ref: IdRef = {
      file: r.doc.file,
      range: lines.rangeOf(at, map.toDocument(p.offset + p.length)),
      text: p.text,
      role: 'prose',
      mim: p.mim,
      target: p.target,
      legacy: p.legacy || undefined,
    };
    if (p.name)
      ref.name = {
        text: p.name.text,
        range: lines.rangeOf(map.toDocument(p.name.offset), map.toDocument(p.name.offset + p.name.length)),
      };
    r.doc.refs.push(ref);
  }
  const citations = findCitations(content);
  for (let i = 0; i < citations.length; i++) {
    const c = citations[i];
    const at = map.toDocument(c.offset);
    if (r.isReadTag(at)) continue;
    r.doc.citations.push({
      tag: c.tag,
      file: r.doc.file,
      range: lines.rangeOf(at, map.toDocument(c.offset + c.length)),
    });
  }
}
