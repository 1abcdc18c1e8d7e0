import { firstNotBefore } from './search.js';

/** Paths inside the engine are absolute and '/'-separated on every platform. */
export function normalizePath(path: string): string {
  let p = path.replace(/\\/g, '/');
  if (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  return p;
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function joinPath(dir: string, rel: string): string {
  const parts = (rel.startsWith('/') ? rel : `${dir}/${rel}`).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

export function isInside(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir.endsWith('/') ? dir : `${dir}/`);
}

export function relativePath(from: string, to: string): string {
  const a = from.split('/').filter(Boolean);
  const b = to.split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/') || '.';
}

/** Puts a path into a sorted list of paths, in its place. */
export function insertPath(sorted: string[], path: string): void {
  sorted.splice(
    firstNotBefore(sorted.length, (i) => sorted[i] < path),
    0,
    path,
  );
}

/** The paths under a folder, from a sorted list of paths: a binary search, then the run that follows. */
export function pathsUnder(sorted: readonly string[], dir: string): string[] {
  const prefix = dir.endsWith('/') ? dir : `${dir}/`;
  const out: string[] = [];
  for (
    let i = firstNotBefore(sorted.length, (k) => sorted[k] < prefix);
    i < sorted.length && sorted[i].startsWith(prefix);
    i++
  )
    out.push(sorted[i]);
  return out;
}
