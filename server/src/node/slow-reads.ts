import type { FileSystem } from '../workspace/file-system.js';
import { NodeFileSystem } from './file-system.js';

/**
 * The disk the language server reads, with one seam for its protocol tests:
 * `MIMSPEC_TEST_SLOW_READS=<file name>:<ms>` (read by the server's entry, lsp/main.ts, and by
 * nothing else) makes every read of a file of that name come back <ms> after the disk gave its
 * bytes. A test can then delete, close or reopen the file while a read of it is under way, as
 * a slow disk or a busy thread pool lets happen (test/lsp/stale-reads.test.ts).
 */
export function serverFileSystem(slowReads: string | undefined): FileSystem {
  const seam = /^(.+):(\d+)$/.exec(slowReads ?? '');
  return seam ? new SlowReads(seam[1], Number(seam[2])) : new NodeFileSystem();
}

class SlowReads extends NodeFileSystem {
  constructor(
    private readonly name: string,
    private readonly ms: number,
  ) {
    super();
  }

  override async readFile(path: string): Promise<Uint8Array> {
    const bytes = await super.readFile(path);
    if (path.slice(path.lastIndexOf('/') + 1) === this.name) await new Promise((r) => setTimeout(r, this.ms));
    return bytes;
  }
}
