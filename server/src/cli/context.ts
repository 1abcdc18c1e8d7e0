import { existsSync, statSync } from 'node:fs';
import { dirname, isInside } from '../base/paths.js';

const MARKERS = ['mimspec.yaml', '.mimspec.yaml', '.git'];

/**
 * The folder to read around a file named on the command line, so that one page is checked
 * in the context of its MIM (its other pages, its config) exactly as the editor sees it: the
 * nearest folder above with a mimspec.yaml or .git, else with a SUMMARY.md, else its own.
 */
export function contextFolder(file: string): string {
  let book: string | undefined;
  for (let d = dirname(file); ; d = dirname(d)) {
    if (MARKERS.some((m) => existsSync(`${d}/${m}`))) return d;
    if (!book && existsSync(`${d}/SUMMARY.md`)) book = d;
    if (d === '/') return book ?? dirname(file);
  }
}

/** Folders to scan for the paths given: folders as they are, files with their context. */
export function scanRoots(paths: readonly string[]): string[] {
  const roots = paths.map((p) => (statSync(p).isFile() ? contextFolder(p) : p));
  // A root inside another is read with it.
  return [...new Set(roots)].filter((r, _, all) => !all.some((o) => o !== r && isInside(r, o)));
}

/** Whether a file is one the user asked about: one of the paths, or inside one of them. */
export function requested(paths: readonly string[]): (file: string) => boolean {
  return (file) => paths.some((p) => isInside(file, p));
}
