// Drives the real language server over stdio on a generated workspace of about 1,000 files
// and prints each figure beside its budget (2-core machine). A report: exits 0 when over
// budget, 1 when a step fails.
//
//   node bench/lsp-bench.mjs [workspace-dir]
//
// MIMSPEC_BENCH_NODE_ARGS passes Node options to the server, e.g. `--cpu-prof --cpu-prof-dir=DIR`.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { initialize, SERVER, startServer } from './server-session.mjs';
import { generateFileCount, generateLargeDocument, GENERATOR_VERSION } from './generate.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUDGET = {
  openMs: 200,
  editP95Ms: 120,
  completionP95Ms: 50,
  hoverP95Ms: 50,
  referencesMs: 300,
  renameMs: 300,
  rssMb: 400,
};
const HUB_REFERENCES = 500;

const dir = resolve(process.argv[2] ?? join(ROOT, '.bench', 'lsp-workspace'));
const uri = (p) => pathToFileURL(p).href;
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const round = (x) => Math.round(x * 10) / 10;

/** The 1,000-file workspace, a 5,000-line page, and one requirement referenced from 500 places. */
function prepare() {
  const stamp = join(dir, '.stamp.json');
  const want = JSON.stringify({ GENERATOR_VERSION, HUB_REFERENCES });
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return;
  rmSync(dir, { recursive: true, force: true });
  generateFileCount(dir, 1000);
  generateLargeDocument(join(dir, 'large', 'docs', 'capabilities-and-requirements.md'), 5000);
  writeFileSync(
    join(dir, 'hub.mim.yaml'),
    [
      'mim: MIM990',
      'title: Hub',
      'conventions: bcp14',
      'capabilities:',
      '  - id: C1',
      '    title: Shared records',
      '    requirements:',
      '      - id: R1.1',
      '        text: Systems SHALL keep one shared record per asset.',
      '',
    ].join('\n'),
  );
  for (let f = 0; f < HUB_REFERENCES / 10; f++) {
    const reqs = Array.from({ length: 10 }, (_, i) =>
      [
        `      - id: R1.${i + 1}`,
        `        text: Systems SHALL link record ${i + 1} to the hub.`,
        '        seeAlso: [MIM990.R1.1]',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, `ref-${String(f).padStart(2, '0')}.mim.yaml`),
      [
        'mim: MIM' + (991 + f),
        'title: Ref ' + f,
        'conventions: bcp14',
        'capabilities:',
        '  - id: C1',
        '    title: Links',
        '    requirements:',
        ...reqs,
        '',
      ].join('\n'),
    );
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(stamp, want);
}

async function main() {
  if (!existsSync(SERVER)) throw new Error('build the server first: dist/server/server.js is missing (npm run build)');
  prepare();
  const { child, conn, indexed } = startServer();
  const waiting = new Map();
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const w = waiting.get(p.uri);
    if (w && (w.version === undefined || p.version === w.version)) {
      waiting.delete(p.uri);
      w.resolve(p);
    }
  });
  conn.listen();
  const diagnosticsFor = (u, version) => new Promise((resolve) => waiting.set(u, { version, resolve }));

  const rows = [];
  const row = (figure, value, unit, budget) =>
    rows.push([
      figure,
      `${round(value)} ${unit}`,
      budget === undefined ? '' : `<= ${budget} ${unit}`,
      budget === undefined ? '' : value <= budget ? 'ok' : 'over',
    ]);

  let t = performance.now();
  await initialize(conn, dir);
  await indexed;
  row('index the workspace (info)', performance.now() - t, 'ms');
  const rssNow = () =>
    Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  row('server resident memory after indexing (info)', rssNow(), 'MB');

  // First diagnostics of a 5,000-line document.
  const large = join(dir, 'large', 'docs', 'capabilities-and-requirements.md');
  let text = readFileSync(large, 'utf8');
  t = performance.now();
  const first = diagnosticsFor(uri(large), 1);
  await conn.sendNotification('textDocument/didOpen', {
    textDocument: { uri: uri(large), languageId: 'markdown', version: 1, text },
  });
  await first;
  row('first diagnostics, 5,000-line page', performance.now() - t, 'ms', BUDGET.openMs);

  // 50 one-character edits, each waited for.
  const lines = text.split('\n');
  const editLine = lines.findIndex((l) => l.startsWith('* **R'));
  const edits = [];
  for (let v = 2; v < 52; v++) {
    const ch = v % 2 === 0 ? 'x' : '';
    lines[editLine] = lines[editLine].replace(/x?$/, ch);
    text = lines.join('\n');
    t = performance.now();
    const got = diagnosticsFor(uri(large), v);
    await conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: uri(large), version: v },
      contentChanges: [{ text }],
    });
    await got;
    edits.push(performance.now() - t);
  }
  row('diagnostics after an edit, p95 of 50', percentile(edits, 0.95), 'ms', BUDGET.editP95Ms);
  row('diagnostics after an edit, median', percentile(edits, 0.5), 'ms');

  // Hover and completion on the large page.
  const reqLines = lines.map((l, i) => (l.startsWith('* **R') ? i : -1)).filter((i) => i >= 0);
  const hovers = [];
  const completions = [];
  for (let i = 0; i < 50; i++) {
    const line = reqLines[(i * 37) % reqLines.length];
    t = performance.now();
    await conn.sendRequest('textDocument/hover', {
      textDocument: { uri: uri(large) },
      position: { line, character: 5 },
    });
    hovers.push(performance.now() - t);
    t = performance.now();
    await conn.sendRequest('textDocument/completion', {
      textDocument: { uri: uri(large) },
      position: { line, character: lines[line].length },
    });
    completions.push(performance.now() - t);
  }
  row('hover, p95 of 50', percentile(hovers, 0.95), 'ms', BUDGET.hoverP95Ms);
  row('completion, p95 of 50', percentile(completions, 0.95), 'ms', BUDGET.completionP95Ms);

  // References and rename of a requirement used in 500 places.
  const hub = join(dir, 'hub.mim.yaml');
  const hubText = readFileSync(hub, 'utf8');
  await conn.sendNotification('textDocument/didOpen', {
    textDocument: { uri: uri(hub), languageId: 'yaml', version: 1, text: hubText },
  });
  const hubLine = hubText.split('\n').findIndex((l) => l.includes('id: R1.1'));
  const position = { line: hubLine, character: hubText.split('\n')[hubLine].indexOf('R1.1') + 1 };
  t = performance.now();
  const refs = await conn.sendRequest('textDocument/references', {
    textDocument: { uri: uri(hub) },
    position,
    context: { includeDeclaration: true },
  });
  row(`references, ${refs.length} places`, performance.now() - t, 'ms', BUDGET.referencesMs);
  t = performance.now();
  const edit = await conn.sendRequest('textDocument/rename', {
    textDocument: { uri: uri(hub) },
    position,
    newName: 'R1.9',
  });
  const count = Object.values(edit?.changes ?? {}).reduce((n, list) => n + list.length, 0);
  row(`rename, ${count} edits`, performance.now() - t, 'ms', BUDGET.renameMs);
  if (refs.length < HUB_REFERENCES || count < HUB_REFERENCES)
    throw new Error(`expected ${HUB_REFERENCES} places, got ${refs.length} references and ${count} edits`);

  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  row('server peak resident memory', hwm, 'MB', BUDGET.rssMb);

  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  console.log('\n| figure | measured | budget | |\n|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`lsp bench failed: ${e instanceof Error ? e.stack : e}`);
    process.exit(1);
  },
);
