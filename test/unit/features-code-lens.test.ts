import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeLenses } from '../../server/src/features/code-lens.js';
import { showLocation, showRange } from '../support/cursor.js';
import { memoryWorkspace, readFixtureTree } from '../support/memory-fs.js';
import { fixture } from '../support/paths.js';

const FILES = readFixtureTree(fixture('features', 'workspace'));
const workspace = memoryWorkspace(FILES);

describe('codeLenses', () => {
  it('shows above each requirement the mechanisms that satisfy it and the tests that cover it, from any MIM', async () => {
    const ws = await workspace;
    assert.deepEqual(
      codeLenses(ws, '/ws/geo/docs/capabilities-and-requirements.md').map(
        (l) => `${showRange(l.range)} ${l.requirement}: ${l.title}`,
      ),
      [
        '11:5-11:9 MIM7.R1.1: satisfied by M1 · tested by T1',
        '12:5-12:9 MIM7.R1.2: satisfied by M1 · tested by T1',
        '13:5-13:9 MIM7.R1.3: satisfied by M2',
        '17:5-17:9 MIM7.R2.1: satisfied by M1',
        '18:5-18:9 MIM7.R2.2: satisfied by MIM8.M1',
      ],
    );
  });

  it('says when nothing satisfies a requirement, and gives the places it names', async () => {
    const ws = await workspace;
    const lenses = codeLenses(ws, '/ws/twins.mim.yaml');
    assert.deepEqual(
      lenses.map((l) => `${l.requirement}: ${l.title}`),
      ['MIM8.R1.1: satisfied by M1 · tested by T1', 'MIM8.R1.2: not satisfied'],
    );
    assert.deepEqual(
      lenses[0].locations.map((l) => showLocation(l)),
      ['twins.mim.yaml:17:9-17:11', 'twins.mim.yaml:28:9-28:11'],
    );
  });

  it('has no lens outside a MIM', async () => {
    const ws = await workspace;
    assert.deepEqual(codeLenses(ws, '/ws/README.md'), []);
  });
});
