import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { CancellationTokenSource, ResponseError, type Diagnostic, type Range } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestClient, uri } from '../lsp-client.js';
import { ROOT } from '../paths.js';
import { applyEdit, NEW_FILES, type ProtocolEvent } from './protocol-events.js';

const CLI = join(ROOT, 'dist', 'cli', 'mimspec.js');
const DOC = /\.(md|mim\.ya?ml)$|(^|\/)(publiccode\.yml|\.?mimspec\.yaml)$/;

/** What went wrong in a session: an unanswered request, a dead server, or findings that differ from a fresh check. */
export interface SessionResult {
  problems: string[];
}

function documentsUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) documentsUnder(path, out);
    else if (DOC.test(name)) out.push(path);
  }
  return out;
}

const languageOf = (path: string) => (path.endsWith('.md') ? 'markdown' : 'yaml');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A finding as both sides can print it: 1-based place, code, message. */
const key = (line: number, col: number, endLine: number, endCol: number, code: string, message: string) =>
  `${line}:${col}-${endLine}:${endCol} ${code} ${message}`;

/** How a session starts: the server's environment, and whether the events wait for the start or the end of its first scan. */
export interface SessionOptions {
  env?: Record<string, string>;
  waitFor?: 'scan-start' | 'scan-end';
}

/** The files a session's events name by index (`file: i` is the i-th, modulo their number), relative to the seed. */
export function sessionFiles(seed: string): string[] {
  return [...documentsUnder(seed), ...NEW_FILES.map((f) => join(seed, f))].map((f) => relative(seed, f));
}

/**
 * Plays `events` against the real server over stdio, on a copy of `seed`; then compares the
 * server's diagnostics of every document (pulled) with a fresh `mimspec check` of the same
 * texts (the open buffers written over the disk's).
 */
export async function runSession(
  seed: string,
  events: readonly ProtocolEvent[],
  options: SessionOptions = {},
): Promise<SessionResult> {
  const dir = mkdtempSync(join(tmpdir(), 'mimspec-fuzz-'));
  const problems: string[] = [];
  try {
    cpSync(seed, dir, { recursive: true });
    const files = sessionFiles(dir).map((f) => join(dir, f));
    const pick = (i: number) => files[i % files.length];
    const client = new TestClient(undefined, options.env);
    await client.initialize(dir, { textDocument: { diagnostic: { dynamicRegistration: false } } });
    if (options.waitFor === 'scan-start') await client.scanning();
    if (options.waitFor === 'scan-end') await client.indexed();
    const open = new Map<string, TextDocument>();
    const pending: Promise<void>[] = [];
    const watched = (path: string, type: 1 | 2 | 3) =>
      client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(path), type }] });

    for (const [n, e] of events.entries()) {
      if (e.kind === 'pause') {
        await sleep(e.ms);
        continue;
      }
      const path = 'file' in e ? pick(e.file) : join(dir, NEW_FILES[e.name % NEW_FILES.length]);
      const doc = open.get(path);
      switch (e.kind) {
        case 'open': {
          if (doc) break;
          const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
          await client.open(path, text, languageOf(path));
          open.set(path, TextDocument.create(uri(path), languageOf(path), 1, text));
          break;
        }
        case 'change':
        case 'replace': {
          if (!doc) break;
          const text = doc.getText();
          const start = Math.min(text.length, Math.floor(e.edit.at * text.length));
          const range: Range = {
            start: doc.positionAt(start),
            end:
              e.kind === 'change' && e.outOfRange
                ? { line: doc.lineCount + 3, character: 7 }
                : doc.positionAt(start + e.edit.remove),
          };
          const change = e.kind === 'replace' ? { text: applyEdit(text, e.edit) } : { range, text: e.edit.insert };
          const next = TextDocument.update(doc, [change], doc.version + 1);
          open.set(path, next);
          await client.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri: uri(path), version: next.version },
            contentChanges: [change],
          });
          break;
        }
        case 'close':
          if (!doc) break;
          open.delete(path);
          await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(path) } });
          break;
        case 'disk-write':
          if (!existsSync(path)) break;
          writeFileSync(path, applyEdit(readFileSync(path, 'utf8'), e.edit));
          await watched(path, 2);
          break;
        case 'disk-create': {
          const created = !existsSync(path);
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, e.text);
          await watched(path, created ? 1 : 2);
          break;
        }
        case 'disk-delete':
          if (!existsSync(path)) break;
          rmSync(path);
          await watched(path, 3);
          break;
        case 'request': {
          const lines = (doc?.lineCount ?? 20) + 1;
          const position = { line: Math.floor(e.at * lines), character: Math.floor(e.at * 37) % 60 };
          const params =
            e.method === 'workspace/symbol'
              ? { query: 'R1' }
              : {
                  textDocument: { uri: uri(path) },
                  position,
                  range: { start: position, end: position },
                  context: { diagnostics: [], includeDeclaration: true },
                  newName: 'R9.9',
                };
          const cancel = new CancellationTokenSource();
          const answer = client.connection.sendRequest(e.method, params, cancel.token);
          if (e.cancel) cancel.cancel();
          pending.push(
            withTimeout(answer, 20000).then(
              () => undefined,
              (err: unknown) => {
                if (!(err instanceof ResponseError))
                  problems.push(`event ${n} ${e.method}: no answer (${String(err)})`);
              },
            ),
          );
          break;
        }
      }
    }
    await Promise.all(pending);
    const server = await settledDiagnostics(client);
    if (client.stderr.join('').trim())
      problems.push(`the server wrote on stderr: ${client.stderr.join('').slice(0, 300)}`);
    const code = await client.shutdown();
    if (code !== 0) problems.push(`the server exited with ${code}`);
    for (const [path, doc] of open) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, doc.getText());
    }
    compare(server, freshCheck(dir), dir, problems);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { problems };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timeout after ${ms} ms`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/** The server's diagnostics of every document, pulled until two pulls in a row agree (its queue of changes is empty). */
async function settledDiagnostics(client: TestClient): Promise<Map<string, string[]>> {
  let last = '';
  for (let i = 0; i < 50; i++) {
    const report = await client.request<{ items: { uri: string; items: Diagnostic[] }[] }>('workspace/diagnostic', {
      previousResultIds: [],
    });
    const byFile = new Map(
      report.items.map((r) => [
        decodeURIComponent(new URL(r.uri).pathname),
        r.items
          .map((d) =>
            key(
              d.range.start.line + 1,
              d.range.start.character + 1,
              d.range.end.line + 1,
              d.range.end.character + 1,
              String(d.code),
              typeof d.message === 'string' ? d.message : d.message.value,
            ),
          )
          .sort(),
      ]),
    );
    const now = JSON.stringify([...byFile].sort());
    if (now === last) return byFile;
    last = now;
    await sleep(150);
  }
  throw new Error('the server never settled');
}

/** A fresh `mimspec check --format json` of the folder, by file. */
export function freshCheck(dir: string): Map<string, string[]> {
  const r = spawnSync(process.execPath, [CLI, 'check', '.', '--format', 'json'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const out = JSON.parse(r.stdout) as {
    diagnostics: {
      file: string;
      line: number;
      column: number;
      endLine: number;
      endColumn: number;
      code: string;
      message: string;
    }[];
  };
  const byFile = new Map<string, string[]>();
  for (const d of out.diagnostics) {
    const path = join(dir, d.file);
    byFile.set(path, [...(byFile.get(path) ?? []), key(d.line, d.column, d.endLine, d.endColumn, d.code, d.message)]);
  }
  for (const list of byFile.values()) list.sort();
  return byFile;
}

function compare(server: Map<string, string[]>, cli: Map<string, string[]>, dir: string, problems: string[]): void {
  for (const path of new Set([...server.keys(), ...cli.keys()])) {
    const a = server.get(path) ?? [];
    const b = cli.get(path) ?? [];
    // A page the server does not speak about (Markdown outside any MIM) is not published at all.
    if (!server.has(path) && path.endsWith('.md')) continue;
    const extra = a.filter((x) => !b.includes(x));
    const missing = b.filter((x) => !a.includes(x));
    if (extra.length || missing.length)
      problems.push(
        `${relative(dir, path)}: the server has ${JSON.stringify(extra)} more and ${JSON.stringify(missing)} fewer than a fresh check`,
      );
  }
}
