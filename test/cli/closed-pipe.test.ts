import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../support/paths.js';

const CLI = join(ROOT, 'dist', 'cli', 'mimspec.js');
const EXAMPLES = join(ROOT, 'examples');

/** Runs the CLI with a stdout whose reader has gone before anything is written (`mimspec ... | true`). */
function withReaderGone(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('the reader of the output goes away', () => {
  for (const args of [
    ['check', EXAMPLES],
    ['check', EXAMPLES, '--format', 'json'],
    ['model', EXAMPLES],
    ['matrix', EXAMPLES, '--format', 'csv'],
    ['rules'],
  ]) {
    it(`mimspec ${args[0]} ${args.slice(2).join(' ')}: ends quietly with its own exit code`, async () => {
      const expected = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' }).status;
      const r = await withReaderGone(args);
      assert.equal(r.stderr, '');
      assert.equal(r.code, expected);
    });
  }

  it(
    'a failed write that is not a closed pipe is said, and the command exits 2',
    { skip: !existsSync('/dev/full') },
    () => {
      const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" check "${EXAMPLES}" > /dev/full`], {
        encoding: 'utf8',
      });
      assert.equal(r.status, 2);
      assert.match(r.stderr, /^mimspec: cannot write to stdout: ENOSPC/);
      assert.equal(r.stderr.split('\n').filter(Boolean).length, 1);
    },
  );
});
