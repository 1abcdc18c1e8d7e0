import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isInside } from '../../server/src/base/paths.js';
import { definition } from '../../server/src/features/definition.js';
import { documentLinks } from '../../server/src/features/document-links.js';
import { Workspace } from '../../server/src/workspace/workspace.js';
import { MemoryFileSystem } from '../support/memory-fs.js';

/** The in-memory disk, writing down every path the engine stats, lists, reads or asks about. */
class RecordingFileSystem extends MemoryFileSystem {
  readonly touched: string[] = [];
  override readFile(path: string) {
    this.touched.push(path);
    return super.readFile(path);
  }
  override stat(path: string) {
    this.touched.push(path);
    return super.stat(path);
  }
  override readDirectory(path: string) {
    this.touched.push(path);
    return super.readDirectory(path);
  }
  override existsSync(path: string) {
    this.touched.push(path);
    return super.existsSync(path);
  }
}

const PAGE = [
  '# Links',
  '',
  'See [passwd](../../../../../../etc/passwd), [a pipe](../../pipe.md), [a folder](../../other)',
  'and [from the root](/../secret.md#top), [encoded](..%2F..%2Fsecret.md), [fine](objective.md).',
  '',
].join('\n');

describe('links out of the repository', () => {
  it('are link/outside-repository findings, and nothing outside the roots is touched', async () => {
    const fs = new RecordingFileSystem({
      '/ws/repo/mimspec.yaml': 'numbering: oasc-2025\n',
      '/ws/repo/docs/README.md': PAGE,
      '/ws/repo/docs/objective.md': '# Objective\n',
      '/ws/secret.md': '# top\n',
      '/ws/pipe.md': '# pipe\n',
      '/ws/other/README.md': '# other\n',
      '/etc/passwd': 'root:x:0:0\n',
    });
    const ws = new Workspace(fs, { roots: ['/ws/repo'] });
    await ws.scan();
    const findings = ws.check().get('/ws/repo/docs/README.md') ?? [];
    assert.deepEqual(
      findings.map((f) => f.code),
      Array(5).fill('link/outside-repository'),
    );
    // What the editor asks of the same page: its links and where they go.
    documentLinks(ws, '/ws/repo/docs/README.md');
    for (let character = 0; character < 90; character += 3)
      definition(ws, '/ws/repo/docs/README.md', { line: 2, character });
    const outside = fs.touched.filter((p) => !isInside(p, '/ws/repo'));
    assert.deepEqual(outside, []);
    assert.ok(fs.touched.length > 0, 'the seam sees the engine');
  });

  it('are what the repository root says, not the workspace root: a mimspec.yaml below it bounds its pages', async () => {
    const fs = new RecordingFileSystem({
      '/ws/a/mimspec.yaml': 'numbering: oasc-2025\n',
      '/ws/a/README.md': '# A\n\n[b](../b/README.md)\n',
      '/ws/b/mimspec.yaml': 'numbering: oasc-2025\n',
      '/ws/b/README.md': '# B\n',
    });
    const ws = new Workspace(fs, { roots: ['/ws'] });
    await ws.scan();
    assert.deepEqual(
      (ws.check().get('/ws/a/README.md') ?? []).map((f) => f.code),
      ['link/outside-repository'],
    );
  });
});
