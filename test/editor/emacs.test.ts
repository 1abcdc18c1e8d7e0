import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fixture, ROOT } from '../support/paths.js';
import { SERVER } from '../support/lsp-client.js';

/**
 * A second real editor: Emacs 28 with eglot (Debian's emacs-nox and elpa-eglot), in batch
 * mode, attaches the bundled server to a fixture workspace and checks diagnostics, definition
 * and hover (test/editor/check.el).
 */
const emacs = spawnSync(
  'emacs',
  ['--batch', '-q', '--eval', "(progn (require 'package) (package-initialize) (require 'eglot))"],
  {
    encoding: 'utf8',
  },
);
const skip =
  emacs.status === 0 ? false : 'emacs with eglot is not installed (.ci/run installs emacs-nox and elpa-eglot)';

describe('Emacs with eglot', { skip: process.env.CI ? false : skip }, () => {
  it('gets diagnostics, definition and hover from the server', () => {
    const work = mkdtempSync(join(tmpdir(), 'mimspec-emacs-'));
    try {
      cpSync(fixture('lsp', 'workspace'), join(work, 'workspace'), { recursive: true });
      const r = spawnSync('emacs', ['--batch', '-q', '-l', join(ROOT, 'test', 'editor', 'check.el')], {
        encoding: 'utf8',
        timeout: 90000,
        env: { ...process.env, HOME: work, MIMSPEC_SERVER: SERVER, MIMSPEC_WORKSPACE: join(work, 'workspace') },
      });
      const out = `${r.stdout}${r.stderr}`;
      assert.equal(r.status, 0, out);
      assert.match(out, /all passed/);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
