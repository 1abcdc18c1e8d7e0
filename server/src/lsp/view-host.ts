import type { Mim } from '../model/mim.js';
import { isInside } from '../base/paths.js';
import type { Workspace } from '../workspace/workspace.js';

/** What the view requests read of the server. */
export interface ViewHost {
  workspace(): Workspace;
  /** Resolves once the first scan of the workspace is done. */
  ready(): Promise<void>;
  pathOf(uri: string): string | undefined;
  uriOf(path: string): string;
}

/** The MIM a URI names: the MIM of a file, else the first MIM in a folder. */
export function mimOfUri(host: ViewHost, uri: string): Mim | undefined {
  const path = host.pathOf(uri);
  if (!path) return undefined;
  const ws = host.workspace();
  return ws.index.mimOf(path) ?? ws.mims().find((m) => m.root === path || isInside(m.root, path));
}
