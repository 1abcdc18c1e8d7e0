import type { Link } from '../../model/elements.js';
import { decodeAnchor, findAnchor, resolveLink, type LinkTarget } from '../../rules/support/link-target.js';
import type { Workspace } from '../../workspace/workspace.js';

/** The file and anchor a link points at, resolved exactly as the link rules resolve it. */
export function linkTarget(ws: Workspace, link: Link): LinkTarget | undefined {
  return resolveLink(link, link.file, ws);
}

/** The range of the heading or `<a id>` an anchor names in a page. */
export function anchorRange(ws: Workspace, file: string, anchor: string | undefined) {
  if (!anchor) return undefined;
  const doc = ws.document(file);
  return doc && findAnchor(doc.anchors, decodeAnchor(anchor))?.range;
}
