// `mimspec check` beside vscode-markdown-languageservice as a checker (link validation of every
// Markdown page, bench/peers/markdown-check.mjs) on the same workspace, alternating run after
// run: wall time, CPU time and peak RSS of each whole process.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runMeasured } from '../peak-rss.mjs';
import { markdownServiceEntry } from './markdown-service.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// MIMSPEC_BENCH_CLI: another build's CLI bundle, to set two builds side by side.
const CLI = process.env.MIMSPEC_BENCH_CLI ?? join(ROOT, 'dist', 'cli', 'mimspec.js');
const MD_CHECK = join(ROOT, 'bench', 'peers', 'markdown-check.mjs');
export const MARKDOWN_PEER = 'markdown-language-service';

const CHECKERS = {
  // `check` exits 1 when it finds errors, which the generated workspaces have.
  mimspec: (dir) => {
    const out = runMeasured([CLI, 'check', dir, '--format', 'json'], [0, 1]);
    const report = JSON.parse(out.stdout);
    return { ...out, files: report.files, findings: report.diagnostics.length };
  },
  [MARKDOWN_PEER]: (dir) => {
    const out = runMeasured([MD_CHECK, dir]);
    const report = JSON.parse(out.stdout);
    return { ...out, files: report.pages, findings: report.diagnostics };
  },
};

/**
 * `runs` alternating rounds of both checks of `dir` (mimspec alone where the service is not
 * installed); each figure goes to `add(figure, tool, value, cpuMs)`. Returns what each checked.
 */
export function checkSideBySide(size, dir, runs, add) {
  const tools = markdownServiceEntry() ? Object.keys(CHECKERS) : ['mimspec'];
  const checked = {};
  for (let r = 0; r < runs; r++) {
    for (const tool of r % 2 === 0 ? tools : [...tools].reverse()) {
      const out = CHECKERS[tool](dir);
      if (!(out.files > 0)) throw new Error(`${tool} checked no file of ${dir}`);
      add(`${size} MIMs: check, wall`, tool, out.wallMs, out.cpuMs);
      add(`${size} MIMs: check, peak RSS`, tool, out.peakMb, NaN);
      checked[tool] = { files: out.files, findings: out.findings };
    }
  }
  return checked;
}
