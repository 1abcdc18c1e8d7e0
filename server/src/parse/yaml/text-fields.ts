import type { DocumentModel } from '../../model/document.js';
import type { PartName, Prose, TextSpan } from '../../model/elements.js';
import { plainInline } from '../text/inline-markdown.js';
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
  model.blocks.push(
    part
      ? { kind: 'yaml', start: span.start, end: span.end, part }
      : { kind: 'yaml', start: span.start, end: span.end },
  );
  const citations = findCitations(source, span.start);
  for (let i = 0; i < citations.length; i++) {
    const c = citations[i];
    model.citations.push({ tag: c.tag, file: model.file, range: model.lines.rangeOf(c.offset, c.offset + c.length) });
  }
  const refs = findProseRefs(source, span.start);
  for (let i = 0; i < refs.length; i++) model.refs.push(toIdRef(model, refs[i], 'prose'));
  return { span, source, value: node.value };
}

/** Reads a Markdown text field (as readText) and keeps it in the model as prose: where it is, and its Markdown. */
export function readProse(model: DocumentModel, node: MaybeNode, part?: PartName): Prose | undefined {
  const text = readText(model, node, part);
  return text && { start: text.span.start, end: text.span.end, markdown: text.value };
}

/** A Markdown text field as a reader sees it, white space folded: read as the text of a Markdown page is (`plainInline`). */
export function plainText(markdown: string): string {
  return foldSpace(plainInline(markdown));
}
