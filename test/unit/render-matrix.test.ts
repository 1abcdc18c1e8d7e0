import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizePath } from '../../server/src/base/paths.js';
import { NodeFileSystem } from '../../server/src/node/file-system.js';
import { traceabilityMatrix } from '../../server/src/query/traceability.js';
import { csvField, matrixCsv, matrixCsvChunks } from '../../server/src/render/matrix-csv.js';
import type { TraceRow } from '../../server/src/query/trace-types.js';
import { escapeHtml, matrixRowsHtml, matrixSummaryHtml } from '../../server/src/render/matrix-html.js';
import { matrixJson } from '../../server/src/render/matrix-json.js';
import { markdownCell, matrixMarkdown } from '../../server/src/render/matrix-markdown.js';
import { Workspace } from '../../server/src/workspace/workspace.js';
import { matchGolden } from '../support/golden.js';
import { memoryWorkspace } from '../support/memory-fs.js';
import { fixture } from '../support/paths.js';

const DIR = normalizePath(fixture('matrix'));
const local = (file: string) => file.slice(DIR.length + 1);
const uriOf = (file: string) => `file:///fx/${local(file)}`;

async function fixtureMatrix() {
  const ws = new Workspace(new NodeFileSystem(), { roots: [DIR], incremental: false });
  await ws.scan();
  return traceabilityMatrix(ws.index, ws.mims());
}

describe('matrix renderings', () => {
  it('CSV in chunks: whole lines, each chunk given up once written, the same text as in one piece', () => {
    const rows: TraceRow[] = Array.from({ length: 3000 }, (_, i) => ({
      id: `R${i % 20}.${i}`,
      mim: `MIM${i % 7}`,
      capability: i % 5 === 0 ? undefined : `C${i % 20}`,
      level: 'required',
      text: 'x',
      file: `/ws/MIM${i % 7}/spec, part ${i % 3}.md`,
      line: i,
      mechanisms: i % 2 ? [{ id: 'M1', mim: `MIM${i % 7}`, file: '/ws/m.md', line: 1 }] : [],
      tests: [],
    }));
    const chunks = [...matrixCsvChunks(rows)];
    assert.ok(chunks.length > 1, `${chunks.length} chunk`);
    for (const c of chunks) assert.ok(c.endsWith('\r\n'));
    assert.equal(chunks.join(''), matrixCsv(rows));
    assert.equal(matrixCsv(rows).split('\r\n').length, rows.length + 2);
  });

  it('CSV, Markdown and JSON of the fixture match their golden files', async () => {
    const m = await fixtureMatrix();
    matchGolden('render/matrix/matrix.csv', matrixCsv(m.rows, local));
    matchGolden('render/matrix/matrix.md', matrixMarkdown(m.rows, m.unknown, m.coverage, local));
    matchGolden('render/matrix/matrix.json', `${JSON.stringify(matrixJson(m, local), null, 2)}\n`);
  });

  it('HTML rows: every cell carries its source, marks say what is missing, document text is escaped', async () => {
    const m = await fixtureMatrix();
    const html = matrixRowsHtml(m.rows, uriOf);
    matchGolden('render/matrix/rows.html', `${html}\n`);
    const cells = html.match(/<td[^>]*>/g)!;
    assert.equal(cells.length, m.rows.length * 6);
    for (const td of cells) assert.match(td, / data-uri="file:\/\/\/fx\/[^"]+" data-line="\d+"/);
    assert.equal((html.match(/<a class="trace-item"[^>]* data-uri="[^"]+" data-line="\d+"/g) ?? []).length, 10);
    assert.match(html, /<tr class="trace-row unsatisfied untested" data-id="MIM3\.R1\.3"/);
    assert.match(
      html,
      /title="Operators SHOULD publish vehicle positions &lt;img src=&quot;x&quot; onerror=alert\(1\)&gt; &amp; more\."/,
    );
    assert.doesNotMatch(html, /<img|<script/);
  });

  it('HTML summary: coverage and unknown ids, escaped, with their sources', async () => {
    const m = await fixtureMatrix();
    const html = matrixSummaryHtml(m.coverage, m.unknown, uriOf);
    matchGolden('render/matrix/summary.html', `${html}\n`);
    assert.match(html, /Nothing maps here &lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.doesNotMatch(html, /<script|<img/);
    assert.equal((html.match(/<li class="unknown" data-uri="[^"]+" data-line="\d+">/g) ?? []).length, 4);
    assert.match(html, /8 requirements: 5 satisfied \(62\.5%\), 4 tested \(50%\); 4 unknown ids/);
  });

  it('escapes HTML text and attribute values', () => {
    assert.equal(
      escapeHtml(`<a href="x" onclick='y'>&amp;</a>`),
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
  });

  it('quotes CSV fields as RFC 4180 says, and defuses formulas', () => {
    assert.equal(csvField('R1.1'), 'R1.1');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`);
    assert.equal(csvField('+1'), "'+1");
    assert.equal(csvField('-2'), "'-2");
    assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvField('\tx'), "'\tx");
    assert.equal(csvField('a=b'), 'a=b');
  });

  it('defuses a formula in a file path of the CSV, and ends lines with CRLF', async () => {
    const ws = await memoryWorkspace({
      '/ws/=cmd|calc/spec.mim.yaml': [
        'mim: MIM4',
        'capabilities:',
        '  - id: C1',
        '    title: T',
        '    requirements:',
        '      - id: R1.1',
        '        text: Systems SHALL do it.',
        '',
      ].join('\n'),
    });
    const csv = matrixCsv(traceabilityMatrix(ws.index, ws.mims()).rows, (f) => f.slice('/ws/'.length));
    assert.equal(
      csv,
      'mim,requirement,capability,level,mechanisms,tests,satisfied,tested,file,line\r\n' +
        "MIM4,R1.1,C1,required,,,no,no,'=cmd|calc/spec.mim.yaml,6\r\n",
    );
  });

  it('escapes what Markdown would read as markup or a cell end', () => {
    assert.equal(markdownCell('a|b'), 'a\\|b');
    assert.equal(markdownCell('<b>*x*</b>\nnext'), '\\<b\\>\\*x\\*\\</b\\> next');
    assert.equal(markdownCell('R1.1'), 'R1.1');
  });
});
