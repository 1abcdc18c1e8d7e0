import type { Range } from '../model/range.js';
import { dirname, relativePath } from '../base/paths.js';
import type { Workspace } from '../workspace/workspace.js';
import { anchorRange, resolveLink } from '../query/links.js';
import { mainDocument, referenceFor } from './support/places.js';

export interface DocumentLink {
  range: Range;
  /** A file of the workspace (with the line of the anchor or element it leads to), or an address. */
  target: { file: string; line?: number } | { url: string };
  tooltip?: string;
}

/**
 * Clickable places of a document: relative links to the file (and heading) they resolve to,
 * citations to their reference's address, and MIM ids (`MIM0`, `MIM0.R1.2`) to the MIM's
 * main document or the element, else to the registry's address. Web links are left to the editor.
 */
export function documentLinks(ws: Workspace, file: string): DocumentLink[] {
  const doc = ws.document(file);
  if (!doc) return [];
  const out: DocumentLink[] = [];
  for (const link of doc.links) {
    const t = resolveLink(link, link.file, ws);
    if (!t?.path || t.outside || !ws.exists(t.path) || link.form === 'reference') continue;
    const line = anchorRange(ws.document(t.path), t.anchor)?.start.line;
    out.push({
      range: link.targetRange,
      target: line === undefined ? { file: t.path } : { file: t.path, line },
      tooltip: `Open ${relativePath(dirname(doc.file), t.path)}`,
    });
  }
  for (const c of doc.citations) {
    const ref = referenceFor(ws, doc, c.tag);
    if (ref?.url) out.push({ range: c.range, target: { url: ref.url }, tooltip: ref.title ?? ref.tag });
  }
  for (const ref of doc.refs) {
    if (!ref.mim) continue;
    const element = ref.target ? ws.index.lookup(`${ref.mim}.${ref.target.id}`)[0] : undefined;
    const main = ws.index.byId
      .get(ref.mim)
      ?.map(mainDocument)
      .find((d) => d !== undefined);
    const url = ws.registryFor(doc.file).get(ref.mim)?.url;
    if (element)
      out.push({
        range: ref.range,
        target: { file: element.file, line: element.idRange.start.line },
        tooltip: `${ref.mim}.${element.id} ${element.title}`.trim(),
      });
    else if (main) out.push({ range: ref.range, target: { file: main.file }, tooltip: `Open ${ref.mim}` });
    else if (url) out.push({ range: ref.range, target: { url }, tooltip: `${ref.mim} in the registry` });
  }
  return out;
}
