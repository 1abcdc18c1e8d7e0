import type { Citation, IdRef, Link, MimElement, Reference } from '../model/elements.js';
import { globalKey } from '../model/ids.js';
import type { Mim } from '../model/mim.js';
import { containsPosition, type Position, type Range } from '../model/range.js';
import type { ResolvedRef } from '../query/index-view.js';
import type { Workspace } from '../workspace/workspace.js';
import { referenceFor } from './support/places.js';
import { yamlContext, type YamlPath } from './support/yaml-context.js';

/** What stands at a position of a document; every navigation feature starts here. */
export type Located =
  /** The id that defines an element (`R1.1` of its list item, `id: M1` in YAML). */
  | { kind: 'element'; range: Range; element: MimElement; mim?: Mim; key?: string }
  /** A reference to an element, local (`R1.1`) or global (`MIM0.R1.1`, `MIM3.C5.R0`). */
  | { kind: 'ref'; range: Range; ref: IdRef; resolved: ResolvedRef }
  /** A MIM id: a reference to a whole MIM (`see MIM2`), or the `mim:` a file claims. */
  | { kind: 'mim'; range: Range; mimId: string; ref?: IdRef }
  | { kind: 'citation'; range: Range; citation: Citation; reference?: Reference }
  /** The tag of an entry of `references`. */
  | { kind: 'reference'; range: Range; reference: Reference }
  | { kind: 'link'; range: Range; link: Link }
  /** A key of a YAML document, with the path of keys to it. */
  | { kind: 'yaml-key'; range: Range; key: string; path: YamlPath };

const at = (pos: Position) => (x: { range: Range }) => containsPosition(x.range, pos);

export function locate(ws: Workspace, file: string, pos: Position): Located | undefined {
  const doc = ws.document(file);
  if (!doc) return undefined;
  const index = ws.index;
  const mim = index.mimOf(doc.file);

  const lists: MimElement[][] = [doc.capabilities, doc.requirements, doc.mechanisms, doc.guidance, doc.tests];
  for (const list of lists) {
    const element = list.find((e) => containsPosition(e.idRange, pos));
    if (element)
      return {
        kind: 'element',
        range: element.idRange,
        element,
        mim,
        key: mim && element.id ? globalKey(mim.id, element.id) : undefined,
      };
  }
  const ref = doc.refs.find(at(pos));
  if (ref) {
    if (ref.mim && !ref.target) return { kind: 'mim', range: ref.range, mimId: ref.mim, ref };
    return { kind: 'ref', range: ref.range, ref, resolved: index.resolve(ref, mim) };
  }
  const citation = doc.citations.find(at(pos));
  if (citation)
    return { kind: 'citation', range: citation.range, citation, reference: referenceFor(ws, doc, citation.tag) };
  const reference = doc.references.find((r) => containsPosition(r.tagRange, pos));
  if (reference) return { kind: 'reference', range: reference.tagRange, reference };
  const claim = doc.identity.find((c) => c.source !== 'h1' && containsPosition(c.range, pos));
  if (claim) return { kind: 'mim', range: claim.range, mimId: claim.mim };
  const link = doc.links.find(at(pos));
  if (link) return { kind: 'link', range: link.range, link };
  if (doc.kind !== 'markdown') {
    const y = yamlContext(doc, pos);
    if (y?.at === 'key' && y.keyRange)
      return { kind: 'yaml-key', range: y.keyRange, key: String(y.path[y.path.length - 1]), path: y.path };
  }
  return undefined;
}
