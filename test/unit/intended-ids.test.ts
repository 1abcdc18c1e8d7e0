import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { complete } from '../../server/src/features/completion.js';
import { definition } from '../../server/src/features/definition.js';
import { hover } from '../../server/src/features/hover.js';
import { references } from '../../server/src/features/references.js';
import { intendedId, parseLocalId } from '../../server/src/model/ids.js';
import { findCursor, placeCursor, showLocation } from '../support/cursor.js';
import { memoryWorkspace, readFixtureTree } from '../support/memory-fs.js';
import { fixture } from '../support/paths.js';

/**
 * A malformed element id is read as the id it was meant to be, the one id/format offers
 * (`**R.1**` under C1 is R1.1): every rule and feature then sees R1.1.
 */
const MD = readFixtureTree(fixture('rules', 'id', 'format', 'fires-intended'));
const PAGE = '/ws/docs/README.md';
const YAML = readFixtureTree(fixture('rules', 'id', 'format', 'fires-intended-yaml'));
const SPEC = '/ws/places.mim.yaml';
// Rows written `R.1` and `RC1.2`, as the elements they name are written.
const FLAT = readFixtureTree(fixture('rules', 'id', 'format', 'fires'));

async function definitionIn(files: Record<string, string>, path: string, snippet: string): Promise<string[]> {
  const ws = await memoryWorkspace(files);
  return definition(ws, path, findCursor(files[path], snippet)).map((l) => showLocation(l));
}

describe('intendedId', () => {
  it('gives the canonical reading, and a flat requirement id the number of its capability', () => {
    const read = (text: string, capability?: string) => intendedId(parseLocalId(text)!, capability);
    assert.deepEqual(
      [
        read('R.1', 'C1'),
        read('R4', 'C2'),
        read('R4a', 'C2'),
        read('RC1.2'),
        read('R01.1'),
        read('C.1'),
        read('M01'),
        read('R.1'),
        read('R4', 'X'),
      ],
      ['R1.1', 'R2.4', 'R2.4a', 'R1.2', 'R1.1', 'C1', 'M1', undefined, undefined],
    );
  });
});

describe('a malformed id read as its intended id', () => {
  it('is the element id in the model; the written form stays in rawId, flagged malformed', async () => {
    for (const [files, path] of [
      [MD, PAGE],
      [YAML, SPEC],
    ] as const) {
      const ws = await memoryWorkspace(files);
      const r = ws.documents.get(path)!.requirements[0];
      assert.deepEqual(
        { id: r.id, rawId: r.rawId, malformed: r.malformed },
        { id: 'R1.1', rawId: 'R.1', malformed: true },
        path,
      );
    }
  });

  it('keeps a flat id outside any capability as written', async () => {
    const text = '# MIM1 - Context\n\n## Requirements\n\n* **R.1** Systems SHALL serve data.\n';
    const ws = await memoryWorkspace({ '/ws/mim1.md': text });
    assert.equal(ws.documents.get('/ws/mim1.md')!.requirements[0].id, 'R1');
  });

  it('is where a mapping row, a Covers line and a seeAlso naming R1.1 lead', async () => {
    assert.deepEqual(await definitionIn(MD, PAGE, '| R{|}1.1 |'), ['docs/README.md:11:5-11:8']);
    assert.deepEqual(await definitionIn(MD, PAGE, 'Covers: R{|}1.1'), ['docs/README.md:11:5-11:8']);
    assert.deepEqual(await definitionIn(YAML, SPEC, 'seeAlso: [R{|}1.1]'), ['places.mim.yaml:8:13-8:16']);
  });

  it('is what hover on the row shows', async () => {
    const ws = await memoryWorkspace(MD);
    const text = hover(ws, PAGE, findCursor(MD[PAGE], '| R{|}1.1 |'))?.markdown;
    assert.match(text!, /^\*\*MIM7\.R1\.1\*\*\n\nSystems SHALL serve geospatial data over HTTPS\./);
    assert.match(text!, /- Satisfied by: M1 OGC API Features\n- Tested by: T1 Checks$/);
  });

  it('gathers the references written R1.1', async () => {
    const ws = await memoryWorkspace(MD);
    const found = references(ws, PAGE, findCursor(MD[PAGE], '**R{|}.1**'), false).map((l) => showLocation(l));
    assert.deepEqual(found, ['docs/README.md:20:3-20:7', 'docs/README.md:35:9-35:13']);
  });

  it('is offered by completion as R1.1', async () => {
    const { text, position } = placeCursor(MD[PAGE].replace('Covers: R1.1, R1.2', 'Covers: {|}'));
    const ws = await memoryWorkspace({ [PAGE]: text });
    assert.deepEqual(
      complete(ws, PAGE, position).map((i) => i.label),
      ['R1.1', 'R1.2'],
    );
  });

  it('is still named by a reference written the same malformed way', async () => {
    const page = '/ws/docs/README.md';
    assert.deepEqual(await definitionIn(FLAT, page, '| R{|}.1 |'), ['docs/README.md:11:5-11:8']);
    assert.deepEqual(await definitionIn(FLAT, page, 'Covers: R{|}.1'), ['docs/README.md:11:5-11:8']);
    const ws = await memoryWorkspace(FLAT);
    const found = references(ws, page, findCursor(FLAT[page], '**R{|}.1**'), false).map((l) => showLocation(l));
    assert.deepEqual(found, ['docs/README.md:22:3-22:6', 'docs/README.md:37:9-37:12']);
    assert.match(hover(ws, page, findCursor(FLAT[page], '### M{|}1'))!.markdown, /- Satisfies: R1\.1, R1\.2$/);
  });

  it('leaves a flat reference that two elements are written as to name both', async () => {
    const text = MD[PAGE].replace(
      '### C1 Geospatial',
      '### C2 Other\n\n* **R.1** Systems SHALL log requests.\n\n### C1 Geospatial',
    ).replace('| R1.1 |', '| R.1 |');
    const ws = await memoryWorkspace({ [PAGE]: text });
    const ids = ws.documents.get(PAGE)!.requirements.map((r) => r.id);
    assert.deepEqual(ids, ['R2.1', 'R1.1', 'R1.2']);
    const found = definition(ws, PAGE, findCursor(text, '| R{|}.1 |')).map((l) => showLocation(l));
    assert.equal(found.length, 2);
  });
});
