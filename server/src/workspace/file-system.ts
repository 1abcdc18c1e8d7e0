/**
 * The engine's only window on files. The CLI hands it the disk, the language server the
 * disk overlaid with open documents, and tests an in-memory tree.
 */
export interface FileStat {
  isFile: boolean;
  isDirectory: boolean;
  size: number;
  mtimeMs: number;
}

export interface FileSystem {
  /** Raw bytes, so the engine can tell binary and invalid UTF-8 apart from text; throws with the system's `code` (ENOENT, EMFILE...). */
  readFile(path: string): Promise<Uint8Array>;
  stat(path: string): Promise<FileStat | undefined>;
  /** Names of the entries of a folder; empty when it does not exist; throws when it exists but cannot be listed. */
  readDirectory(path: string): Promise<{ name: string; isDirectory: boolean }[]>;
  /** Synchronous existence check, for link resolution during rule runs. */
  existsSync?(path: string): boolean;
  /**
   * Names of a folder's entries, read at once: for the answers to an editor that must not
   * wait behind the thousands of reads a scan has asked for. Empty when it does not exist.
   */
  readDirectorySync?(path: string): string[];
}
