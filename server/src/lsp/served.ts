import { fileKindOf } from '../workspace/file-kinds.js';
import type { Workspace } from '../workspace/workspace.js';

/**
 * Whether the server speaks about a file. YAML of our kinds always; Markdown only inside a
 * MIM workspace (a page of a MIM, under a mimspec.yaml, or in a repository that holds a MIM),
 * so that other Markdown the editor opens is left alone.
 */
export function isServed(ws: Workspace, file: string): boolean {
  const kind = fileKindOf(file);
  if (!kind) return false;
  if (kind !== 'markdown') return true;
  if (ws.index.mimOf(file)) return true;
  if (ws.configFor(file).file) return true;
  const repo = ws.repositoryRoot(file);
  return ws.index.mims.some((m) => m.root.startsWith(repo));
}

/**
 * Whether the server speaks about a file, answered before the workspace is scanned, and only
 * when the answer cannot change: Markdown under a mimspec.yaml, or one that is a MIM by itself.
 * Undefined answers (a page whose MIM is not read yet) are false: the full scan decides.
 */
export async function isServedAlone(ws: Workspace, file: string): Promise<boolean> {
  const kind = fileKindOf(file);
  if (!kind || ws.isExcluded(file)) return false;
  if (kind !== 'markdown') return true;
  if (ws.configFor(file).file) return true;
  const doc = ws.document(file);
  return doc !== undefined && (await ws.formsMimAlone(doc));
}
