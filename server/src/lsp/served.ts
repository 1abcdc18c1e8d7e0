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
