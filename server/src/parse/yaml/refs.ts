import type { DocumentModel } from '../../model/document.js';
import type { IdRef, RefRole, TextSpan } from '../../model/elements.js';
import { type ElementKind, intendedId, parseLocalId } from '../../model/ids.js';
import type { Range } from '../../model/range.js';
import { findInvisibles, stripInvisibles } from '../text/invisible.js';
import { readIdList, readOneId, type ProseRef } from '../text/xrefs.js';
import { field, items, scalarSpan } from './nodes.js';
import { isScalar, type MaybeNode, type YamlScalar } from './tree.js';

/** An id scalar: where its characters are, as written, and as read (invisible characters stripped, and reported). */
interface IdText {
  span: TextSpan;
  raw: string;
  value: string;
}

function readIdText(model: DocumentModel, node: YamlScalar): IdText {
  const span = scalarSpan(node);
  const raw = model.text.slice(span.start, span.end);
  noteIdInvisibles(model, span.start, raw);
  return { span, raw, value: stripInvisibles(String(node.value)).trim() };
}

/** Records the invisible characters of an id written at `start` (they are read as if absent, and reported). */
export function noteIdInvisibles(model: DocumentModel, start: number, written: string): void {
  for (const m of findInvisibles(written)) {
    const at = start + m.offset;
    model.invisibles.push({
      what: m.what,
      where: 'id',
      file: model.file,
      range: model.lines.rangeOf(at, at + m.length),
    });
  }
}

/**
 * A reference found in text; only the fields it has, so the model stays plain JSON. What it
 * names is written in the same literal: fields added to an object once it is made go to a
 * separate store, 40 bytes more for each of the hundreds of thousands of references of a large
 * workspace. A legacy form and a name beside the id are rare, and added.
 */
export function toIdRef(model: DocumentModel, r: ProseRef, role: RefRole): IdRef {
  const file = model.file;
  const range = model.lines.rangeOf(r.offset, r.offset + r.length);
  const { text, mim, target } = r;
  const ref: IdRef =
    mim && target
      ? { file, range, text, role, mim, target }
      : target
        ? { file, range, text, role, target }
        : mim
          ? { file, range, text, role, mim }
          : { file, range, text, role };
  if (r.legacy) ref.legacy = true;
  if (r.name)
    ref.name = { text: r.name.text, range: model.lines.rangeOf(r.name.offset, r.name.offset + r.name.length) };
  return ref;
}

/** One id written where an id is expected (`requirement: R1.1`); it is also recorded in `model.refs`. */
export function readRef(model: DocumentModel, node: MaybeNode, role: RefRole): IdRef | undefined {
  if (!isScalar(node) || node.value === null) return undefined;
  const id = readIdText(model, node);
  const one = readOneId(id.value);
  const ref = toIdRef(
    model,
    {
      offset: id.span.start,
      length: id.span.end - id.span.start,
      text: id.raw,
      mim: one.mim,
      target: one.target,
      legacy: one.legacy,
    },
    role,
  );
  model.refs.push(ref);
  return ref;
}

/**
 * A list of ids (`covers: [R1.1, R1.2]`). A single string that lists ids (`covers: R1.1, R1.2`)
 * breaks the schema but is still read, so that one slip does not also break the traces.
 */
export function readRefs(model: DocumentModel, node: MaybeNode, role: RefRole): IdRef[] {
  if (isScalar(node) && typeof node.value === 'string') {
    const span = scalarSpan(node);
    const refs = readIdList(model.text.slice(span.start, span.end), span.start).map((r) => toIdRef(model, r, role));
    model.refs.push(...refs);
    return refs;
  }
  return items(node).flatMap((item) => readRef(model, item, role) ?? []);
}

export interface ElementId {
  id: string;
  rawId: string;
  idRange: Range;
  malformed?: boolean;
}

/**
 * The `id` of an element map. An id of another form or kind is kept (flagged malformed) so
 * that the element stays in the model; undefined only when the map has no id at all. A
 * malformed id of the right kind is read as the id it was meant to be (`R.1` under C1 is R1.1).
 */
export function readElementId(
  model: DocumentModel,
  node: MaybeNode,
  kind: ElementKind,
  capability?: string,
): ElementId | undefined {
  const value = field(node, 'id')?.value;
  if (!isScalar(value) || value.value === null) return undefined;
  const id = readIdText(model, value);
  const parsed = parseLocalId(id.value);
  const ok = parsed !== undefined && parsed.kind === kind;
  const local = ok ? (parsed.malformed && intendedId(parsed, capability)) || parsed.id : id.value;
  const out: ElementId = { id: local, rawId: id.raw, idRange: model.lines.rangeOf(id.span.start, id.span.end) };
  if (!ok || parsed.malformed) out.malformed = true;
  return out;
}
