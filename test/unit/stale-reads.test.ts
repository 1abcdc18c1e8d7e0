import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Workspace } from '../../server/src/workspace/workspace.js';
import { MemoryFileSystem } from '../support/memory-fs.js';

/** A disk whose reads of one file wait until the test lets them finish, with the text the file had when they started. */
class HeldReads extends MemoryFileSystem {
  readonly held: (() => void)[] = [];
  hold = false;
  override async readFile(path: string): Promise<Uint8Array> {
    const bytes = await super.readFile(path);
    if (this.hold) await new Promise<void>((resolve) => this.held.push(resolve));
    return bytes;
  }
}

/** Until `n` reads are held: they have read the file's bytes, and wait. */
async function reading(fs: HeldReads, n = 1): Promise<void> {
  while (fs.held.length < n) await new Promise((r) => setImmediate(r));
}

const FILES = { '/ws/docs/README.md': '# Objective\n', '/ws/docs/page.md': '# Page\n\n[x](missing.md)\n' };

async function workspace(): Promise<{ fs: HeldReads; ws: Workspace }> {
  const fs = new HeldReads(FILES);
  const ws = new Workspace(fs, { roots: ['/ws'] });
  await ws.scan();
  fs.hold = true;
  return { fs, ws };
}

describe('a read that ends after the file was deleted or set', () => {
  it('does not bring back a file removed while it was being read (a change, then a delete)', async () => {
    const { fs, ws } = await workspace();
    const loading = ws.loadFile('/ws/docs/page.md');
    await reading(fs);
    ws.removeDocument('/ws/docs/page.md');
    fs.held.forEach((go) => go());
    await loading;
    assert.equal(ws.document('/ws/docs/page.md'), undefined);
    assert.equal(ws.check().get('/ws/docs/page.md'), undefined);
  });

  it('does not replace the text an editor set meanwhile (a close, then a reopen)', async () => {
    const { fs, ws } = await workspace();
    const loading = ws.loadFile('/ws/docs/page.md');
    await reading(fs);
    ws.setDocument('/ws/docs/page.md', '# Page\n\nEdited.\n', 'editor:2');
    fs.held.forEach((go) => go());
    await loading;
    assert.equal(ws.document('/ws/docs/page.md')?.version, 'editor:2');
  });

  it('lets the last of two reads of a file win', async () => {
    const { fs, ws } = await workspace();
    const first = ws.loadFile('/ws/docs/page.md');
    const second = ws.loadFile('/ws/docs/page.md');
    await reading(fs, 2);
    fs.held.forEach((go) => go());
    await Promise.all([first, second]);
    assert.ok(ws.document('/ws/docs/page.md'));
  });

  it('does not bring back a file removed while the scan was reading it', async () => {
    const fs = new HeldReads(FILES);
    fs.hold = true;
    const ws = new Workspace(fs, { roots: ['/ws'] });
    const scanning = ws.scan();
    await reading(fs, 2);
    ws.removeDocument('/ws/docs/page.md');
    fs.held.forEach((go) => go());
    await scanning;
    assert.equal(ws.document('/ws/docs/page.md'), undefined);
    assert.ok(ws.document('/ws/docs/README.md'));
  });

  it('does not replace the text an editor set while the scan was reading the file', async () => {
    const fs = new HeldReads(FILES);
    fs.hold = true;
    const ws = new Workspace(fs, { roots: ['/ws'] });
    const scanning = ws.scan();
    await reading(fs, 2);
    ws.setDocument('/ws/docs/page.md', '# Page\n\nEdited.\n', 'editor:1');
    fs.held.forEach((go) => go());
    await scanning;
    assert.equal(ws.document('/ws/docs/page.md')?.version, 'editor:1');
    assert.equal(ws.document('/ws/docs/README.md')?.version, 'disk');
  });
});
