import assert from 'node:assert/strict';
import { relative } from 'node:path';
import { describe, it } from 'node:test';
import { normalizePath } from '../../server/src/base/paths.js';
import { NodeFileSystem } from '../../server/src/node/file-system.js';
import { buildMimGraph, type MimGraph, type MimGraphOptions } from '../../server/src/query/mim-graph.js';
import { renderGraphDot } from '../../server/src/render/graph-dot.js';
import { escapeXml, renderGraphSvg } from '../../server/src/render/graph-svg.js';
import { Workspace } from '../../server/src/workspace/workspace.js';
import { matchGolden } from '../support/golden.js';
import { MemoryFileSystem } from '../support/memory-fs.js';
import { fixture, ROOT } from '../support/paths.js';

async function graphOf(dir: string, options: MimGraphOptions = {}): Promise<MimGraph> {
  const ws = new Workspace(new NodeFileSystem(), { roots: [normalizePath(dir)], incremental: false });
  await ws.scan();
  return buildMimGraph(ws.index, (f) => ws.registryFor(f), options);
}

/** URIs relative to the repository, so the golden file is the same on every machine. */
const uriOf = (file: string) => `file:///repo/${relative(ROOT, file).split('\\').join('/')}`;

const TAGS = new Set(['svg', 'style', 'defs', 'marker', 'path', 'g', 'title', 'rect', 'text']);
const ATTRIBUTES = new Set([
  'xmlns',
  'class',
  'width',
  'height',
  'viewBox',
  'role',
  'aria-label',
  'id',
  'refX',
  'refY',
  'markerWidth',
  'markerHeight',
  'orient',
  'd',
  'data-from',
  'data-to',
  'data-uri',
  'data-line',
  'data-id',
  'data-expand',
  'marker-end',
  'x',
  'y',
  'rx',
]);

describe('MIM graph as SVG', () => {
  it('draws the fixture graph with MIM21 expanded (golden)', async () => {
    const svg = renderGraphSvg(await graphOf(fixture('graph'), { expand: ['MIM21'] }), { uriOf });
    matchGolden('render/graph/fixture-expanded.svg', svg);
  });

  it('marks nodes for click-to-source and expansion, registry MIMs apart from workspace MIMs', async () => {
    const svg = renderGraphSvg(await graphOf(fixture('graph')), { uriOf });
    assert.match(
      svg,
      /<g class="node node-mim" data-id="MIM21" data-uri="file:\/\/\/repo\/test\/fixtures\/graph\/hub.mim.yaml" data-line="0" data-expand="MIM21">/,
    );
    assert.match(svg, /<g class="node node-registry" data-id="MIM2"><title>MIM2: Representing Data<\/title>/);
    assert.match(svg, /<g class="node node-unknown" data-id="MIM99">/);
    // The five references from MIM20 to MIM21 are one arrow labelled 5.
    assert.match(
      svg,
      /<g class="edge edge-prose" data-from="MIM20" data-to="MIM21"[^>]*><title>MIM20 → MIM21: 2 mentions in prose, 1 seeAlso, 1 global id, 1 satisfies<\/title>\n<path d="[^"]+" marker-end="url\(#mim-graph-arrow\)"\/>\n<rect[^>]*\/><text class="count"[^>]*>5<\/text>/,
    );
    assert.match(svg, /var\(--vscode-editor-foreground, #1f2328\)/);
  });

  it('escapes every text: a hostile title opens no tag and adds no attribute', async () => {
    const svg = renderGraphSvg(await graphOf(fixture('graph'), { expand: ['MIM20'] }), { uriOf, style: false });
    assert.ok(
      svg.includes('Hostile alert(1) &amp; &quot;quotes&quot; &#39;single&#39; 1 &lt; 2 &gt; 0 ]]&gt; --&gt; \ufffd'),
    );
    assert.ok(!svg.includes('<style'));
    for (const [, tag] of svg.matchAll(/<\/?([A-Za-z][\w:-]*)/g)) assert.ok(TAGS.has(tag), `unexpected tag <${tag}>`);
    for (const [, tag] of svg.matchAll(/<[A-Za-z]+((?:\s+[^\s=>]+="[^"<>]*")*)\s*\/?>/g)) {
      for (const [, name] of tag.matchAll(/\s+([^\s=]+)=/g))
        assert.ok(ATTRIBUTES.has(name), `unexpected attribute ${name}`);
    }
    // Every tag is well formed: what is not a whole tag holds no `<`.
    const rest = svg.replace(/<\/?[A-Za-z][^<>]*>/g, '').replace(/<style>[\s\S]*?<\/style>/, '');
    assert.ok(!rest.includes('<') && !rest.includes('>'), 'a stray angle bracket');
  });

  it('escapes what XML forbids and quotes, lone surrogates included', () => {
    assert.equal(escapeXml(`a<b>&"'\u0001\ud800z`), 'a&lt;b&gt;&amp;&quot;&#39;\ufffd\ufffdz');
    assert.equal(escapeXml('\ud83d\ude00'), '\ud83d\ude00');
  });

  it('gives the same bytes for the same workspace', async () => {
    const a = renderGraphSvg(await graphOf(ROOT + '/examples', { expand: ['MIM8', 'MIM7'] }), { uriOf });
    const b = renderGraphSvg(await graphOf(ROOT + '/examples', { expand: ['MIM7', 'MIM8'] }), { uriOf });
    assert.equal(a, b);
    assert.equal((a.match(/<g class="node /g) ?? []).length, 30);
  });
});

describe('MIM graph of a workspace too large to lay out whole', () => {
  it('draws the most linked MIMs within the default limits, and says so', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 150; i++) {
      const others = Array.from({ length: 12 }, (_, k) => `MIM${100 + ((i * 11 + k * 17 + 1) % 150)}`);
      files[`/w/m${i}.mim.yaml`] =
        `mim: MIM${100 + i}\ntitle: Crowd ${i}\nobjective: Builds on ${others.join(', ')}.\n`;
    }
    const ws = new Workspace(new MemoryFileSystem(files), { roots: ['/w'], incremental: false });
    await ws.scan();
    const graph = buildMimGraph(ws.index, (f) => ws.registryFor(f));
    const started = performance.now();
    const svg = renderGraphSvg(graph, { uriOf });
    const ms = performance.now() - started;
    assert.ok(
      graph.edges.length <= 300 && graph.nodes.length <= 160,
      `${graph.nodes.length} boxes, ${graph.edges.length} arrows`,
    );
    assert.match(graph.truncated ?? '', /^The workspace holds 150 MIMs and 1\d{3} arrows/);
    assert.equal((svg.match(/<g class="edge /g) ?? []).length, graph.edges.length);
    // About a second on a quiet machine; the bound is for a busy one, far below what the whole graph takes.
    assert.ok(ms < 30000, `${Math.round(ms)} ms`);
  });
});

describe('MIM graph of nothing', () => {
  it('says that it found no MIM, in an SVG of finite size', () => {
    const svg = renderGraphSvg({ nodes: [], edges: [] }, { uriOf, style: false });
    assert.ok(svg.includes('width="200" height="40" viewBox="0 0 200 40"'));
    assert.ok(svg.includes('<text class="empty" x="12" y="24">No MIM found.</text>'));
  });
});

describe('MIM graph as DOT', () => {
  it('keeps every label inside its quotes', async () => {
    const dot = renderGraphDot(await graphOf(fixture('graph')));
    assert.ok(
      dot.includes(
        '"MIM20" [label="MIM20\\nHostile alert(1) & \\"quotes\\" \'single\' 1 < 2 > 0 ]]> --> \u0001", style=solid];',
      ),
    );
    assert.ok(dot.includes('"MIM20" -> "MIM21" [label="5", tooltip='));
    assert.match(dot, /^digraph mims \{\n[\s\S]*\}\n$/);
  });
});
