import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Workspace } from '../../server/src/workspace/workspace.js';
import { MemoryFileSystem } from '../support/memory-fs.js';

/**
 * A server's scan pauses where its host asks (`WorkspaceOptions.breathe`), so that a document
 * opened meanwhile is answered. Before the first document is read, the scan sorts out and asks
 * for thousands of files at once: it pauses there too, not only between two parses.
 */
describe('the pauses of a scan', () => {
  it('come while the files are sorted out and asked for, before the first is read', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) files[`/ws/m${i}/page.md`] = `# Page ${i}\n`;
    let beforeFirst = 0;
    let after = 0;
    const ws: Workspace = new Workspace(new MemoryFileSystem(files), {
      roots: ['/ws'],
      // A host that wants a turn at every chance it is given.
      breathe: () => {
        if (ws.documents.size === 0) beforeFirst++;
        else after++;
        return new Promise<void>((resolve) => setImmediate(resolve));
      },
    });
    await ws.scan();
    assert.equal(ws.documents.size, 300);
    // One chance a file while they are sorted out by the globs, one while their reads are asked for.
    assert.ok(beforeFirst >= 600, `${beforeFirst} pauses before the first document`);
    assert.ok(after >= 300, `${after} pauses between the documents`);
  });
});
