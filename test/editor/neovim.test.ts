import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fixture, ROOT } from '../support/paths.js';
import { SERVER } from '../support/lsp-client.js';

/**
 * A real editor nobody here wrote: headless Neovim attaches the bundled server to a fixture
 * workspace and checks diagnostics, definition, hover, references, rename and completion.
 */
const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const skip = nvim.status === 0 ? false : 'nvim is not installed (.ci/run installs it)';

describe('Neovim', { skip: process.env.CI ? false : skip }, () => {
  it('gets every answer from the server', () => {
    const work = mkdtempSync(join(tmpdir(), 'mimspec-nvim-'));
    try {
      cpSync(fixture('lsp', 'workspace'), join(work, 'workspace'), { recursive: true });
      const r = spawnSync(
        'nvim',
        ['--headless', '--clean', '-n', '-u', 'NONE', '-c', `luafile ${join(ROOT, 'test', 'editor', 'check.lua')}`],
        {
          encoding: 'utf8',
          timeout: 60000,
          env: {
            ...process.env,
            XDG_CACHE_HOME: join(work, 'cache'),
            XDG_STATE_HOME: join(work, 'state'),
            MIMSPEC_SERVER: SERVER,
            MIMSPEC_WORKSPACE: join(work, 'workspace'),
          },
        },
      );
      const out = `${r.stdout}${r.stderr}`;
      assert.equal(r.status, 0, out);
      assert.match(out, /all passed/);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
