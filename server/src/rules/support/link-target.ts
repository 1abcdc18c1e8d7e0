import type { Link } from '../../model/elements.js';
import { joinPath, dirname } from '../../workspace/paths.js';
import type { RuleContext } from '../rule.js';

/** What a relative link points at: a path (folder links mean their README.md) and an anchor. */
export interface LinkTarget {
  path?: string;
  anchor?: string;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export function isExternal(target: string): boolean {
  return SCHEME.test(target) || target.startsWith('//');
}

/** Web addresses written without a scheme: `www.example.org`, `example.com/page`. */
export function looksLikeWebAddress(target: string): boolean {
  return /^www\.[^\s/]+\.[a-z]{2,}/i.test(target) || /^[a-z0-9-]+(\.[a-z0-9-]+)*\.(org|com|net|eu|io|int|gov|edu|info)(\/|$)/i.test(target);
}

/** Resolves a link written in `from`; undefined for external links and mail addresses. */
export function resolveLink(link: Link, from: string, ctx: RuleContext, repositoryRoot: (file: string) => string): LinkTarget | undefined {
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
  let path = decoded.startsWith('/') ? joinPath(repositoryRoot(from), decoded.slice(1)) : joinPath(dirname(from), decoded);
  if (decoded.endsWith('/') || (!/\.[A-Za-z0-9]+$/.test(path) && ctx.exists(`${path}/README.md`))) path = `${path}/README.md`;
  return { path, anchor };
}
