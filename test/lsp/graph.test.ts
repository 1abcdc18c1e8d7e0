import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fixture } from '../support/paths.js';
import { TestClient, uri } from '../support/lsp-client.js';

const WS = fixture('graph');
const HOSTILE = fixture('graph', 'hostile.mim.yaml');
const HUB = fixture('graph', 'hub.mim.yaml');

interface GraphResult {
  svg: string;
  nodes: number;
  edges: number;
  truncated?: string;
}

describe('mimspec/graph over stdio', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize(WS);
  });
  after(async () => {
    await client.shutdown();
  });

  it('answers with the SVG of the workspace once it is indexed, nodes carrying their file URI and line', async () => {
    const r = await client.request<GraphResult>('mimspec/graph', { uri: uri(HUB) });
    assert.equal(r.nodes, 4);
    assert.equal(r.edges, 4);
    assert.equal(r.truncated, undefined);
    assert.ok(r.svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" class="mim-graph"'));
    assert.ok(
      r.svg.includes(
        `<g class="node node-mim" data-id="MIM21" data-uri="${uri(HUB)}" data-line="0" data-expand="MIM21">`,
      ),
    );
    assert.ok(r.svg.includes('<g class="node node-registry" data-id="MIM2">'));
    assert.ok(!r.svg.includes('<script'));
  });

  it('expands the MIMs asked for and focuses on one', async () => {
    const expanded = await client.request<GraphResult>('mimspec/graph', { expand: ['MIM21'] });
    assert.equal(expanded.nodes, 7);
    assert.ok(expanded.svg.includes('data-id="MIM21.R1.2"'));
    assert.deepEqual(await client.request<GraphResult>('mimspec/graph', { expand: ['MIM21'] }), expanded);
    const focused = await client.request<GraphResult>('mimspec/graph', { focus: 'MIM21' });
    // MIM21's only neighbour is MIM20.
    assert.equal(focused.nodes, 2);
    assert.equal(focused.edges, 2);
  });

  it('takes bad parameters as absent ones', async () => {
    const r = await client.request<GraphResult>('mimspec/graph', { uri: 42, focus: ['x'], expand: 'MIM21' });
    assert.equal(r.nodes, 4);
  });

  it('draws the text of an open editor, not the file on disk', async () => {
    const text = readFileSync(HOSTILE, 'utf8').replace('see also MIM99', 'see also MIM99 and MIM3');
    assert.notEqual(text, readFileSync(HOSTILE, 'utf8'));
    await client.open(HOSTILE, text);
    await client.diagnostics(uri(HOSTILE));
    const r = await client.request<GraphResult>('mimspec/graph', {});
    assert.equal(r.nodes, 5);
    assert.ok(r.svg.includes('<title>MIM3: Exchanging Data</title>'));
  });
});
