// The benchmark's Markdown peer does the work it is timed for: our host of
// vscode-markdown-languageservice (bench/peers/) finds the broken links of a small workspace, as
// a checker and as a language server, and leaves the sound ones alone. A host that read no file,
// or ran with validation off, would make the peer's figures look fast for nothing.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type PublishDiagnosticsParams,
  type WorkspaceDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from '../support/paths.js';

const installed = (() => {
  try {
    createRequire(join(ROOT, 'package.json')).resolve('vscode-markdown-languageservice');
    return true;
  } catch {
    return false;
  }
})();
const skip = installed ? false : 'vscode-markdown-languageservice is not installed (npm ci)';

const work = mkdtempSync(join(tmpdir(), 'mimspec-bench-peers-'));
after(() => rmSync(work, { recursive: true, force: true }));
mkdirSync(join(work, 'docs'));
// Four findings: a missing file, a missing heading in another page, a missing reference
// definition, and an unused definition (a hint). The other links are sound.
const PAGE = [
  '# Overview',
  '',
  'See [the other](other.md#second-part), [this](#overview), [gone](missing.md),',
  '[no heading](other.md#nowhere) and [undefined][nope].',
  '',
  '[unused]: https://example.org',
  '',
].join('\n');
writeFileSync(join(work, 'docs', 'page.md'), PAGE);
writeFileSync(join(work, 'docs', 'other.md'), '# Other\n\n## Second part\n\nBack to [the page](page.md).\n');
// Hidden folders are not read, as the service's own default excludes them.
mkdirSync(join(work, '.hidden'));
writeFileSync(join(work, '.hidden', 'x.md'), '[gone](nowhere.md)\n');

describe('the benchmark host of vscode-markdown-languageservice', { skip }, () => {
  it('checks every page of a folder and counts the broken links', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bench', 'peers', 'markdown-check.mjs'), work], {
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), { pages: 2, diagnostics: 4 });
  });

  it('publishes the diagnostics of each version over stdio, and validates the workspace on request', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bench', 'peers', 'markdown-server.mjs'), '--stdio'], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const published: PublishDiagnosticsParams[] = [];
    const next = () =>
      new Promise<PublishDiagnosticsParams>((resolve) =>
        conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
          published.push(p);
          resolve(p);
        }),
      );
    conn.listen();
    try {
      const root = pathToFileURL(work).href;
      await conn.sendRequest('initialize', {
        processId: process.pid,
        rootUri: root,
        workspaceFolders: [{ uri: root, name: 'w' }],
        capabilities: {},
      });
      await conn.sendNotification('initialized', {});
      const uri = pathToFileURL(join(work, 'docs', 'page.md')).href;
      let got = next();
      await conn.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'markdown', version: 1, text: PAGE },
      });
      const opened = await got;
      assert.equal(opened.version, 1);
      assert.deepEqual(opened.diagnostics.map((d) => d.code).sort(), [
        'link.no-such-file',
        'link.no-such-header-in-file',
        'link.no-such-reference',
        'link.unused-definition',
      ]);
      // The editor's text wins over the disk: the missing file's link removed.
      got = next();
      await conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ text: PAGE.replace('[gone](missing.md),', '') }],
      });
      const changed = await got;
      assert.equal(changed.version, 2);
      assert.equal(changed.diagnostics.length, 3);
      const all: WorkspaceDiagnosticReport = await conn.sendRequest('workspace/diagnostic', { previousResultIds: [] });
      const counts = Object.fromEntries(
        all.items.map((i) => [i.uri.slice(root.length), i.kind === 'full' ? i.items.length : -1]),
      );
      assert.deepEqual(counts, { '/docs/other.md': 0, '/docs/page.md': 3 });
    } finally {
      await conn.sendRequest('shutdown').catch(() => undefined);
      await conn.sendNotification('exit').catch(() => undefined);
      child.kill();
    }
  });
});
