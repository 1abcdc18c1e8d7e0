// The paths a user waits on, measured on the real language server over stdio and, alternating
// in the same run, on yaml-language-server (our schema associated) with the same files and edits:
// a file opened before the workspace is indexed (first diagnostics, hover), edits that keep a
// 4,500-line *.mim.yaml valid, edits that break it and keep it broken; and on
// vscode-markdown-languageservice, through our host of it (bench/peers/), Markdown edits and a
// check of every page (beside `mimspec check`). The peak memory of each process, for each size.
// Wall time and the process's CPU time (user + system, /proc) for every figure; the load
// average at start and end. Results go to bench/results/user-paths.{json,md} (bench/user-table.mjs).
//
//   node bench/user-paths.mjs [--sizes 20,200,2000] [--runs N] [--edits N]
//
// MIMs of 40 requirements (20 capabilities of 2), half Markdown repositories, half *.mim.yaml,
// plus big.mim.yaml (about 4,500 lines). yaml-language-server and vscode-markdown-languageservice
// are development dependencies; where they are not installed, MIMSPEC_BENCH_PEERS names a folder
// whose node_modules holds them.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { userWorkspace } from './generate.mjs';
import { peakRssMb } from './peak-rss.mjs';
import { checkSideBySide, MARKDOWN_PEER } from './peers/checks.mjs';
import { markdownServiceEntry } from './peers/markdown-service.mjs';
import { growth, tableMarkdown, tableRows, writeResults } from './user-table.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// MIMSPEC_BENCH_SERVER: another build's server bundle, to set two builds side by side.
const SERVER = process.env.MIMSPEC_BENCH_SERVER ?? join(ROOT, 'dist', 'server', 'server.js');
const SCHEMA = pathToFileURL(join(ROOT, 'schemas', 'mim.schema.json')).href;

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const sizes = opt('--sizes', '20,200,2000').split(',').map(Number);
const runs = Number(opt('--runs', '5'));
const editCount = Number(opt('--edits', '20'));

const uri = (p) => pathToFileURL(p).href;
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function peerCommand() {
  for (const base of [ROOT, process.env.MIMSPEC_BENCH_PEERS].filter(Boolean)) {
    try {
      const pkg = createRequire(join(resolve(base), 'package.json')).resolve('yaml-language-server/package.json');
      return [process.execPath, join(pkg, '..', 'bin', 'yaml-language-server'), '--stdio'];
    } catch {
      // not installed there
    }
  }
  return undefined;
}

/** The workspace of `size` MIMs and its big spec, generated once per generator version. */
const prepare = (size) => userWorkspace(ROOT, size);

/** A language server over stdio, with the CPU time of its process. */
class Session {
  constructor(command, settings) {
    this.child = spawn(command[0], command.slice(1), { stdio: ['pipe', 'pipe', 'ignore'] });
    this.conn = createProtocolConnection(
      new StreamMessageReader(this.child.stdout),
      new StreamMessageWriter(this.child.stdin),
    );
    this.published = [];
    this.waiters = [];
    this.progressEnded = false;
    this.conn.onNotification('textDocument/publishDiagnostics', (p) => {
      const got = { ...p, at: performance.now() };
      this.published.push(got);
      for (const w of [...this.waiters]) {
        if (!w.pred(got)) continue;
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(got);
      }
    });
    this.conn.onNotification('$/progress', (p) => {
      if (p.value?.kind === 'end') this.progressEnded = performance.now();
    });
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('workspace/configuration', (p) => p.items.map((i) => (i.section === 'yaml' ? settings : {})));
    this.conn.onNotification('window/logMessage', () => undefined);
    this.conn.onNotification('telemetry/event', () => undefined);
    this.conn.listen();
  }

  /** User + system CPU time of the server process so far, in ms (10 ms ticks). */
  cpuMs() {
    try {
      const f = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(f[11]) + Number(f[12])) * 10;
    } catch {
      return NaN;
    }
  }

  publishedFor(docUri, pred = () => true, timeoutMs = 120000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${docUri}`)), timeoutMs);
      this.waiters.push({
        pred: (p) => p.uri === docUri && pred(p),
        resolve: (p) => (clearTimeout(timer), resolve(p)),
      });
    });
  }

  async start(dir, settings) {
    await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uri(dir),
      workspaceFolders: [{ uri: uri(dir), name: 'bench' }],
      capabilities: {
        window: { workDoneProgress: true },
        workspace: { configuration: true },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } },
      },
    });
    await this.conn.sendNotification('initialized', {});
    if (settings)
      await this.conn.sendNotification('workspace/didChangeConfiguration', { settings: { yaml: settings } });
  }

  async stop() {
    await Promise.race([this.conn.sendRequest('shutdown').catch(() => undefined), sleep(3000)]);
    await this.conn.sendNotification('exit').catch(() => undefined);
    await sleep(50);
    this.child.kill();
  }
}

const TOOLS = {
  mimspec: { command: () => [process.execPath, SERVER, '--stdio'], settings: undefined },
  'yaml-language-server': {
    command: peerCommand,
    settings: { schemas: { [SCHEMA]: '*.mim.yaml' }, validate: true, hover: true, completion: true },
  },
  [MARKDOWN_PEER]: {
    command: () =>
      markdownServiceEntry() && [process.execPath, join(ROOT, 'bench', 'peers', 'markdown-server.mjs'), '--stdio'],
    settings: undefined,
  },
};

/** Opens `file` right after initialized: first diagnostics and hover, wall and server CPU. */
async function openFirst(tool, dir, file, delayMs = 0) {
  const t = TOOLS[tool];
  const s = new Session(t.command(), t.settings);
  const started = performance.now();
  await s.start(dir, t.settings);
  // Later, the file is opened while the scan is under way.
  if (delayMs) await sleep(delayMs);
  const text = readFileSync(file, 'utf8');
  const docUri = uri(file);
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('- id: R1.1'));
  const opened = performance.now();
  const cpuAtOpen = s.cpuMs();
  const first = s.publishedFor(docUri);
  await s.conn.sendNotification('textDocument/didOpen', {
    textDocument: { uri: docUri, languageId: 'yaml', version: 1, text },
  });
  const hoverSent = performance.now();
  await s.conn.sendRequest('textDocument/hover', {
    textDocument: { uri: docUri },
    position: { line, character: lines[line].indexOf('R1.1') + 1 },
  });
  const hoverMs = performance.now() - hoverSent;
  const p = await first;
  const out = {
    firstMs: p.at - opened,
    firstCpuMs: s.cpuMs(),
    hoverMs,
    startCpuMs: cpuAtOpen,
    sinceSpawnMs: p.at - started,
  };
  return { session: s, out, text, docUri };
}

/** `count` edits, each waiting for the diagnostics of its version (or the next publication). */
async function edits(s, docUri, texts) {
  const times = [];
  const cpu0 = s.cpuMs();
  let version = 100;
  for (const text of texts) {
    version++;
    const since = s.published.length;
    const v = version;
    const got = s.publishedFor(
      docUri,
      (p) => p.version === v || (p.version === undefined && s.published.length > since),
      10000,
    );
    const sent = performance.now();
    await s.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: docUri, version },
      contentChanges: [{ text }],
    });
    const p = await got.catch(() => undefined);
    if (p) times.push(p.at - sent);
    await sleep(30);
  }
  return {
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    cpuPerEditMs: (s.cpuMs() - cpu0) / texts.length,
    n: times.length,
  };
}

/** Edits of a requirement's text far down the file; `broken` first loses the `]` of the first seeAlso. */
function editTexts(text, broken) {
  const base = broken ? text.replace(/seeAlso: \[([^\]\n]*)\]/, 'seeAlso: [$1') : text;
  const at = base.indexOf('text: ', Math.floor(base.length * 0.7));
  return Array.from(
    { length: editCount },
    (_, i) => `${base.slice(0, at + 6)}Typed ${'x'.repeat(i + 1)} ${base.slice(at + 6)}`,
  );
}

function markdownTexts(text) {
  const at = text.indexOf('SHALL');
  return Array.from({ length: editCount }, (_, i) => `${text.slice(0, at)}word${i} ${text.slice(at)}`);
}

const results = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  loadStart: loadavg(),
  rows: [],
};
const figures = {}; // figure -> tool -> [{wall, cpu}]
const add = (figure, tool, wall, cpu) => ((figures[figure] ??= {})[tool] ??= []).push({ wall, cpu });

/** The Markdown page opened in `s` (our server's, once indexed, or the peer's), then the edits. */
async function markdownEdits(s, tool, size, page) {
  const md = readFileSync(page, 'utf8');
  await s.conn.sendNotification('textDocument/didOpen', {
    textDocument: { uri: uri(page), languageId: 'markdown', version: 1, text: md },
  });
  await s.publishedFor(uri(page)).catch(() => undefined);
  const mdEdits = await edits(s, uri(page), markdownTexts(md));
  add(`${size} MIMs: Markdown page edits: p50`, tool, mdEdits.p50, mdEdits.cpuPerEditMs);
  add(`${size} MIMs: Markdown page edits: p95`, tool, mdEdits.p95, mdEdits.cpuPerEditMs);
}

/**
 * Peak RSS of each language server holding the workspace as it would for a user: ours indexed
 * and checked with the spec and the page open; yaml-language-server with the spec open (it reads
 * nothing else); the Markdown peer with the page open, then asked for the whole workspace's
 * diagnostics (`workspace/diagnostic`), as ours computes them. Also the time to those diagnostics.
 */
async function serverMemory(tool, size, dir, spec, page) {
  const s = new Session(TOOLS[tool].command(), TOOLS[tool].settings);
  await s.start(dir, TOOLS[tool].settings);
  const started = performance.now();
  const open = async (file, languageId) => {
    const got = s.publishedFor(uri(file), () => true, 600000);
    await s.conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri: uri(file), languageId, version: 1, text: readFileSync(file, 'utf8') },
    });
    await got;
  };
  if (tool !== MARKDOWN_PEER) await open(spec, 'yaml');
  if (tool !== 'yaml-language-server') await open(page, 'markdown');
  if (tool === 'mimspec') {
    while (!s.progressEnded && performance.now() - started < 600000) await sleep(20);
    const ended = s.progressEnded ? s.progressEnded - started : NaN;
    add(`${size} MIMs: language server, whole workspace validated`, tool, ended, s.cpuMs());
  } else if (tool === MARKDOWN_PEER) {
    const sent = performance.now();
    await s.conn.sendRequest('workspace/diagnostic', { previousResultIds: [] });
    add(`${size} MIMs: language server, whole workspace validated`, tool, performance.now() - sent, s.cpuMs());
  }
  await sleep(300);
  add(`${size} MIMs: language server, peak RSS`, tool, peakRssMb(s.child.pid), NaN);
  await s.stop();
}

const peer = peerCommand();
if (!peer) console.log('yaml-language-server is not installed: mimspec alone (npm install, or MIMSPEC_BENCH_PEERS)');
const mdPeer = Boolean(markdownServiceEntry());
if (!mdPeer) console.log('vscode-markdown-languageservice is not installed: no Markdown peer (npm install)');
const tools = ['mimspec', ...(peer ? ['yaml-language-server'] : []), ...(mdPeer ? [MARKDOWN_PEER] : [])];
results.sizes = sizes;
results.checked = {};

for (const size of sizes) {
  const dir = prepare(size);
  const big = join(dir, 'big.mim.yaml');
  const spec = join(dir, `spec-${String(0).padStart(3, '0')}.mim.yaml`);
  const page = join(dir, 'repo-000', 'docs', 'capabilities-and-requirements.md');
  const n = size >= 2000 ? Math.min(runs, 3) : runs;
  for (let r = 0; r < n; r++) {
    const order = r % 2 === 0 ? tools : [...tools].reverse();
    for (const tool of order) {
      if (tool === MARKDOWN_PEER) {
        // The Markdown peer takes part in the Markdown figures only.
        if (size !== 200) continue;
        const s = new Session(TOOLS[tool].command(), undefined);
        await s.start(dir);
        await markdownEdits(s, tool, size, page);
        await s.stop();
        continue;
      }
      const { session: s, out } = await openFirst(tool, dir, existsSync(spec) ? spec : big);
      add(`${size} MIMs: first diagnostics after didOpen`, tool, out.firstMs, out.firstCpuMs);
      add(`${size} MIMs: hover after didOpen`, tool, out.hoverMs, NaN);
      if (size >= 2000) {
        await s.stop();
        const later = await openFirst(tool, dir, existsSync(spec) ? spec : big, 1500);
        add(`${size} MIMs, opened 1.5 s into the scan: first diagnostics`, tool, later.out.firstMs, NaN);
        add(`${size} MIMs, opened 1.5 s into the scan: hover`, tool, later.out.hoverMs, NaN);
        await later.session.stop();
        continue;
      }
      if (size === 200) {
        // Edits in steady state: mimspec once its index is complete.
        const until = performance.now() + 120000;
        while (tool === 'mimspec' && !s.progressEnded && performance.now() < until) await sleep(20);
        const bigText = readFileSync(big, 'utf8');
        await s.conn.sendNotification('textDocument/didOpen', {
          textDocument: { uri: uri(big), languageId: 'yaml', version: 1, text: bigText },
        });
        await s.publishedFor(uri(big)).catch(() => undefined);
        await sleep(200);
        const valid = await edits(s, uri(big), editTexts(bigText, false));
        const broken = await edits(s, uri(big), editTexts(bigText, true));
        add(`${size} MIMs: 4,500-line *.mim.yaml, valid edits: p50`, tool, valid.p50, valid.cpuPerEditMs);
        add(`${size} MIMs: 4,500-line *.mim.yaml, valid edits: p95`, tool, valid.p95, valid.cpuPerEditMs);
        add(`${size} MIMs: 4,500-line *.mim.yaml, broken edits: p50`, tool, broken.p50, broken.cpuPerEditMs);
        add(`${size} MIMs: 4,500-line *.mim.yaml, broken edits: p95`, tool, broken.p95, broken.cpuPerEditMs);
        if (tool === 'mimspec') await markdownEdits(s, tool, size, page);
      }
      await s.stop();
    }
  }
  // The whole workspace: `mimspec check` beside the Markdown peer's check; each server's memory.
  results.checked[size] = checkSideBySide(size, dir, n, add);
  const memoryOrder = sizes.indexOf(size) % 2 === 0 ? tools : [...tools].reverse();
  for (const tool of memoryOrder) await serverMemory(tool, size, dir, existsSync(spec) ? spec : big, page);
}
results.loadEnd = loadavg();
results.rows = tableRows(figures);
results.growth = growth(results.rows, sizes);
const md = tableMarkdown(results);
writeResults(ROOT, results, md);
console.log(md);
process.exit(0);
