import { existsSync, readdirSync, readFile } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import type { FileStat, FileSystem } from '../workspace/file-system.js';
import { errorCode, isTransient } from '../workspace/io-pool.js';

/** The disk, for the CLI and for files the editor has not opened. */
export class NodeFileSystem implements FileSystem {
  readFile(path: string): Promise<Uint8Array> {
    // The callback form: fs/promises reads a file in several trips to the thread pool, which
    // for a thousand small files costs more than reading them.
    return new Promise((resolve, reject) => readFile(path, (e, data) => (e ? reject(e) : resolve(data))));
  }

  async stat(path: string): Promise<FileStat | undefined> {
    try {
      const s = await stat(path);
      return { isFile: s.isFile(), isDirectory: s.isDirectory(), size: s.size, mtimeMs: s.mtimeMs };
    } catch (e) {
      // Out of file handles is no answer about the path: the caller may try again.
      if (isTransient(e)) throw e;
      return undefined;
    }
  }

  async readDirectory(path: string): Promise<{ name: string; isDirectory: boolean }[]> {
    try {
      const entries = await readdir(path, { withFileTypes: true });
      return entries
        .filter((e) => e.isFile() || e.isDirectory())
        .map((e) => ({ name: e.name, isDirectory: e.isDirectory() }));
    } catch (e) {
      // A folder that is gone is empty; one that the system would not list is not, and its caller must say so.
      const code = errorCode(e);
      if (code === 'ENOENT' || code === 'ENOTDIR') return [];
      throw e;
    }
  }

  existsSync(path: string): boolean {
    return existsSync(path);
  }

  readDirectorySync(path: string): string[] {
    try {
      return readdirSync(path);
    } catch {
      return [];
    }
  }
}
