import { dirname, isInside, joinPath } from '../base/paths.js';
import type { DocumentModel } from '../model/document.js';
import type { Anchor, Link } from '../model/elements.js';
import type { Range } from '../model/range.js';

// Links resolved as a browser would, for the link rules and for the editor's answers alike.

/** What a relative link points at: a path (folder links mean their README.md) and an anchor. */
export interface LinkTarget {
  path?: string;
  anchor?: string;
  /** Set when the path leaves the repository of the page: nothing there is looked at (link/outside-repository). */
  outside?: true;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export function isExternal(target: string): boolean {
  return SCHEME.test(target) || target.startsWith('//');
}

/** Web addresses written without a scheme: `www.example.org`, `example.com/page`. */
export function looksLikeWebAddress(target: string): boolean {
  return (
    /^www\.[^\s/]+\.[a-z]{2,}/i.test(target) ||
    /^[a-z0-9-]+(\.[a-z0-9-]+)*\.(org|com|net|eu|io|int|gov|edu|info)(\/|$)/i.test(target)
  );
}

/** What resolving a link reads of the workspace: a rule context, or the workspace itself. */
export interface LinkPlaces {
  /** Whether a file or folder exists, in the workspace or on disk. */
  exists(path: string): boolean;
  /** The folder a link starting with `/` is relative to (mim-format §4). */
  repositoryRoot(file: string): string;
}

/** Resolves a link written in `from`; undefined for external links and mail addresses. */
export function resolveLink(link: Link, from: string, places: LinkPlaces): LinkTarget | undefined {
  const target = link.target.trim();
  if (target === '' || isExternal(target) || looksLikeWebAddress(target)) return undefined;
  const hash = target.indexOf('#');
  const rawPath = hash >= 0 ? target.slice(0, hash) : target;
  const anchor = hash >= 0 ? target.slice(hash + 1) : undefined;
  let decoded = rawPath.split('?')[0];
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // a stray % stays as written
  }
  if (decoded === '') return { path: from, anchor };
  const root = places.repositoryRoot(from);
  let path = decoded.startsWith('/') ? joinPath(root, decoded.slice(1)) : joinPath(dirname(from), decoded);
  // `../../../../etc/passwd`: not even asked whether it exists.
  if (!isInside(path, root)) return { path, anchor, outside: true };
  if (decoded.endsWith('/') || (!/\.[A-Za-z0-9]+$/.test(path) && places.exists(`${path}/README.md`)))
    path = `${path}/README.md`;
  return { path, anchor };
}

/** An anchor as the browser reads it: percent-decoded (a stray % stays as written). */
export function decodeAnchor(anchor: string): string {
  try {
    return decodeURIComponent(anchor);
  } catch {
    return anchor;
  }
}

/** The heading or `<a id>` an anchor names; GitHub and GitBook match them case-insensitively. */
export function findAnchor(anchors: readonly Anchor[], decoded: string): Anchor | undefined {
  const lower = decoded.toLowerCase();
  return anchors.find((a) => a.id === decoded || a.id.toLowerCase() === lower);
}

/** The range of the heading or `<a id>` an anchor names in a page. */
export function anchorRange(doc: DocumentModel | undefined, anchor: string | undefined): Range | undefined {
  return anchor && doc ? findAnchor(doc.anchors, decodeAnchor(anchor))?.range : undefined;
}
