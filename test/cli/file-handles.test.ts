import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ROOT } from '../support/paths.js';

const CLI = join(ROOT, 'dist', 'cli', 'mimspec.js');

describe('mimspec check under a low limit of open files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mimspec-handles-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('checks all 2,000 pages under ulimit -n 256, and reports each broken link', () => {
    for (let i = 0; i < 2000; i++)
      writeFileSync(join(dir, `page${i}.md`), `# Page ${i}\n\nSee [x](missing-${i}.md).\n`);
    const r = spawnSync(
      'bash',
      ['-c', 'ulimit -n 256 && exec "$0" "$1" check "$2" --format json', process.execPath, CLI, dir],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    assert.equal(r.status, 1, r.stderr);
    const out = JSON.parse(r.stdout) as { files: number; diagnostics: { code: string }[] };
    assert.equal(out.files, 2000);
    assert.equal(out.diagnostics.filter((d) => d.code === 'link/broken-file').length, 2000);
    assert.equal(r.stderr, '');
  });
});
