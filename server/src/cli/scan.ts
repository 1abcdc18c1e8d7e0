import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { normalizePath } from '../base/paths.js';
import { NodeFileSystem } from '../node/file-system.js';
import { NodeYamlEvents } from '../node/yaml-events.js';
import { Workspace } from '../workspace/workspace.js';
import { requested, scanRoots } from './context.js';

export interface Scanned {
  ws: Workspace;
  /** Whether a file is one the user asked about (the others are read as its context). */
  wanted: (file: string) => boolean;
  /** A file as the output names it: relative to the current folder. */
  rel: (file: string) => string;
}

/**
 * Reads the paths of a command (files with their context, folders as they are) into a
 * workspace checked once; undefined, after saying why on `err`, when a path or the config
 * file cannot be read.
 */
export async function scanPaths(
  paths: readonly string[],
  configFile: string | undefined,
  err: (s: string) => void,
  /** Called with the workspace before it reads anything (a progress line watches it). */
  onWorkspace?: (ws: Workspace) => void,
): Promise<Scanned | undefined> {
  const cwd = process.cwd();
  const roots = paths.map((p) => normalizePath(resolve(cwd, p)));
  const fs = new NodeFileSystem();
  for (const root of roots) {
    if (!(await fs.stat(root))) {
      err(`mimspec: no such file or folder: ${relative(cwd, root) || root}\n`);
      return undefined;
    }
  }
  let config: { file: string; text: string } | undefined;
  if (configFile) {
    const file = resolve(cwd, configFile);
    try {
      config = { file, text: readFileSync(file, 'utf8') };
    } catch {
      err(`mimspec: cannot read the config file ${configFile}\n`);
      return undefined;
    }
  }
  // The bundle's worker script sits beside it (esbuild.mjs); where it is missing, the YAML is read here.
  // Its thread starts once the walk finds a *.mim.yaml (see DiskReader.scan).
  const yamlEvents = new NodeYamlEvents(join(__dirname, 'yaml-events-worker.js'));
  const ws = new Workspace(fs, { roots: scanRoots(roots), config, yamlEvents, incremental: false });
  onWorkspace?.(ws);
  try {
    await ws.scan();
  } finally {
    yamlEvents.close();
  }
  const rel = (file: string) => relative(cwd, file).split('\\').join('/') || file;
  return { ws, wanted: requested(roots), rel };
}
