import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldingRanges } from '../../server/src/features/folding.js';
import { memoryWorkspace, readFixtureTree } from '../support/memory-fs.js';
import { fixture } from '../support/paths.js';

const FILES = readFixtureTree(fixture('features', 'workspace'));

const show = (ranges: ReturnType<typeof foldingRanges>) =>
  ranges.map((r) => `${r.kind} ${r.startLine + 1}-${r.endLine + 1}`);

describe('foldingRanges', () => {
  it('folds the sections and tables of a Markdown page', async () => {
    const ws = await memoryWorkspace(FILES);
    assert.deepEqual(show(foldingRanges(ws, '/ws/geo/docs/mechanisms.md')), [
      'section 1-21',
      'section 3-13',
      'section 7-13',
      'table 9-13',
      'section 15-21',
      'section 17-21',
      'table 19-21',
    ]);
  });

  it('folds GitBook blocks and code blocks', async () => {
    const page = '/ws/geo/docs/objective.md';
    const text =
      '# Objective\n\n{% hint style="info" %}\nA hint\non two lines.\n{% endhint %}\n\n```yaml\nmim: MIM7\n```\n';
    const ws = await memoryWorkspace({ ...FILES, [page]: text });
    assert.deepEqual(show(foldingRanges(ws, page)), ['section 1-10', 'gitbook 3-6', 'code 8-10']);
  });

  it('folds the parts and the elements of a *.mim.yaml', async () => {
    const ws = await memoryWorkspace(FILES);
    assert.deepEqual(show(foldingRanges(ws, '/ws/twins.mim.yaml')), [
      'part 5-6',
      'part 7-15',
      'element 8-15',
      'element 11-12',
      'element 13-15',
      'part 16-26',
      'element 17-26',
      'part 27-30',
      'element 28-30',
    ]);
  });
});
