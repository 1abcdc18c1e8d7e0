import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, DocumentSymbol, Hover, Location, SymbolInformation } from 'vscode-languageserver-protocol';
import { findCursor } from '../support/cursor.js';
import { fixture } from '../support/paths.js';
import { TestClient, uri } from '../support/lsp-client.js';

// A *.mim.yaml (MIM8) and a page of another MIM whose mapping table and prose name its requirements.
const WS = fixture('lsp', 'broken-yaml');
const SPEC = join(WS, 'lighting.mim.yaml');
const PAGE = join(WS, 'kerb', 'mechanisms.md');

const at = (path: string, text: string, snippet: string) => ({
  textDocument: { uri: uri(path) },
  position: findCursor(text, snippet),
});
const where = (l: Location) => `${l.uri.split('/').pop()}:${l.range.start.line}:${l.range.start.character}`;
const codes = (d: Diagnostic[]) => d.map((x) => `${x.code} ${x.range.start.line}`).sort();

describe('a *.mim.yaml that stops parsing, over stdio', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize(WS);
    await client.open(SPEC);
    await client.open(PAGE);
    await client.indexed();
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  it('keeps the requirements after a list that lost its ] for the other page, hover, definition and symbols', async () => {
    const page = readFileSync(PAGE, 'utf8');
    const intact = await client.diagnostics(uri(PAGE));
    assert.ok(!intact.some((d) => /^(trace|xref)\//.test(String(d.code))), JSON.stringify(codes(intact)));

    // The list ends capability C2: read alone by the recovering parser, C3 and R3.1 were lost.
    const text = readFileSync(SPEC, 'utf8').replace('seeAlso: [R2.1]', 'seeAlso: [R2.1');
    await client.change(SPEC, 2, text);
    await client.diagnostics(uri(SPEC), (d) => d.some((x) => x.code === 'syntax/yaml'));

    const h = await client.request<Hover | null>('textDocument/hover', at(SPEC, text, 'id: R{|}3.1'));
    assert.match(
      (h?.contents as { value: string } | undefined)?.value ?? '',
      /The city SHALL publish each dimming plan it adopts\./,
    );
    // Every notification sent before the hover's answer has arrived: the page's diagnostics are current.
    assert.deepEqual(codes(await client.diagnostics(uri(PAGE))), codes(intact));

    const defs = await client.request<Location[]>('textDocument/definition', at(PAGE, page, '| MIM8.R{|}3.1 |'));
    assert.deepEqual(defs.map(where), ['lighting.mim.yaml:23:12']);

    const mims = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'MIM8' });
    assert.ok(
      mims.some((s) => s.name.startsWith('MIM8') && s.location.uri === uri(SPEC)),
      JSON.stringify(mims.map((s) => s.name)),
    );
    const reqs = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'R3.1' });
    assert.deepEqual(
      reqs.filter((s) => s.location.uri === uri(SPEC)).map((s) => `${s.name} ${s.location.range.start.line}`),
      ['R3.1 23'],
    );
    const outline = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri: uri(SPEC) },
    });
    const flat = (s: DocumentSymbol[]): string[] => s.flatMap((x) => [x.name, ...flat(x.children ?? [])]);
    assert.ok(flat(outline).includes('R3.1'), flat(outline).join(', '));
  });
});
