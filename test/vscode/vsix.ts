import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/paths.js';
import { CODE_SERVER, NODE24 } from './tools.js';

/** What is left out of the copy that is packaged: built or installed (the build's entries include tests). */
const NOT_COPIED = new Set(['node_modules', 'dist', '.bench', '.git']);

/**
 * Packs this folder as `npm run package` does (vsce, whose prepublish step makes a production
 * build) in a copy under `work`, so that the development build in dist/ stays as it is, and
 * installs the .vsix in code-server's extensions folder `dirs.extensions`. Returns the .vsix.
 */
export function installVsix(work: string, dirs: Record<string, string>): string {
  const copy = join(work, 'package');
  mkdirSync(copy);
  for (const name of readdirSync(ROOT))
    if (!NOT_COPIED.has(name)) cpSync(join(ROOT, name), join(copy, name), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  const vsix = join(work, 'mimspec.vsix');
  const started = Date.now();
  const packed = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--out', vsix],
    { cwd: copy, encoding: 'utf8' },
  );
  assert.equal(packed.status, 0, `vsce package failed:\n${packed.stdout}\n${packed.stderr}`);
  const installed = spawnSync(
    NODE24,
    [
      CODE_SERVER,
      '--install-extension',
      vsix,
      '--extensions-dir',
      dirs.extensions!,
      '--user-data-dir',
      dirs['user-data']!,
    ],
    {
      encoding: 'utf8',
      env: { ...process.env, HOME: dirs.home, XDG_CONFIG_HOME: dirs.config, XDG_DATA_HOME: dirs.data },
    },
  );
  assert.equal(
    installed.status,
    0,
    `code-server --install-extension failed:\n${installed.stdout}\n${installed.stderr}`,
  );
  assert.ok(
    readdirSync(dirs.extensions!).some(
      (d) => d.startsWith('mimspec.mimspec-') && existsSync(join(dirs.extensions!, d, 'dist', 'server', 'server.js')),
    ),
    `the .vsix is not in ${dirs.extensions}: ${readdirSync(dirs.extensions!).join(', ')}`,
  );
  console.log(`packed and installed ${vsix} in ${Date.now() - started} ms`);
  return vsix;
}
