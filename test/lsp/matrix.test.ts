import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { TestClient, uri } from '../support/lsp-client.js';
import { fixture } from '../support/paths.js';

const DIR = fixture('matrix');

interface Page {
  html: string;
  summaryHtml?: string;
  total: number;
  offset: number;
  count: number;
  coverage: { total: { requirements: number; satisfied: number }; mims: { mim: string }[] };
}

const rowIds = (html: string) => [...html.matchAll(/<tr [^>]*data-id="([^"]+)"/g)].map((m) => m[1]);

describe('mimspec/matrix over the protocol', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize(DIR);
  });
  after(async () => {
    await client.shutdown();
  });

  it('pages the rows of the workspace, with the summary and coverage', async () => {
    const first = await client.request<Page>('mimspec/matrix', { scope: 'workspace', limit: 3 });
    assert.equal(first.total, 8);
    assert.equal(first.offset, 0);
    assert.equal(first.count, 3);
    assert.deepEqual(rowIds(first.html), ['MIM3.R1.1', 'MIM3.R1.2', 'MIM3.R1.3']);
    assert.match(first.html, /data-uri="file:\/\/[^"]+\/capabilities-and-requirements\.md" data-line="4"/);
    assert.deepEqual(first.coverage?.total.requirements, 8);
    assert.deepEqual(
      first.coverage?.mims.map((m) => m.mim),
      ['MIM3', 'MIM5'],
    );
    assert.match(
      first.summaryHtml ?? '',
      /<li class="unknown" data-uri="file:\/\/[^"]+\/mechanisms\.md" data-line="10">/,
    );
    const last = await client.request<Page>('mimspec/matrix', { scope: 'workspace', offset: 6, limit: 3 });
    assert.deepEqual([last.offset, last.count, last.total], [6, 2, 8]);
    assert.deepEqual(rowIds(last.html), ['MIM5.R1.2', 'MIM5.R2.1']);
    assert.equal(last.summaryHtml, first.summaryHtml);
    // A view asking for its next page leaves out what it shows already.
    const next = await client.request<Page>('mimspec/matrix', {
      scope: 'workspace',
      offset: 3,
      limit: 3,
      summary: false,
    });
    assert.deepEqual(Object.keys(next).sort(), ['count', 'html', 'offset', 'total']);
    assert.deepEqual([next.offset, next.count, next.total], [3, 3, 8]);
    assert.deepEqual(rowIds(next.html), ['MIM3.R2.1', 'MIM3.R2.2', 'MIM5.R1.1']);
    const beyond = await client.request<Page>('mimspec/matrix', { scope: 'workspace', offset: 99 });
    assert.deepEqual([beyond.offset, beyond.count, beyond.html], [8, 0, '']);
  });

  it('filters, and shows the MIM of a file', async () => {
    const filtered = await client.request<Page>('mimspec/matrix', { scope: 'workspace', filter: 'unsatisfied' });
    assert.deepEqual(rowIds(filtered.html), ['MIM3.R1.3', 'MIM3.R2.2', 'MIM5.R2.1']);
    assert.equal(filtered.total, 3);
    const mim = await client.request<Page>('mimspec/matrix', { uri: uri(`${DIR}/spec.mim.yaml`), scope: 'mim' });
    assert.deepEqual(rowIds(mim.html), ['MIM5.R1.1', 'MIM5.R1.2', 'MIM5.R2.1']);
    assert.equal(mim.coverage?.total.requirements, 3);
  });

  it('answers mimspec/matrixCsv with the whole CSV, and follows an edit', async () => {
    const { csv } = await client.request<{ csv: string }>('mimspec/matrixCsv', {
      uri: uri(`${DIR}/spec.mim.yaml`),
      scope: 'mim',
    });
    const lines = csv.split('\r\n');
    assert.equal(lines[0], 'mim,requirement,capability,level,mechanisms,tests,satisfied,tested,file,line');
    assert.match(lines[3], /^MIM5,R2\.1,C2,required,,,no,no,.*spec\.mim\.yaml,15$/);
    // A test now covers R2.1: the cached matrix of the old state is not served.
    const spec = `${DIR}/spec.mim.yaml`;
    const text = readFileSync(spec, 'utf8').replace('covers: [R1.1, MIM3.R1.3]', 'covers: [R1.1, R2.1]');
    await client.open(spec, text);
    const after = await client.request<{ csv: string }>('mimspec/matrixCsv', { uri: uri(spec), scope: 'mim' });
    assert.match(after.csv.split('\r\n')[3], /^MIM5,R2\.1,C2,required,,T1,no,yes,/);
  });
});
