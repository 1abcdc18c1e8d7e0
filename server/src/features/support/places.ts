import type { DocumentModel } from '../../model/document.js';
import type { IdRef, MimElement, PartName, Reference } from '../../model/elements.js';
import { globalKey } from '../../model/ids.js';
import type { Mim } from '../../model/mim.js';
import {
  comparePositions,
  compareRanges,
  containsPosition,
  range,
  type Location,
  type Position,
  type Range,
} from '../../model/range.js';
import { partOfFileName } from '../../parse/markdown/headings.js';
import { basename, dirname } from '../../base/paths.js';
import { firstNotBefore } from '../../base/search.js';
import type { Workspace } from '../../workspace/workspace.js';

/** Order of places in results: by file path (code points, the same on every machine), then position. */
export function byPlace(a: { file: string; range: Range }, b: { file: string; range: Range }): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : compareRanges(a.range, b.range);
}

/** The document a MIM id leads to: the README of a repository, the single page, the *.mim.yaml. */
export function mainDocument(mim: Mim): DocumentModel | undefined {
  const docs = mim.documents;
  return (
    docs.find((d) => basename(d.file).toLowerCase() === 'readme.md' && dirname(d.file) === mim.root) ??
    docs.find((d) => d.role === 'single-page' || d.kind === 'mim-yaml') ??
    docs.find((d) => d.identity.length > 0) ??
    docs[0]
  );
}

/** The first line of the main document of every MIM with this id (several when two claim it). */
export function mimLocations(ws: Workspace, mimId: string): Location[] {
  return (ws.index.byId.get(mimId) ?? []).flatMap((m) => {
    const doc = mainDocument(m);
    return doc ? [{ file: doc.file, range: range(0, 0, 0, 0) }] : [];
  });
}

export function idLocation(e: MimElement): Location {
  return { file: e.file, range: e.idRange };
}

/** The MIM of a file; a file outside any MIM reads as a MIM of its own, so ids still resolve within it. */
export function mimOrDocument(ws: Workspace, doc: DocumentModel): Mim {
  return (
    ws.index.mimOf(doc.file) ?? {
      id: `?${doc.file}`,
      known: false,
      root: doc.file,
      documents: [doc],
      identity: doc.identity,
      capabilities: doc.capabilities,
      requirements: doc.requirements,
      mechanisms: doc.mechanisms,
      guidance: doc.guidance,
      tests: doc.tests,
      references: doc.references,
    }
  );
}

/** The title of a MIM: the workspace's, else the registry's for the file's config. */
export function mimTitle(ws: Workspace, file: string, mimId: string): string | undefined {
  return ws.index.byId.get(mimId)?.find((m) => m.title)?.title ?? ws.registryFor(file).get(mimId)?.title;
}

/** The reference entry a citation tag names in the MIM of the file (or in the file itself). */
export function referenceFor(ws: Workspace, doc: DocumentModel, tag: string): Reference | undefined {
  return mimOrDocument(ws, doc).references.find((r) => r.tag === tag);
}

/**
 * The last element of a list in document order that starts at or before a position: the
 * capability a cursor is in, or the one it follows while typing below it. Binary search,
 * since one file may hold thousands.
 */
export function lastAtOrBefore<T extends { range: { start: Position } }>(
  list: readonly T[],
  pos: Position,
): T | undefined {
  const after = firstNotBefore(list.length, (i) => comparePositions(list[i].range.start, pos) <= 0);
  return after > 0 ? list[after - 1] : undefined;
}

/** The element of a list whose extent holds the position. */
export function elementAt<T extends MimElement>(list: readonly T[], pos: Position): T | undefined {
  const e = lastAtOrBefore(list, pos);
  return e && containsPosition(e.range, pos) ? e : undefined;
}

/** The Y.MIM part a position is in: the last part heading (or YAML key) above it, else the page's file name. */
export function partAt(doc: DocumentModel, pos: Position): PartName | undefined {
  const occ = lastAtOrBefore(doc.parts, pos);
  if (occ) return occ.part;
  return doc.kind === 'markdown' ? partOfFileName(basename(doc.file)) : undefined;
}

/** `MIM0.R1.1` for an element named from another MIM, `R1.1` within its own. */
export function idFrom(element: MimElement, elementMim: string | undefined, readerMim: string | undefined): string {
  return elementMim && elementMim !== readerMim ? globalKey(elementMim, element.id) : element.id;
}

/** What an element says in a word: a requirement's text, else its title. */
export function describe(e: MimElement): string {
  return e.kind === 'requirement' ? e.text || e.title : e.title;
}

/** The local id part of a reference as written: `R1.1` of `MIM0.R1.1`, all of `R1.1`. */
export function localPart(ref: IdRef): { offset: number; text: string } {
  if (!ref.mim || !ref.target) return { offset: 0, text: ref.text };
  const dot = ref.text.indexOf('.');
  return dot < 0 ? { offset: 0, text: ref.text } : { offset: dot + 1, text: ref.text.slice(dot + 1) };
}
