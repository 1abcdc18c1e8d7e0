import type { DocumentModel } from '../../model/document.js';
import type { PartName, TextSpan } from '../../model/elements.js';
import { stripInvisibles } from '../text/invisible.js';
import { foldSpace } from '../text/white-space.js';
import { findCitations, findProseRefs } from '../text/xrefs.js';
import { scalarSpan } from './nodes.js';
import { toIdRef } from './refs.js';
import { isScalar, type MaybeNode } from './tree.js';

export interface ReadText {
  span: TextSpan;
  /** The scalar's characters as they stand in the document, for scans that keep offsets. */
  source: string;
  value: string;
}

/**
 * Reads a Markdown text field: a block for the prose checks (with the part it belongs to),
 * the citations and the cross-references in it. Offsets are those of the document text.
 */
export function readText(model: DocumentModel, node: MaybeNode, part?: PartName): ReadText | undefined {
  if (!isScalar(node) || typeof node.value !== 'string') return undefined;
  const span = scalarSpan(node);
  const source = model.text.slice(span.start, span.end);
  model.blocks.push(part ? { kind: 'yaml', start: span.start, end: span.end, part } : { kind: 'yaml', start: span.start, end: span.end });
  const citations = findCitations(source, span.start);
  for (let i = 0; i < citations.length; i++) {
    const c = citations[i];
    model.citations.push({ tag: c.tag, file: model.file, range: model.lines.rangeOf(c.offset, c.offset + c.length) });
  }
  const refs = findProseRefs(source, span.start);
  for (let i = 0; i < refs.length; i++) model.refs.push(toIdRef(model, refs[i], 'prose'));
  return { span, source, value: node.value };
}

const MARKUP = /[[*_`&\u200B\u200C\u200D\u2060\uFEFF\u00AD\u180E]/;

/** Markdown to a plain statement: no emphasis, code marks, link targets or invisible characters; white space folded. */
export function plainText(markdown: string): string {
  // Most texts carry no markup at all: folding white space is all they need.
  if (!MARKUP.test(markdown)) return foldSpace(markdown);
  const plain = stripInvisibles(markdown)
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])/g, '$1')
    .replace(/(?<!\w)_(?!\s)(.+?)(?<!\s)_(?!\w)/g, '$1')
    .replace(/`([^`]*)`/g, '$1');
  return foldSpace(plain);
}
