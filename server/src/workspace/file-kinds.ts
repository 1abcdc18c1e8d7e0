import type { FileKind } from '../model/document.js';
import { CONFIG_FILE_NAMES } from '../config/project-config.js';

export type WorkspaceFileKind = FileKind | 'config';

/** Which syntax a file is, by its name alone (mim-format §3, §8); undefined: not ours. */
export function fileKindOf(path: string): WorkspaceFileKind | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const lower = name.toLowerCase();
  if ((CONFIG_FILE_NAMES as readonly string[]).includes(name)) return 'config';
  if (lower.endsWith('.mim.yaml')) return 'mim-yaml';
  if (lower.endsWith('.mim.yml') || lower === 'publiccode.yml' || lower === 'publiccode.yaml') return 'resource';
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'markdown';
  return undefined;
}

/** Folders never scanned: dependencies, and hidden folders (`.git`, GitBook's `.gitbook/assets`). */
export function isSkippedFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}
