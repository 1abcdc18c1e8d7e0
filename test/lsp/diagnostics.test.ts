import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixture } from '../support/paths.js';
import { TestClient, uri } from '../support/lsp-client.js';

const WS = fixture('lsp', 'workspace');
const CAPS = join(WS, 'docs', 'capabilities-and-requirements.md');
const MECH = join(WS, 'docs', 'mechanisms.md');

describe('diagnostics over stdio', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize(WS);
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  it('publishes findings with code, rule page, severity and source on open', async () => {
    const text = readFileSync(MECH, 'utf8').replace('| R2.1 |', '| R9.9 |');
    const docUri = await client.open(MECH, text);
    const diags = await client.diagnostics(docUri, (d) => d.some((x) => x.code === 'trace/unknown-requirement'));
    const d = diags.find((x) => x.code === 'trace/unknown-requirement')!;
    assert.equal(d.severity, 1);
    assert.equal(d.source, 'mimspec');
    assert.deepEqual(d.range, { start: { line: 12, character: 2 }, end: { line: 12, character: 6 } });
    assert.match(d.codeDescription!.href, /docs\/rules\/trace\/unknown-requirement\.md$/);
  });

  it('re-validates on change, and keeps warnings as warnings', async () => {
    const original = readFileSync(CAPS, 'utf8');
    const docUri = await client.open(CAPS, original);
    await client.change(CAPS, 2, original.replace('Systems SHOULD expose', 'Systems should expose'));
    const diags = await client.diagnostics(docUri, (d) => d.some((x) => x.code === 'requirement/keyword-case'));
    assert.equal(diags.find((x) => x.code === 'requirement/keyword-case')!.severity, 2);
  });

  it('points a duplicate at the first definition through relatedInformation', async () => {
    const original = readFileSync(CAPS, 'utf8');
    await client.change(CAPS, 3, original.replace('**R1.2**', '**R1.1**'));
    const diags = await client.diagnostics(uri(CAPS), (d) => d.some((x) => x.code === 'id/duplicate'));
    const dup = diags.find((x) => x.code === 'id/duplicate')!;
    assert.equal(dup.relatedInformation?.[0].location.uri, uri(CAPS));
    assert.equal(dup.relatedInformation?.[0].location.range.start.line, 14);
  });

  it('re-validates the documents that refer to a changed id', async () => {
    // mechanisms.md maps R1.2; renaming the requirement in the other page breaks that row.
    const original = readFileSync(CAPS, 'utf8');
    await client.change(CAPS, 4, original.replace('**R1.2**', '**R1.3**'));
    const diags = await client.diagnostics(uri(MECH), (d) =>
      d.some((x) => x.code === 'trace/unknown-requirement' && x.range.start.line === 11),
    );
    assert.ok(diags.length > 0);
  });

  it('survives garbage and a thousand quick edits, and still answers', async () => {
    const path = join(WS, 'docs', 'scratch.md');
    await client.open(path, '\u0000\u0001 {% hint %} | | |\n'.repeat(50));
    for (let v = 2; v < 1002; v++) await client.change(path, v, `# Scratch ${v}\n\n${'{% tabs %}\n'.repeat(v % 7)}`);
    const diags = await client.diagnostics(
      uri(path),
      (d) => d.filter((x) => x.code === 'gitbook/unbalanced-block').length === 1001 % 7,
    );
    assert.equal(diags.filter((x) => x.code === 'gitbook/unbalanced-block').length, 1001 % 7);
  });
});

describe('pull diagnostics', () => {
  it('answers textDocument/diagnostic and workspace/diagnostic for unopened files', async () => {
    const client = new TestClient();
    try {
      await client.initialize(WS, { textDocument: { diagnostic: { dynamicRegistration: false } } });
      const text = readFileSync(MECH, 'utf8').replace('| R2.1 |', '| R7.7 |');
      await client.open(MECH, text);
      // Before its scan ends the server answers only what the page shows alone (and asks for a pull again).
      await client.indexed();
      const report = await client.request<{ kind: string; items: { code: string }[] }>('textDocument/diagnostic', {
        textDocument: { uri: uri(MECH) },
      });
      assert.equal(report.kind, 'full');
      assert.ok(report.items.some((d) => d.code === 'trace/unknown-requirement'));
      const ws = await client.request<{ items: { uri: string; items: unknown[] }[] }>('workspace/diagnostic', {
        previousResultIds: [],
      });
      assert.ok(ws.items.some((i) => i.uri === uri(join(WS, 'docs', 'README.md')) && i.items.length > 0));
    } finally {
      await client.shutdown();
    }
  });

  it('answers unchanged to a client that holds the findings already, and full with a new id after an edit', async () => {
    const client = new TestClient();
    type Report = { kind: string; resultId?: string; items?: { code: string }[] };
    const pull = (previousResultId?: string) =>
      client.request<Report>('textDocument/diagnostic', { textDocument: { uri: uri(MECH) }, previousResultId });
    try {
      await client.initialize(WS, { textDocument: { diagnostic: { dynamicRegistration: false } } });
      const text = readFileSync(MECH, 'utf8');
      await client.open(MECH, text);
      // Before the scan ends a pull is answered what the page shows alone; this test is about the findings after it.
      await client.indexed();
      const first = await pull();
      assert.equal(first.kind, 'full');
      assert.ok(first.resultId);
      assert.deepEqual(await pull(first.resultId), { kind: 'unchanged', resultId: first.resultId });
      // An id the server never gave is answered in full.
      assert.equal((await pull('stale')).kind, 'full');

      await client.change(MECH, 2, text.replace('| R2.1 |', '| R7.7 |'));
      const edited = await pull(first.resultId);
      assert.equal(edited.kind, 'full');
      assert.notEqual(edited.resultId, first.resultId);
      assert.ok(edited.items!.some((d) => d.code === 'trace/unknown-requirement'));
      assert.deepEqual(await pull(edited.resultId), { kind: 'unchanged', resultId: edited.resultId });

      // The workspace report does the same for each document it is given an id of.
      type WsReport = { items: { uri: string; kind: string; resultId: string }[] };
      const all = await client.request<WsReport>('workspace/diagnostic', { previousResultIds: [] });
      assert.ok(all.items.length > 1 && all.items.every((i) => i.kind === 'full' && i.resultId));
      const readme = all.items.find((i) => i.uri === uri(join(WS, 'docs', 'README.md')))!;
      const again = await client.request<WsReport>('workspace/diagnostic', {
        previousResultIds: [{ uri: readme.uri, value: readme.resultId }],
      });
      assert.deepEqual(
        again.items.filter((i) => i.kind === 'unchanged').map((i) => [i.uri, i.resultId]),
        [[readme.uri, readme.resultId]],
      );

      // A client that pulls is sent no diagnostics.
      assert.deepEqual(client.publishedUris(), []);
    } finally {
      await client.shutdown();
    }
  });
});
