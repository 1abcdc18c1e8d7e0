import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { references } from '../../server/src/features/references.js';
import { findCursor, showLocation } from '../support/cursor.js';
import { memoryWorkspace, readFixtureTree } from '../support/memory-fs.js';
import { fixture } from '../support/paths.js';

const FILES = readFixtureTree(fixture('features', 'workspace'));
const workspace = memoryWorkspace(FILES);

async function referencesAt(path: string, snippet: string, includeDeclaration: boolean): Promise<string[]> {
  const ws = await workspace;
  return references(ws, `/ws/${path}`, findCursor(FILES[`/ws/${path}`], snippet), includeDeclaration).map((l) =>
    showLocation(l),
  );
}

describe('references', () => {
  it('finds every reference to a requirement: local ones in its MIM, global ones from other MIMs, legacy ones too', async () => {
    assert.deepEqual(await referencesAt('geo/docs/capabilities-and-requirements.md', '**R1{|}.2**', true), [
      'geo/docs/capabilities-and-requirements.md:12:5-12:9',
      'geo/docs/conformance.md:5:15-5:19',
      'geo/docs/mechanisms.md:12:3-12:7',
      'twins.mim.yaml:21:59-21:69',
    ]);
  });

  it('gives the same answer from a reference, without the declaration when not asked', async () => {
    assert.deepEqual(await referencesAt('twins.mim.yaml', '[MIM7.R{|}1.1]', false), [
      'geo/docs/conformance.md:5:9-5:13',
      'geo/docs/mechanisms.md:5:36-5:40',
      'geo/docs/mechanisms.md:11:3-11:7',
      'twins.mim.yaml:15:19-15:28',
    ]);
  });

  it('keeps a local id to its own MIM: R1.1 of MIM8 is not R1.1 of MIM7', async () => {
    assert.deepEqual(await referencesAt('twins.mim.yaml', '- id: R{|}1.1', true), [
      'twins.mim.yaml:11:13-11:17',
      'twins.mim.yaml:23:22-23:26',
      'twins.mim.yaml:29:14-29:18',
    ]);
  });

  it('finds the mechanisms a guidance names', async () => {
    assert.deepEqual(await referencesAt('geo/docs/mechanisms.md', '## Mechanism{|} 2', false), [
      'geo/docs/interoperability-guidance.md:5:17-5:19',
    ]);
  });

  it('finds every reference that names a MIM, its elements included', async () => {
    assert.deepEqual(await referencesAt('geo/docs/README.md', 'used by MIM{|}8', true), [
      'twins.mim.yaml:1:1-1:1',
      'README.md:4:14-4:18',
      'geo/docs/README.md:3:40-3:44',
    ]);
    assert.deepEqual(await referencesAt('twins.mim.yaml', 'mim: MIM{|}8', false), [
      'README.md:4:14-4:18',
      'geo/docs/README.md:3:40-3:44',
    ]);
    // MIM7's references include its elements named from MIM8 (MIM7.R1.1, MIM7.R2.2, MIM7.C1.R2).
    assert.deepEqual(await referencesAt('geo/docs/README.md', '(MIM{|}7)', false), [
      'README.md:3:55-3:59',
      'README.md:4:81-4:85',
      'geo/docs/README.md:1:20-1:24',
      'twins.mim.yaml:15:19-15:28',
      'twins.mim.yaml:21:59-21:69',
      'twins.mim.yaml:25:22-25:31',
    ]);
  });

  it('finds the citations of a reference tag', async () => {
    assert.deepEqual(await referencesAt('twins.mim.yaml', 'tag: "ETSI{|} GS', true), [
      'twins.mim.yaml:33:13-33:28',
      'twins.mim.yaml:19:18-19:33',
      'twins.mim.yaml:21:23-21:40',
    ]);
  });

  it('stops when cancelled', async () => {
    const ws = await workspace;
    const pos = findCursor(FILES['/ws/geo/docs/capabilities-and-requirements.md'], '**R1{|}.1**');
    assert.deepEqual(
      references(ws, '/ws/geo/docs/capabilities-and-requirements.md', pos, false, () => true),
      [],
    );
  });

  it('stops its work when the request is cancelled', async () => {
    const ws = await workspace;
    const path = '/ws/geo/docs/capabilities-and-requirements.md';
    const pos = findCursor(FILES[path], '**R1{|}.2**');
    assert.equal(references(ws, path, pos, true).length, 4);
    assert.ok(references(ws, path, pos, true, () => true).length < 4);
  });
});
