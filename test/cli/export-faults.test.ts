import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ROOT } from '../support/paths.js';

/**
 * An export to a disk that is full or read-only: a clear error, exit 2, and never a partial
 * file that looks complete (each file is written under another name, then renamed). The disks
 * are small tmpfs mounts, which need root; elsewhere the test says why it cannot run.
 */
const CLI = join(ROOT, 'dist', 'cli', 'mimspec.js');
const work = mkdtempSync(join(tmpdir(), 'mimspec-export-faults-'));
const mounts: string[] = [];
after(() => {
  for (const m of mounts) spawnSync('umount', [m]);
  rmSync(work, { recursive: true, force: true });
});

function mimspec(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A tmpfs of `size` at a new folder, or why none can be made here. */
function disk(name: string, options: string): string | { skip: string } {
  const dir = join(work, name);
  mkdirSync(dir);
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) return { skip: `cannot mount a tmpfs here: ${(r.stderr || r.error?.message || '').trim()}` };
  mounts.push(dir);
  return dir;
}

const canMount = typeof disk('probe', 'size=16k') === 'string';
const skip = canMount ? false : 'mounting a tmpfs needs root';

describe(
  'export to a disk that refuses it',
  { skip: process.env.CI && process.getuid?.() === 0 ? false : skip },
  () => {
    const reference = join(work, 'reference');
    mimspec(['export', 'examples', '--to', 'html', '-o', reference]);

    it('a full disk: exit 2 naming the error, and every page left there is complete', () => {
      const full = disk('full', 'size=48k');
      assert.equal(typeof full, 'string', JSON.stringify(full));
      const out = full as string;
      const r = mimspec(['export', 'examples', '--to', 'html', '-o', out]);
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.match(r.stderr, /cannot write the export: .*ENOSPC/);
      const left = readdirSync(out);
      assert.ok(left.length < readdirSync(reference).length, 'the disk was too small for every page');
      for (const name of left) {
        assert.match(name, /^MIM\d+\.html$/, 'no temporary file is left');
        assert.equal(readFileSync(join(out, name), 'utf8'), readFileSync(join(reference, name), 'utf8'), name);
      }
    });

    it('a read-only disk: exit 2 naming the error, and nothing written', () => {
      const readOnly = disk('read-only', 'size=1m,ro');
      assert.equal(typeof readOnly, 'string', JSON.stringify(readOnly));
      const r = mimspec(['export', 'examples', '--to', 'html', '-o', readOnly as string]);
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.match(r.stderr, /cannot write the export: .*EROFS/);
      assert.deepEqual(readdirSync(readOnly as string), []);
    });
  },
);
