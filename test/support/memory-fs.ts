import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FileStat, FileSystem } from '../../server/src/workspace/file-system.js';
import { Workspace } from '../../server/src/workspace/workspace.js';

/** A FileSystem over a Record<absolute path, text or bytes>: folders are implied by the paths of their files. */
export class MemoryFileSystem implements FileSystem {
  private readonly files = new Map<string, string | Uint8Array>();
  private readonly folders = new Set<string>(['/']);

  constructor(files: Record<string, string | Uint8Array>) {
    for (const [path, text] of Object.entries(files)) {
      this.files.set(path, text);
      for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) this.folders.add(path.slice(0, i));
    }
  }

  async readFile(path: string): Promise<Uint8Array> {
    const text = this.files.get(path);
    if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    return typeof text === 'string' ? new TextEncoder().encode(text) : text;
  }

  async stat(path: string): Promise<FileStat | undefined> {
    const text = this.files.get(path);
    if (text !== undefined) return { isFile: true, isDirectory: false, size: text.length, mtimeMs: 0 };
    return this.folders.has(path) ? { isFile: false, isDirectory: true, size: 0, mtimeMs: 0 } : undefined;
  }

  async readDirectory(path: string): Promise<{ name: string; isDirectory: boolean }[]> {
    const prefix = path === '/' ? '/' : `${path}/`;
    const names = new Map<string, boolean>();
    for (const p of [...this.files.keys(), ...this.folders]) {
      if (!p.startsWith(prefix) || p === path) continue;
      const rest = p.slice(prefix.length);
      const slash = rest.indexOf('/');
      const name = slash < 0 ? rest : rest.slice(0, slash);
      names.set(name, (names.get(name) ?? false) || slash >= 0 || this.folders.has(prefix + name));
    }
    return [...names].map(([name, isDirectory]) => ({ name, isDirectory }));
  }

  existsSync(path: string): boolean {
    return this.files.has(path) || this.folders.has(path);
  }
}

/** A scanned workspace over in-memory files, rooted at `root`. */
export async function memoryWorkspace(files: Record<string, string | Uint8Array>, root = '/ws'): Promise<Workspace> {
  const ws = new Workspace(new MemoryFileSystem(files), { roots: [root] });
  await ws.scan();
  return ws;
}

/** The files of a fixture folder on disk, keyed by their path under `mount` (e.g. `/ws/docs/README.md`). */
export function readFixtureTree(dir: string, mount = '/ws'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) Object.assign(out, readFixtureTree(path, `${mount}/${name}`));
    else out[`${mount}/${name}`] = readFileSync(path, 'utf8');
  }
  return out;
}
