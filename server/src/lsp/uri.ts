import { fileURLToPath, pathToFileURL } from 'node:url';
import { normalizePath } from '../base/paths.js';

/** Engine paths are absolute and '/'-separated; the protocol speaks file:// URIs. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return normalizePath(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}
