import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prepareRename, rename, renameFileEdits } from '../../server/src/features/rename.js';
import type { TextEdit } from '../../server/src/model/finding.js';
import { findCursor, showRange } from '../support/cursor.js';
import { applyEdits, showEdits } from '../support/edits.js';
import { memoryWorkspace, readFixtureTree } from '../support/memory-fs.js';
import { fixture } from '../support/paths.js';

const FILES = readFixtureTree(fixture('features', 'workspace'));
const workspace = memoryWorkspace(FILES);
const CAPS = 'geo/docs/capabilities-and-requirements.md';

async function renameAt(path: string, snippet: string, newName: string) {
  const ws = await workspace;
  return rename(ws, `/ws/${path}`, findCursor(FILES[`/ws/${path}`], snippet), newName);
}

/** The text of a file once the edits are applied. */
function applied(path: string, edits: TextEdit[]): string {
  return applyEdits(FILES, edits)[path];
}

describe('prepareRename', () => {
  it('offers the id of a definition', async () => {
    const ws = await workspace;
    const r = prepareRename(ws, `/ws/${CAPS}`, findCursor(FILES[`/ws/${CAPS}`], '**R1{|}.2**'));
    assert.deepEqual(r && { range: showRange(r.range), placeholder: r.placeholder }, {
      range: '12:5-12:9',
      placeholder: 'R1.2',
    });
  });

  it('offers only the local part of a global or legacy reference', async () => {
    const ws = await workspace;
    const text = FILES['/ws/twins.mim.yaml'];
    const global = prepareRename(ws, '/ws/twins.mim.yaml', findCursor(text, '[MIM7.R{|}1.1]'));
    const legacy = prepareRename(ws, '/ws/twins.mim.yaml', findCursor(text, 'MIM7.C1{|}.R2'));
    assert.deepEqual(global && { range: showRange(global.range), placeholder: global.placeholder }, {
      range: '15:24-15:28',
      placeholder: 'R1.1',
    });
    assert.deepEqual(legacy && { range: showRange(legacy.range), placeholder: legacy.placeholder }, {
      range: '21:64-21:69',
      placeholder: 'R1.2',
    });
  });

  it('refuses prose, MIM ids and references to nothing', async () => {
    const ws = await workspace;
    const readme = FILES['/ws/geo/docs/README.md'];
    assert.equal(prepareRename(ws, '/ws/geo/docs/README.md', findCursor(readme, 'This M{|}IM builds')), undefined);
    assert.equal(prepareRename(ws, '/ws/geo/docs/README.md', findCursor(readme, 'used by MIM{|}8')), undefined);
    const path = '/ws/geo/docs/conformance.md';
    const ws2 = await memoryWorkspace({
      ...FILES,
      [path]: FILES[path].replace('Covers: R1.1, R1.2', 'Covers: R1.1, R9.9'),
    });
    assert.equal(prepareRename(ws2, path, findCursor(FILES[path].replace('R1.2', 'R9.9'), 'R9{|}.9')), undefined);
  });
});

describe('rename', () => {
  it('renames a requirement, its local references and the global ones of other MIMs (a legacy one in canonical form)', async () => {
    const result = await renameAt(CAPS, '**R1{|}.2**', 'R1.5');
    assert.ok('edits' in result);
    assert.deepEqual(showEdits(result.edits), [
      `${CAPS}:12:5-12:9 "R1.5"`,
      'geo/docs/conformance.md:5:15-5:19 "R1.5"',
      'geo/docs/mechanisms.md:12:3-12:7 "R1.5"',
      'twins.mim.yaml:21:64-21:69 "R1.5"',
    ]);
    assert.match(applied('/ws/twins.mim.yaml', result.edits), /positions follow MIM7\.R1\.5\./);
    assert.match(applied('/ws/geo/docs/conformance.md', result.edits), /Covers: R1\.1, R1\.5/);
  });

  it('gives the same edits from a global reference in YAML, replacing only its local part', async () => {
    const result = await renameAt('twins.mim.yaml', '[MIM7.R{|}1.1]', 'MIM7.R1.4');
    assert.ok('edits' in result);
    assert.deepEqual(showEdits(result.edits), [
      `${CAPS}:11:5-11:9 "R1.4"`,
      'geo/docs/conformance.md:5:9-5:13 "R1.4"',
      'geo/docs/mechanisms.md:5:36-5:40 "R1.4"',
      'geo/docs/mechanisms.md:11:3-11:7 "R1.4"',
      'twins.mim.yaml:15:24-15:28 "R1.4"',
    ]);
    assert.match(applied('/ws/twins.mim.yaml', result.edits), /seeAlso: \[MIM7\.R1\.4\]/);
  });

  it('keeps the long form of a mechanism heading', async () => {
    const result = await renameAt('geo/docs/mechanisms.md', '## Mechanism{|} 1', 'M3');
    assert.ok('edits' in result);
    assert.deepEqual(showEdits(result.edits), [
      'geo/docs/interoperability-guidance.md:5:13-5:15 "M3"',
      'geo/docs/mechanisms.md:3:4-3:15 "Mechanism 3"',
    ]);
  });

  it('renames a YAML element and the references of its own MIM only', async () => {
    const result = await renameAt('twins.mim.yaml', '- id: R{|}1.1', 'R1.3');
    assert.ok('edits' in result);
    assert.deepEqual(showEdits(result.edits), [
      'twins.mim.yaml:11:13-11:17 "R1.3"',
      'twins.mim.yaml:23:22-23:26 "R1.3"',
      'twins.mim.yaml:29:14-29:18 "R1.3"',
    ]);
  });

  it('renames only the definition under the cursor when the id is duplicated', async () => {
    const path = `/ws/${CAPS}`;
    const text = FILES[path].replace('* **R2.2**', '* **R2.1**');
    const ws = await memoryWorkspace({ ...FILES, [path]: text });
    const result = rename(ws, path, findCursor(text, 'R2{|}.1** Systems MAY'), 'R2.2');
    assert.ok('edits' in result);
    assert.deepEqual(showEdits(result.edits), [`${CAPS}:18:5-18:9 "R2.2"`]);
  });

  it('refuses an id of another kind, a malformed one, a used one, one of another capability', async () => {
    assert.deepEqual(await renameAt(CAPS, '**R1{|}.2**', 'M3'), {
      error: 'M3 is a mechanism id, but R1.2 is a requirement: write it like R1.1',
    });
    assert.deepEqual(await renameAt(CAPS, '**R1{|}.2**', 'R1-5'), {
      error: "'R1-5' is not a requirement id: write it like R1.1",
    });
    assert.deepEqual(await renameAt(CAPS, '**R1{|}.2**', 'R.5'), {
      error: "'R.5' is not a requirement id: write it like R1.1",
    });
    assert.deepEqual(await renameAt(CAPS, '**R1{|}.2**', 'R1.3'), {
      error: 'R1.3 is already used in MIM7 (capabilities-and-requirements.md:13)',
    });
    assert.deepEqual(await renameAt(CAPS, '**R1{|}.2**', 'R2.9'), {
      error: "R2.9 does not belong to C1: a requirement's first number is its capability's (R1.n)",
    });
    assert.deepEqual(await renameAt('geo/docs/mechanisms.md', '## Mechanism{|} 1', 'M2'), {
      error: 'M2 is already used in MIM7 (mechanisms.md:15)',
    });
    assert.deepEqual(await renameAt('geo/docs/objective.md', 'A cli{|}ent', 'R1.1'), {
      error: 'Only the id of a capability, requirement, mechanism, guidance or test can be renamed',
    });
  });

  it('gives no partial edit when the request is cancelled', async () => {
    const ws = await workspace;
    const path = `/ws/${CAPS}`;
    const pos = findCursor(FILES[path], '**R1{|}.2**');
    assert.ok('edits' in rename(ws, path, pos, 'R1.9'));
    assert.deepEqual(
      rename(ws, path, pos, 'R1.9', () => true),
      { error: 'The rename was cancelled' },
    );
  });
});

describe('renameFileEdits', () => {
  it('rewrites the links to a renamed page, relative to each linking page, keeping the anchor', async () => {
    const ws = await workspace;
    const edits = renameFileEdits(ws, `/ws/${CAPS}`, '/ws/geo/docs/part2/requirements.md');
    assert.deepEqual(showEdits(edits), [
      'geo/docs/README.md:6:36-6:68 "part2/requirements.md"',
      'geo/docs/mechanisms.md:5:60-5:128 "part2/requirements.md#c1-geospatial-data-can-be-retrieved"',
    ]);
  });

  it('rewrites the relative links of a page that moves to another folder, and the links to it', async () => {
    const ws = await workspace;
    const edits = renameFileEdits(ws, '/ws/geo/docs/mechanisms.md', '/ws/geo/mechanisms.md');
    assert.deepEqual(showEdits(edits), [
      'geo/docs/README.md:7:17-7:30 "../mechanisms.md"',
      'geo/docs/mechanisms.md:5:60-5:128 "docs/capabilities-and-requirements.md#c1-geospatial-data-can-be-retrieved"',
    ]);
  });

  it('follows a folder rename, and keeps ./, a leading / and a folder link', async () => {
    const files = {
      ...FILES,
      '/ws/mimspec.yaml': 'numbering: oasc-2025\n',
      '/ws/index.md':
        '# Index\n\n[Geo](./geo/docs/) · [Objective](/geo/docs/objective.md) · [Caps](geo/docs/capabilities-and-requirements.md#c2-geospatial-data-can-be-queried-by-location)\n',
    };
    const ws = await memoryWorkspace(files);
    const edits = renameFileEdits(ws, '/ws/geo', '/ws/geospatial');
    assert.deepEqual(showEdits(edits), [
      'index.md:3:7-3:18 "./geospatial/docs/"',
      'index.md:3:34-3:56 "/geospatial/docs/objective.md"',
      'index.md:3:67-3:154 "geospatial/docs/capabilities-and-requirements.md#c2-geospatial-data-can-be-queried-by-location"',
    ]);
  });

  it('escapes a space that a bare link cannot hold', async () => {
    const ws = await workspace;
    const edits = renameFileEdits(ws, '/ws/geo/docs/objective.md', '/ws/geo/docs/the objective.md');
    assert.deepEqual(showEdits(edits), ['geo/docs/README.md:5:16-5:28 "the%20objective.md"']);
  });
});
