// `npm run test:electron`: the extension-host suite (test/vscode/suite/index.ts) in stock VS
// Code, downloaded by @vscode/test-electron, on a copy of test/fixtures/vscode/workspace. The
// same suite runs in code-server under `npm test` (test/vscode/extension-host.test.ts), where
// an outer driver also reads and clicks the views' webviews; here the suite checks what the
// extension holds. MIMSPEC_VSCODE_EXECUTABLE names an installed VS Code instead of a download.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SUITE = join(ROOT, 'dist', 'test', 'vscode', 'suite', 'index.js');

let runTests;
try {
  ({ runTests } = await import('@vscode/test-electron'));
} catch {
  console.error('test:electron: @vscode/test-electron is not installed; run npm ci (it is a devDependency)');
  process.exit(1);
}

if (!existsSync(SUITE)) {
  console.error(`test:electron: ${SUITE} is missing; build first (npm run build)`);
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'mimspec-electron-'));
const workspace = join(work, 'workspace');
cpSync(join(ROOT, 'test', 'fixtures', 'vscode', 'workspace'), workspace, { recursive: true });

/** Network failures of the download, which this message explains better than a stack. */
const OFFLINE = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo|fetch failed|socket hang up/i;

let code = 0;
try {
  code = await runTests({
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: SUITE,
    ...(process.env.MIMSPEC_VSCODE_EXECUTABLE ? { vscodeExecutablePath: process.env.MIMSPEC_VSCODE_EXECUTABLE } : {}),
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      `--user-data-dir=${join(work, 'user-data')}`,
    ],
  });
} catch (e) {
  const text = e instanceof Error ? `${e.message} ${e.cause ?? ''}` : String(e);
  if (OFFLINE.test(text)) {
    console.error(
      'test:electron: VS Code could not be downloaded (no route to update.code.visualstudio.com).\n' +
        'Run it where VS Code can be downloaded, or set MIMSPEC_VSCODE_EXECUTABLE to an installed VS Code;\n' +
        'here the same suite runs in code-server: npm test (layer vscode, test/vscode/extension-host.test.ts).\n' +
        `(${text.trim().split('\n')[0]})`,
    );
  } else console.error(`test:electron: the suite failed: ${e instanceof Error ? (e.stack ?? e.message) : e}`);
  code = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(code);
