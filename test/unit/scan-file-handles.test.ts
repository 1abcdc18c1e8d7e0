import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FileSystem } from '../../server/src/workspace/file-system.js';
import { IoPool } from '../../server/src/workspace/io-pool.js';
import { Workspace } from '../../server/src/workspace/workspace.js';
import { MemoryFileSystem } from '../support/memory-fs.js';

const refused = (code: string) => Object.assign(new Error(`${code}: too many open files`), { code });

/**
 * The disk as a process with few file handles sees it: past `handles` operations in flight,
 * each fails with EMFILE; `broken` paths fail for good with EIO.
 */
class FewHandles implements FileSystem {
  inFlight = 0;
  peak = 0;
  refusals = 0;
  constructor(
    private readonly inner: MemoryFileSystem,
    private readonly handles: number,
    private readonly broken: ReadonlySet<string> = new Set(),
  ) {}
  private async hold<T>(path: string, op: () => Promise<T>): Promise<T> {
    if (this.inFlight >= this.handles) {
      this.refusals++;
      throw refused('EMFILE');
    }
    this.inFlight++;
    this.peak = Math.max(this.peak, this.inFlight);
    try {
      await new Promise((r) => setTimeout(r, 1));
      if (this.broken.has(path)) throw refused('EIO');
      return await op();
    } finally {
      this.inFlight--;
    }
  }
  readFile(path: string) {
    return this.hold(path, () => this.inner.readFile(path));
  }
  stat(path: string) {
    return this.hold(path, () => this.inner.stat(path));
  }
  readDirectory(path: string) {
    return this.hold(path, () => this.inner.readDirectory(path));
  }
  existsSync(path: string) {
    return this.inner.existsSync(path);
  }
}

/** `n` pages in ten folders, each with one broken link. */
function pages(n: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++) files[`/ws/d${i % 10}/page${i}.md`] = `# Page ${i}\n\nSee [nothing](missing-${i}.md).\n`;
  return files;
}

const brokenLinks = (ws: Workspace) =>
  [...ws.check().values()].flat().filter((f) => f.code === 'link/broken-file').length;

describe('a scan with few file handles', () => {
  it('reads every file when the system refuses some reads for a while (EMFILE)', async () => {
    const fs = new FewHandles(new MemoryFileSystem(pages(400)), 20);
    const ws = new Workspace(fs, { roots: ['/ws'], incremental: false });
    await ws.scan();
    assert.equal(ws.documents.size, 400);
    assert.equal(brokenLinks(ws), 400);
    assert.equal(ws.unreadable().size, 0);
    assert.ok(fs.peak <= 32, `at most 32 reads in flight, saw ${fs.peak}`);
  });

  it('reports a file the system will not read as file/unreadable, and the check as incomplete', async () => {
    const broken = '/ws/d3/page3.md';
    const fs = new FewHandles(new MemoryFileSystem(pages(30)), 100, new Set([broken]));
    const ws = new Workspace(fs, { roots: ['/ws'], incremental: false });
    await ws.scan();
    const f = ws
      .check()
      .get(broken)
      ?.find((x) => x.code === 'file/unreadable');
    assert.match(f?.message ?? '', /could not be read \(EIO/);
    assert.deepEqual([...ws.unreadable().keys()], [broken]);
    assert.equal(brokenLinks(ws), 29);
  });

  it('reports a folder it cannot list', async () => {
    const fs = new FewHandles(new MemoryFileSystem(pages(30)), 100, new Set(['/ws/d4']));
    const ws = new Workspace(fs, { roots: ['/ws'], incremental: false });
    await ws.scan();
    assert.deepEqual([...ws.unreadable().keys()], ['/ws/d4']);
  });

  it('gives up on a refusal that lasts, with the error', async () => {
    const pool = new IoPool(2, [1, 1], () => Promise.resolve());
    let tries = 0;
    await assert.rejects(
      pool.run(() => {
        tries++;
        return Promise.reject(refused('EMFILE'));
      }),
      /EMFILE/,
    );
    assert.equal(tries, 3);
  });
});
