import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../server/src/model/finding.js';
import { memoryWorkspace } from '../support/memory-fs.js';
import { range as r } from '../../server/src/model/range.js';

async function findings(files: Record<string, string>, code: string): Promise<Finding[]> {
  const ws = await memoryWorkspace(files);
  return [...ws.check().values()].flat().filter((f) => f.code === code);
}

const H1 = '# Geospatial Data (MIM7)\n\n';

describe('structure/lost-heading', () => {
  it('points at the glued title and offers to make it a heading', async () => {
    const [f, ...rest] = await findings(
      { '/ws/docs/README.md': `${H1}Cities compare results in analytics.Capabilities\r\nMore text.\r\n` },
      'structure/lost-heading',
    );
    assert.equal(rest.length, 0);
    assert.deepEqual(f.range, r(2, 36, 2, 48));
    assert.deepEqual(f.fixes?.[0].edits, [
      { file: '/ws/docs/README.md', range: r(2, 36, 2, 36), newText: '\r\n\r\n## ' },
    ]);
  });

  it('ignores a title after a space, in the middle of a line, or in a list item', async () => {
    const page = `${H1}The next part is Capabilities\n\nRead the text.Mechanisms are below.\n\n* a list item about analytics.Capabilities\n`;
    assert.deepEqual(await findings({ '/ws/docs/README.md': page }, 'structure/lost-heading'), []);
  });
});

describe('id/format', () => {
  it('offers the canonical id, using the capability a flat id sits under', async () => {
    const page = `${H1}## Capabilities and Requirements\n\n### C2 Data can be found\n\n* **R.3** Datasets SHALL have an identifier.\n`;
    const [f] = await findings({ '/ws/docs/README.md': page }, 'id/format');
    assert.equal(f.message, 'R.3 is not a requirement id: under C2 write R2.3');
    assert.equal(f.fixes?.[0].edits[0].newText, 'R2.3');
  });

  it('says which kind of id a YAML element needs when it has one of another kind', async () => {
    const spec = 'mim: MIM7\ntitle: Geospatial Data\ncapabilities:\n  - id: R1.1\n    title: Data can be found\n';
    const [f] = await findings({ '/ws/geo.mim.yaml': spec }, 'id/format');
    assert.equal(f.message, 'R1.1 is not a capability id: write C<n>, e.g. C1');
    assert.equal(f.fixes, undefined);
  });
});

describe('id/sequence', () => {
  it('tells disorder from a gap and points at the element that comes later', async () => {
    const page = `${H1}## Capabilities and Requirements\n\n### C1 One\n\n### C3 Three\n\n### C2 Two\n`;
    const [f, ...rest] = await findings({ '/ws/docs/README.md': page }, 'id/sequence');
    assert.equal(rest.length, 0);
    assert.equal(f.message, 'C3 follows C1; expected C2');
    assert.equal(f.related?.[0].range.start.line, 8);
  });

  it('accepts a sequence that starts at 0 and letter suffixes', async () => {
    const page = `${H1}## Capabilities and Requirements\n\n### C1 One\n\n* **R1.0** A SHALL b.\n* **R1.1a** A SHALL c.\n* **R1.1b** A SHALL d.\n* **R1.2** A SHALL e.\n`;
    assert.deepEqual(await findings({ '/ws/docs/README.md': page }, 'id/sequence'), []);
  });
});

describe('normative-in-informative', () => {
  const page = (mechanism: string) =>
    `${H1}## Capabilities and Requirements\n\n### C1 Data\n\n* **R1.1** Systems SHALL serve data over HTTPS.\n\n## Mechanisms\n\n### M1: API\n\n${mechanism}\n`;

  it('never counts a requirement quoted in a mechanism, in a table or as a paragraph', async () => {
    const table =
      '| Req. ID | Requirement | How |\n| --- | --- | --- |\n| R1.1 | Systems SHALL serve data over HTTPS. | Served over HTTPS. |\n\n> R1.1: "Systems SHALL serve data over HTTPS."';
    assert.deepEqual(await findings({ '/ws/docs/README.md': page(table) }, 'normative-in-informative'), []);
  });

  it('counts lower-case modals where the MIM declares iso, but not where nothing is declared', async () => {
    const text = 'Clients should revalidate.';
    assert.deepEqual(await findings({ '/ws/docs/README.md': page(text) }, 'normative-in-informative'), []);
    const [f] = await findings(
      { '/ws/docs/README.md': page(text), '/ws/docs/mimspec.yaml': 'conventions: iso\n' },
      'normative-in-informative',
    );
    assert.equal(f.message, 'should in Mechanisms: only Capabilities and Requirements are normative');
  });
});

describe('trace/unknown-requirement', () => {
  const spec = (mim: string, requirement: string, mapped: string) =>
    `mim: ${mim}\ntitle: Geospatial Data\ncapabilities:\n  - id: C1\n    title: Data can be found\n    requirements:\n      - id: ${requirement}\n        text: Datasets SHALL have an identifier.\nmechanisms:\n  - id: M1\n    title: Catalogue\n    satisfies:\n      - requirement: ${mapped}\n`;

  it('reads a local id in its own MIM, and a global one in the MIM it names', async () => {
    const files = {
      '/ws/a.mim.yaml': spec('MIM7', 'R1.1', 'R1.2'),
      '/ws/b.mim.yaml': spec('MIM8', 'R1.1', 'MIM7.R1.1'),
    };
    const found = await findings(files, 'trace/unknown-requirement');
    assert.deepEqual(
      found.map((f) => [f.file, f.message]),
      [['/ws/a.mim.yaml', 'R1.2 is not a requirement of MIM7']],
    );
  });

  it('reads a local id in every MIM that claims the same id', async () => {
    // Two files claim MIM7: a requirement of either answers a local id in both.
    const files = {
      '/ws/a.mim.yaml': spec('MIM7', 'R1.1', 'R1.2'),
      '/ws/b.mim.yaml': spec('MIM7', 'R1.2', 'R1.3'),
    };
    const found = await findings(files, 'trace/unknown-requirement');
    assert.deepEqual(
      found.map((f) => [f.file, f.message]),
      [['/ws/b.mim.yaml', 'R1.3 is not a requirement of MIM7']],
    );
  });
});
