import assert from 'node:assert/strict';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { normalizePath } from '../../server/src/base/paths.js';
import type { Mim } from '../../server/src/model/mim.js';
import { NodeFileSystem } from '../../server/src/node/file-system.js';
import { esc, fileUri } from '../../server/src/render/html.js';
import { renderHtmlDocument, renderPreview } from '../../server/src/render/preview.js';
import { Workspace } from '../../server/src/workspace/workspace.js';
import { matchGolden } from '../support/golden.js';
import { memoryWorkspace } from '../support/memory-fs.js';
import { CORPUS, fixture, ROOT } from '../support/paths.js';

// URIs relative to the repository, so that the golden files hold no path of the machine.
const uriOf = (path: string) => `file:///${relative(ROOT, path).replace(/\\/g, '/')}`;

async function mimsUnder(path: string): Promise<{ ws: Workspace; mims: readonly Mim[] }> {
  const ws = new Workspace(new NodeFileSystem(), { roots: [normalizePath(path)], incremental: false });
  await ws.scan();
  return { ws, mims: ws.mims() };
}

async function preview(path: string): Promise<string[]> {
  const { ws, mims } = await mimsUnder(path);
  const findings = [...ws.check().values()].flat();
  return mims.map((m) => renderPreview(m, { findings, uriOf }).html);
}

/** The fragment split into lines at block boundaries, so that a golden diff points at the element. */
const lines = (html: string) =>
  `${html.replace(/(<(?:section|h[1-6]|div|p|table|tr|ul|li|dl|dt)\b)/g, '\n$1').trim()}\n`;

const CASES: [string, string][] = [
  ['local-digital-twins', join(ROOT, 'examples', 'local-digital-twins.mim.yaml')],
  ['geospatial-data', join(ROOT, 'examples', 'geospatial-data')],
  ['securing-sensor-data', join(ROOT, 'examples', 'with-mistakes', 'securing-sensor-data.mim.yaml')],
  ['urban-mobility', join(ROOT, 'examples', 'with-mistakes', 'urban-mobility')],
  ['recommendation', fixture('gitbook', 'recommendation.mim.yaml')],
  ['single-page', fixture('render', 'hostile', 'page')],
];

describe('preview of a MIM', () => {
  for (const [name, path] of CASES) {
    it(`renders ${name} in Y.MIM order, numbered, with its findings`, async () => {
      const [html] = await preview(path);
      matchGolden(`render/preview/${name}.html`, lines(html));
    });
  }

  it('gives every requirement its id, level badge, highlighted keyword and source line', async () => {
    const file = join(ROOT, 'examples', 'local-digital-twins.mim.yaml');
    const { mims } = await mimsUnder(file);
    const html = renderPreview(mims[0], { uriOf }).html;
    const r = mims[0].requirements.find((x) => x.id === 'R1.2')!;
    const div = new RegExp(
      `<div class="requirement level-recommended" id="requirement-R1.2" data-uri="file:///examples/local-digital-twins.mim.yaml" data-line="${r.range.start.line}"><span class="req-id">R1.2</span> <span class="badge badge-recommended">recommended</span> <span class="statement">The twin <strong class="kw kw-recommended">SHOULD</strong> record`,
    );
    assert.match(html, div);
    const order = [
      'Objective',
      'Capabilities and Requirements',
      'Mechanisms',
      'Interoperability Guidance',
      'Conformance',
    ];
    const at = order.map((t) => html.indexOf(`</span> ${t}`));
    assert.ok(
      at.every((i, k) => i > 0 && (k === 0 || i > at[k - 1])),
      String(at),
    );
    assert.match(html, /<span class="num">2\.3<\/span> <span class="el-id">C3<\/span>/);
    assert.match(html, /<a class="mim-xref" data-mim="MIM7" href="#">MIM7\.R1\.2<\/a>/);
  });

  it('puts a draft Recommendation in its own clause order', async () => {
    const [html] = await preview(fixture('gitbook', 'recommendation.mim.yaml'));
    const order = [
      'Summary',
      'Keywords',
      '1</span> Scope',
      '2</span> References',
      '3</span> Definitions',
      '4</span> Abbreviations',
      '5</span> Conventions',
      '6</span> Objective',
      '7</span> Capabilities',
      '10</span> Conformance',
    ];
    const at = order.map((t) => html.indexOf(t));
    assert.ok(
      at.every((i, k) => i > 0 && (k === 0 || i > at[k - 1])),
      JSON.stringify(order.map((t, k) => [t, at[k]])),
    );
  });

  it('shows a finding beside the element it sits on', async () => {
    const [html] = await preview(join(ROOT, 'examples', 'with-mistakes', 'securing-sensor-data.mim.yaml'));
    assert.match(
      html,
      /<li class="finding finding-(error|warning|info)" data-uri="[^"]+" data-line="\d+"><code>[a-z-]+\/[a-z-]+<\/code> /,
    );
  });
});

// What the views may contain: tags of this list, each attribute double-quoted with no `<` in it.
const TAGS = new Set(
  'a article b blockquote br code dd div dl dt em h1 h2 h3 h4 h5 h6 header hr li ol p pre s section span strong table tbody td th thead tr ul'.split(
    ' ',
  ),
);
const ATTRS = new Set([
  'class',
  'id',
  'href',
  'data-uri',
  'data-line',
  'data-mim',
  'data-id',
  'style',
  'start',
  'title',
]);

/** Every markup of the fragment, checked as a strict tokenizer reads it: anything else is text. */
export function assertInert(html: string): void {
  const tag = /<(\/?)([a-z0-9]+)((?:\s+[a-z-]+="[^"<]*")*)\s*>/gy;
  for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
    tag.lastIndex = i;
    const m = tag.exec(html);
    assert.ok(m, `markup that is not a plain tag at ${i}: ${html.slice(i, i + 80)}`);
    assert.ok(TAGS.has(m[2]), `tag <${m[2]}> at ${i}`);
    for (const a of m[3].matchAll(/([a-z-]+)="([^"]*)"/g)) {
      assert.ok(ATTRS.has(a[1]), `attribute ${a[1]} on <${m[2]}>`);
      if (a[1] === 'style') assert.fail('no inline style');
      if (a[1] === 'href') {
        const url = a[2].replace(/&#?\w+;/g, '').replace(/[\u0000-\u0020]/g, '');
        assert.ok(/^(https?:|mailto:|#|[^:]*$)/i.test(url), `href ${a[2]}`);
      }
    }
  }
}

describe('preview of a hostile MIM', () => {
  it('holds no markup that runs or loads: every text of the documents is escaped', async () => {
    const htmls = await preview(fixture('render', 'hostile'));
    assert.equal(htmls.length, 2);
    for (const html of htmls) {
      assertInert(html);
      assert.doesNotMatch(html, /<(script|img|iframe|meta|svg|style|link|object|embed)\b/i);
      assert.match(html, /&lt;script&gt;window.__pwned/);
      assert.match(html, /evil\.example/);
    }
    const doc = renderHtmlDocument((await mimsUnder(fixture('render', 'hostile'))).mims[0]);
    assert.equal(doc.match(/<script/gi), null);
    assert.equal(doc.match(/<meta http-equiv/gi)?.length, 1);
    assert.match(doc, /content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"/);
  });

  it('renders a remote image as a link to it', async () => {
    const html = (await preview(fixture('render', 'hostile'))).join('');
    assert.match(html, /<a class="image-link" href="https:\/\/evil.example\/image.png">\[image: remote image\]<\/a>/);
  });
});

describe('preview of every MIM of the fixtures and the corpus', () => {
  const roots = [fixture(), join(ROOT, 'examples'), ...(CORPUS ? [CORPUS] : [])];
  for (const root of roots) {
    it(`renders each MIM under ${relative(ROOT, root) || root} without throwing, holding no live markup`, async () => {
      const { ws, mims } = await mimsUnder(root);
      const findings = [...ws.check().values()].flat();
      assert.ok(mims.length > 0);
      for (const mim of mims) {
        const { html } = renderPreview(mim, { findings, uriOf });
        assert.ok(html.startsWith('<article class="mim-preview"'), mim.root);
        assertInert(html);
        for (const r of mim.requirements)
          if (r.id) assert.ok(html.includes(`id="requirement-${esc(r.id)}"`), `${mim.root} ${r.id}`);
      }
    });
  }
});

describe('fileUri', () => {
  it('percent-encodes each segment of a path, so that a name holding #, ? or % still names the file', () => {
    assert.equal(fileUri('/srv/a b/c#d?.md'), 'file:///srv/a%20b/c%23d%3F.md');
    assert.equal(fileUri('/x/100%.md'), 'file:///x/100%25.md');
    assert.equal(fileUri('C:/docs/r.md'), 'file:///C:/docs/r.md');
  });
});

describe('a page whose requirements stand under no capability', () => {
  it('renders each once, as a requirement, with the prose before them', async () => {
    const ws = await memoryWorkspace({
      '/ws/mimspec.yaml': 'mim: MIM5\nconventions: bcp14\n',
      '/ws/docs/README.md': [
        '# Loose (MIM5)',
        '',
        '## Objective',
        '',
        'Cities share things.',
        '',
        '## Capabilities and Requirements',
        '',
        'These hold for every system.',
        '',
        '* **R1.1** Systems SHALL share things.',
        '* **R1.2** Systems MAY keep copies.',
        '',
      ].join('\n'),
    });
    const html = renderPreview(ws.mims()[0]).html;
    assert.equal(html.split('keep copies').length - 1, 1, html);
    assert.equal(html.split('R1.1').length - 1, 2, html); // its id attribute and its label
    assert.match(html, /These hold for every system\.<\/p>/);
    assert.match(
      html,
      /id="requirement-R1\.2"[^>]*><span class="req-id">R1\.2<\/span> <span class="badge badge-optional">optional<\/span>/,
    );
  });
});
