import type { Link } from '../../model/elements.js';
import type { RuleContext } from '../../rules/rule.js';
import { resolveLink, type LinkTarget } from '../../rules/support/link-target.js';
import type { Workspace } from '../../workspace/workspace.js';

/** The file and anchor a link points at, resolved exactly as the link rules resolve it. */
export function linkTarget(ws: Workspace, link: Link): LinkTarget | undefined {
  const ctx: RuleContext = { ...ws.ruleEnvironment(), report: () => undefined };
  return resolveLink(link, link.file, ctx, ctx.repositoryRoot);
}

/** The range of the heading or `<a id>` an anchor names in a page (GitHub matches them case-insensitively). */
export function anchorRange(ws: Workspace, file: string, anchor: string | undefined) {
  if (!anchor) return undefined;
  let id = anchor;
  try {
    id = decodeURIComponent(anchor);
  } catch {
    // keep as written
  }
  const lower = id.toLowerCase();
  return ws.document(file)?.anchors.find((a) => a.id === id || a.id.toLowerCase() === lower)?.range;
}
