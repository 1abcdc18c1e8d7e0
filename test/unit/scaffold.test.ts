import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newMimFiles, TEMPLATES, type TemplateName } from '../../server/src/scaffold/new-mim.js';
import { nextFreeMim } from '../../server/src/scaffold/next-mim.js';
import { memoryWorkspace } from '../support/memory-fs.js';

/** The template written under /ws and read by the real engine: its MIMs and every finding. */
async function readBack(template: TemplateName, id: string, title: string) {
  const files = newMimFiles(template, { id, title, year: 2026 });
  const ws = await memoryWorkspace(Object.fromEntries([...files].map(([path, text]) => [`/ws/${path}`, text])));
  const findings = [...ws.check().values()].flat();
  return { files, mims: ws.mims(), findings };
}

const TITLES = [
  'Noise Monitoring',
  'Air quality: "PM2.5" & <NO2> #1',
  "Water # levels' [draft] {v2}",
  'Über: Straßen – Verkehr',
];

describe('new MIM templates', () => {
  for (const { name } of TEMPLATES) {
    for (const title of TITLES) {
      it(`${name}: checks clean and reads back into the number and title given (${title})`, async () => {
        const { mims, findings } = await readBack(name, 'MIM21', title);
        assert.deepEqual(
          findings.map((f) => `${f.severity} ${f.code} ${f.message}`),
          [],
        );
        assert.equal(mims.length, 1);
        assert.equal(mims[0].id, 'MIM21');
        assert.equal(mims[0].title, title);
        // Every part of the Y.MIM structure is there, each requirement mapped and tested.
        assert.ok(mims[0].capabilities.length > 0 && mims[0].requirements.length > 0);
        assert.ok(mims[0].mechanisms.length > 0 && mims[0].guidance.length > 0 && mims[0].tests.length > 0);
      });
    }
  }

  it('writes the ITU-T clauses only in the itu template, and the GitBook pages only in gitbook', async () => {
    const itu = await readBack('itu', 'MIM21', 'Noise');
    assert.ok(itu.mims[0].documents[0].itu, 'the itu template has an itu block');
    const yaml = await readBack('yaml', 'MIM21', 'Noise');
    assert.equal(yaml.mims[0].documents[0].itu, undefined);
    const gitbook = await readBack('gitbook', 'MIM21', 'Noise');
    assert.equal([...gitbook.files.keys()][0], 'docs/README.md', 'the page opened first');
    for (const path of ['docs/SUMMARY.md', 'mimspec.yaml', '.gitbook.yaml', 'docs/mechanisms.md'])
      assert.ok(gitbook.files.has(path), path);
    assert.ok(gitbook.mims[0].documents.every((d) => d.kind !== 'mim-yaml'));
  });

  it('holds guidance for the author in comments, where readers do not see it', () => {
    const yaml = newMimFiles('yaml', { id: 'MIM21', title: 'Noise', year: 2026 }).get('noise.mim.yaml') ?? '';
    assert.match(yaml, /^# Part 2, Capabilities and Requirements: the only normative part/m);
    const page = newMimFiles('gitbook', { id: 'MIM21', title: 'Noise', year: 2026 }).get('docs/mechanisms.md') ?? '';
    assert.match(page, /^<!--\n {2}Part 3, Mechanisms:/);
  });
});

describe('the MIM number proposed for a new MIM', () => {
  it('is the lowest that neither the registry nor the workspace uses', () => {
    assert.equal(nextFreeMim([]), 'MIM0');
    assert.equal(nextFreeMim(['MIM0', 'MIM1', 'MIM2', 'MIM3', 'MIM4', 'MIM5', 'MIM6', 'MIM7', 'MIM8']), 'MIM9');
    assert.equal(nextFreeMim(['MIM0', 'MIM2', 'MIM 1', 'MIM-4', 'MIM3']), 'MIM5');
    assert.equal(nextFreeMim(['MIM1', '?docs', 'not an id']), 'MIM0');
  });
});
