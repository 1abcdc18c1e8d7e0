import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  CancellationTokenSource,
  LSPErrorCodes,
  type CodeAction,
  type CompletionItem,
  type DocumentSymbol,
  type Hover,
  type Location,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { fixture } from '../support/paths.js';
import { TestClient, uri } from '../support/lsp-client.js';

const WS = fixture('lsp', 'workspace');
const CAPS = join(WS, 'docs', 'capabilities-and-requirements.md');
const MECH = join(WS, 'docs', 'mechanisms.md');
const TWIN = join(WS, 'twin.mim.yaml');

const doc = (path: string) => ({ textDocument: { uri: uri(path) } });
const at = (path: string, line: number, character: number) => ({ ...doc(path), position: { line, character } });
const where = (l: Location) =>
  `${l.uri.split('/').slice(-2).join('/')}:${l.range.start.line}:${l.range.start.character}`;

describe('language features over stdio', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize(WS);
    for (const p of [CAPS, MECH, TWIN]) await client.open(p);
    // Hover, definition and symbols answer during the scan from what is read so far; these tests check the full answers.
    await client.indexed();
  });
  after(async () => {
    await client.shutdown();
  });

  it('hovers a requirement in a mapping row with its text, level and mechanisms', async () => {
    const h = await client.request<Hover>('textDocument/hover', at(MECH, 10, 3));
    const text = (h.contents as { value: string }).value;
    assert.match(text, /R1\.1/);
    assert.match(text, /Systems SHALL expose kerb segments/);
    assert.match(text, /required/);
    assert.match(text, /M1/);
  });

  it('goes from a mapping row and a global seeAlso to the requirement', async () => {
    const fromRow = await client.request<Location[]>('textDocument/definition', at(MECH, 10, 3));
    assert.deepEqual(fromRow.map(where), ['docs/capabilities-and-requirements.md:14:4']);
    const twin = readFileSync(TWIN, 'utf8').split('\n');
    const line = twin.findIndex((l) => l.includes('seeAlso'));
    const fromYaml = await client.request<Location[]>(
      'textDocument/definition',
      at(TWIN, line, twin[line].indexOf('MIM7.R1.1') + 6),
    );
    assert.deepEqual(fromYaml.map(where), ['docs/capabilities-and-requirements.md:14:4']);
  });

  it('finds every reference across files and syntaxes', async () => {
    const refs = await client.request<Location[]>('textDocument/references', {
      ...at(CAPS, 14, 5),
      context: { includeDeclaration: true },
    });
    const files = refs.map((r) => r.uri.split('/').pop()).sort();
    assert.deepEqual(files, ['capabilities-and-requirements.md', 'mechanisms.md', 'twin.mim.yaml']);
  });

  it('renames a requirement everywhere, and refuses an id of another kind', async () => {
    const prep = await client.request<{ range: unknown; placeholder: string }>(
      'textDocument/prepareRename',
      at(CAPS, 14, 5),
    );
    assert.equal(prep.placeholder, 'R1.1');
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { ...at(CAPS, 14, 5), newName: 'R1.5' });
    const changes = edit.changes!;
    assert.deepEqual(
      Object.keys(changes)
        .map((u) => u.split('/').pop())
        .sort(),
      ['capabilities-and-requirements.md', 'mechanisms.md', 'twin.mim.yaml'],
    );
    assert.ok(changes[uri(TWIN)].some((e) => e.newText === 'MIM7.R1.5' || e.newText === 'R1.5'));
    await assert.rejects(client.request('textDocument/rename', { ...at(CAPS, 14, 5), newName: 'M3' }));
  });

  it('answers a refused rename RequestFailed, with the reason as the message', async () => {
    await assert.rejects(
      client.request('textDocument/rename', { ...at(CAPS, 14, 5), newName: 'M3' }),
      (e: { code?: number; message?: string }) => {
        assert.equal(e.code, LSPErrorCodes.RequestFailed);
        assert.match(e.message ?? '', /^M3 is a mechanism id, but R1\.1 is a requirement/);
        return true;
      },
    );
  });

  it('completes requirement ids in a mapping table cell', async () => {
    const text = `${readFileSync(MECH, 'utf8')}| R |`;
    await client.change(MECH, 2, text);
    const lines = text.split('\n');
    const items = await client.request<CompletionItem[]>('textDocument/completion', at(MECH, lines.length - 1, 3));
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('R1.1') && labels.includes('R2.1'), labels.join(' '));
    assert.match(items.find((i) => i.label === 'R1.1')!.detail ?? '', /kerb segments/);
    await client.change(MECH, 3, readFileSync(MECH, 'utf8'));
  });

  it('lists the outline and workspace symbols', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', doc(CAPS));
    const flat = (s: DocumentSymbol[]): string[] => s.flatMap((x) => [x.name, ...flat(x.children ?? [])]);
    const names = flat(symbols);
    for (const n of ['C1', 'R1.1', 'R1.2', 'C2', 'R2.1'])
      assert.ok(
        names.some((x) => x.startsWith(n)),
        `${n} in ${names.join(', ')}`,
      );
    const found = await client.request<{ name: string; location: Location }[]>('workspace/symbol', { query: 'R2.1' });
    assert.ok(found.some((s) => s.name.includes('R2.1') && s.location.uri === uri(CAPS)));
  });

  it('shows a code lens above each requirement', async () => {
    const lenses = await client.request<{ range: { start: { line: number } }; command: { title: string } }[]>(
      'textDocument/codeLens',
      doc(CAPS),
    );
    const r11 = lenses.find((l) => l.range.start.line === 14)!;
    assert.match(r11.command.title, /satisfied by M1/);
  });

  it('offers the keyword-case quick fix and a fix-all', async () => {
    const text = readFileSync(CAPS, 'utf8').replace('Systems SHOULD expose', 'Systems should expose');
    await client.change(CAPS, 2, text);
    const diags = await client.diagnostics(uri(CAPS), (d) => d.some((x) => x.code === 'requirement/keyword-case'));
    const d = diags.find((x) => x.code === 'requirement/keyword-case')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      ...doc(CAPS),
      range: d.range,
      context: { diagnostics: [d] },
    });
    const fix = actions.find((a) => a.kind === 'quickfix' && /SHOULD/.test(a.title))!;
    assert.equal(fix.edit!.changes![uri(CAPS)][0].newText, 'SHOULD');
    await client.change(CAPS, 3, readFileSync(CAPS, 'utf8'));
  });

  it('answers semantic tokens, folding ranges and document links', async () => {
    const tokens = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', doc(CAPS));
    assert.ok(tokens.data.length > 0 && tokens.data.length % 5 === 0);
    const folds = await client.request<{ startLine: number }[]>('textDocument/foldingRange', doc(CAPS));
    assert.ok(
      folds.some((f) => f.startLine === 10),
      'the C1 section folds',
    );
    const links = await client.request<{ target: string }[]>(
      'textDocument/documentLink',
      doc(join(WS, 'docs', 'SUMMARY.md')),
    );
    assert.ok(Array.isArray(links));
  });

  it('rewrites links when a page is renamed', async () => {
    const edit = await client.request<WorkspaceEdit | null>('workspace/willRenameFiles', {
      files: [{ oldUri: uri(MECH), newUri: uri(join(WS, 'docs', 'solutions.md')) }],
    });
    const summary = edit?.changes?.[uri(join(WS, 'docs', 'SUMMARY.md'))];
    assert.equal(summary?.[0].newText, 'solutions.md');
  });

  it('outlines and hovers a document that stops parsing from the one model read around the error', async () => {
    const broken = join(WS, 'broken.mim.yaml');
    const good =
      'mim: MIM9\ntitle: Broken\ncapabilities:\n  - id: C1\n    title: Kept\n    requirements:\n      - id: R1.1\n        text: Systems SHALL keep it.\n';
    await client.open(broken, good);
    // Without its colon, `requirements` would swallow the list below it into a multi-line key.
    await client.change(broken, 2, good.replace('requirements:', 'requirements'));
    const diags = await client.diagnostics(uri(broken), (d) => d.some((x) => x.code === 'syntax/yaml'));
    assert.ok(diags.length > 0);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', doc(broken));
    const flat = (s: DocumentSymbol[]): string[] => s.flatMap((x) => [x.name, ...flat(x.children ?? [])]);
    assert.ok(
      flat(symbols).some((n) => n.startsWith('R1.1')),
      flat(symbols).join(', '),
    );
    const h = await client.request<Hover | null>('textDocument/hover', at(broken, 6, 14));
    assert.match((h?.contents as { value: string } | undefined)?.value ?? '', /Systems SHALL keep it/);
  });

  it('survives a 50,000-line page and keeps answering', async () => {
    const big = join(WS, 'docs', 'big.md');
    const lines = ['# Capabilities and Requirements', ''];
    for (let c = 1; lines.length < 50000; c++) {
      lines.push(`## C${c} Capability ${c}`, '');
      for (let r = 1; r <= 8; r++) lines.push(`* **R${c}.${r}** Systems SHALL record item ${r} of capability ${c}.`);
      lines.push('');
    }
    const docUri = await client.open(big, lines.join('\n'));
    const diags = await client.diagnostics(docUri, () => true, 60000);
    assert.ok(Array.isArray(diags));
    const h = await client.request<Hover>('textDocument/hover', at(big, 4, 5));
    assert.match((h.contents as { value: string }).value, /R1\.1/);
  });

  it('answers a cancelled request with RequestCancelled, or in full, and goes on answering', async () => {
    const params = { ...at(CAPS, 14, 5), context: { includeDeclaration: true } };
    const full = await client.request<Location[]>('textDocument/references', params);
    assert.ok(full.length > 1);
    for (const method of ['textDocument/references', 'workspace/symbol']) {
      const source = new CancellationTokenSource();
      const pending = client.connection.sendRequest(
        method,
        method === 'workspace/symbol' ? { query: 'R1' } : params,
        source.token,
      );
      source.cancel();
      const outcome = await pending.then(
        (result) => ({ result }),
        (e: { code?: number }) => ({ code: e.code }),
      );
      // A request the server had already started may still be answered, but only in full.
      if ('code' in outcome) assert.equal(outcome.code, LSPErrorCodes.RequestCancelled, method);
      else if (method === 'textDocument/references') assert.deepEqual(outcome.result, full);
    }
    assert.deepEqual(await client.request<Location[]>('textDocument/references', params), full);
  });
});
