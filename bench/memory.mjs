// Peak memory on the inputs that cost most: the command on one Markdown page of almost 5 MB
// (the limit), written as a MIM's requirements are and as nothing but headings, and on the
// 2,000-MIM workspace of the user-path benchmark checked under a 700 MB heap; the language
// server holding that workspace once its first scan and check are done. Peak RSS counts every
// thread (bench/peak-rss.mjs). The user-path benchmark has the same workspace's check without a
// cap and the same server, beside their peers (bench/results/user-paths.md).
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateLargeDocument, userWorkspace } from './generate.mjs';
import { peakRssMb, runMeasured } from './peak-rss.mjs';
import { initialize, startServer } from './server-session.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli', 'mimspec.js');
export const MEMORY_BUDGET = { pageMb: 150, workspaceMb: 450, workspaceMs: 10_000, heapCapMb: 700, serverMb: 500 };

/** A folder holding one page of just under 5 MB, made by `write` once. */
function pageFolder(name, write) {
  const dir = join(ROOT, '.bench', `memory-${name}`);
  const page = join(dir, 'page.md');
  if (!existsSync(page)) {
    mkdirSync(dir, { recursive: true });
    write(page);
  }
  return { dir, mb: statSync(page).size / 1e6 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x) => Math.round(x * 10) / 10;

/** `mimspec check` of `dir`: the median peak RSS and wall time of `runs` runs. */
function check(dir, runs, nodeArgs = []) {
  const out = Array.from({ length: runs }, () =>
    runMeasured([...nodeArgs, CLI, 'check', dir, '--format', 'json'], [0, 1]),
  );
  return { peakMb: round(median(out.map((o) => o.peakMb))), wallMs: Math.round(median(out.map((o) => o.wallMs))) };
}

/**
 * The language server over stdio on `dir`, with a `*.mim.yaml` and a page open as a user has
 * them, once the progress of its first scan and check has ended: its peak RSS (MB) then.
 */
async function serverHolding(dir) {
  const { child, conn, indexed } = startServer();
  conn.onNotification('textDocument/publishDiagnostics', () => {});
  conn.listen();
  try {
    await initialize(conn, dir);
    const open = [
      [join(dir, 'spec-000.mim.yaml'), 'yaml'],
      [join(dir, 'repo-000', 'docs', 'capabilities-and-requirements.md'), 'markdown'],
    ];
    for (const [file, languageId] of open) {
      await conn.sendNotification('textDocument/didOpen', {
        textDocument: { uri: pathToFileURL(file).href, languageId, version: 1, text: readFileSync(file, 'utf8') },
      });
    }
    const timeout = sleep(600_000, undefined, { ref: false }).then(() => {
      throw new Error(`the language server did not end its first scan of ${dir} in 10 minutes`);
    });
    await Promise.race([indexed, timeout]);
    await sleep(300);
    return round(peakRssMb(child.pid));
  } finally {
    conn.dispose();
    child.kill();
  }
}

/** Rows of [figure, value, unit, budget]; `quick` measures the 200-MIM workspace for the 2,000. */
export async function benchMemory({ quick = false } = {}) {
  if (!existsSync(CLI)) throw new Error(`build the CLI first: ${CLI} is missing`);
  const rows = [];
  // A capabilities page as the generator writes them (17 lines a capability), 43,500 lines.
  const requirements = pageFolder('requirements', (page) => generateLargeDocument(page, 43_500));
  const r = check(requirements.dir, 3);
  rows.push([
    `${requirements.mb.toFixed(2)} MB page of requirements: check, peak RSS`,
    r.peakMb,
    'MB',
    MEMORY_BUDGET.pageMb,
  ]);
  rows.push([`  the same, as a multiple of the page`, round(r.peakMb / requirements.mb), 'x']);
  // The most sections a page of that size holds: a model of 200,000 sections.
  const headings = pageFolder('headings', (page) => {
    const parts = ['# Title\n'];
    let length = parts[0].length;
    for (let i = 1; length < 4_990_000; i++) {
      const part = `\n## Heading ${i}\n\nText.\n`;
      parts.push(part);
      length += part.length;
    }
    writeFileSync(page, parts.join(''));
  });
  const h = check(headings.dir, 3);
  rows.push([`${headings.mb.toFixed(2)} MB page of headings: check, peak RSS`, h.peakMb, 'MB']);
  rows.push([`  the same, as a multiple of the page`, round(h.peakMb / headings.mb), 'x']);
  const size = quick ? 200 : 2000;
  const w = check(userWorkspace(ROOT, size), 1, [`--max-old-space-size=${MEMORY_BUDGET.heapCapMb}`]);
  const capped = `${size} MIMs under a ${MEMORY_BUDGET.heapCapMb} MB heap: check`;
  rows.push([`${capped}, peak RSS`, w.peakMb, 'MB', quick ? undefined : MEMORY_BUDGET.workspaceMb]);
  rows.push([`${capped}, wall`, w.wallMs, 'ms', quick ? undefined : MEMORY_BUDGET.workspaceMs]);
  const held = await serverHolding(userWorkspace(ROOT, size));
  rows.push([
    `${size} MIMs: language server after its scan, peak RSS`,
    held,
    'MB',
    quick ? undefined : MEMORY_BUDGET.serverMb,
  ]);
  return rows;
}
