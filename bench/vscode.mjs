// `node bench/run.mjs --only vscode`: activation to the first diagnostics of an open MIM file
// in the real extension host (code-server), against the budget of issue 12. It runs the
// extension-host test on the development build (not the .vsix run) and reads the figure the
// suite logs; where code-server is not installed (test/vscode/install.sh) it says so.
import { spawnSync } from 'node:child_process';

const BUDGET_MS = 1000;
const LINE = /activation to first diagnostics: (\d+) ms \((\d+) ms after the file was opened\)/;

/** [figure, measured, unit, budget] rows, for bench/run.mjs to print with the others. */
export function benchVscode() {
  const r = spawnSync(process.execPath, ['--test', 'dist/test/vscode/extension-host.test.js'], {
    encoding: 'utf8',
    env: { ...process.env, MIMSPEC_SKIP_VSIX: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const m = LINE.exec(r.stdout);
  if (/# SKIP/.test(r.stdout) && !m)
    throw new Error('the extension host is not installed: bash test/vscode/install.sh');
  if (!m) throw new Error(`the suite logged no figure (exit ${r.status}):\n${r.stdout.slice(-2000)}${r.stderr}`);
  return [
    ['VS Code: activation to first diagnostics', Number(m[1]), 'ms', BUDGET_MS],
    ['VS Code: file opened to first diagnostics', Number(m[2]), 'ms', undefined],
  ];
}
