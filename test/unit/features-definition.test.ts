import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { definition } from '../../server/src/features/definition.js';
import { locate } from '../../server/src/features/locate.js';
import { findCursor, showLocation } from '../support/cursor.js';
import { memoryWorkspace, readFixtureTree } from '../support/memory-fs.js';
import { fixture } from '../support/paths.js';

// MIM7 is a GitBook repository under geo/docs/, MIM8 a twins.mim.yaml that points at it.
const FILES = readFixtureTree(fixture('features', 'workspace'));
const workspace = memoryWorkspace(FILES);

async function at(path: string, snippet: string) {
  return { ws: await workspace, file: `/ws/${path}`, pos: findCursor(FILES[`/ws/${path}`], snippet) };
}

async function definitionAt(path: string, snippet: string): Promise<string[]> {
  const { ws, file, pos } = await at(path, snippet);
  return definition(ws, file, pos).map((l) => showLocation(l));
}

describe('locate', () => {
  it('tells what stands at a position', async () => {
    const kinds = await Promise.all(
      [
        ['geo/docs/capabilities-and-requirements.md', '**R1{|}.1**', 'element'],
        ['geo/docs/mechanisms.md', '| R{|}1.1 |', 'ref'],
        ['geo/docs/README.md', 'on MIM{|}0', 'mim'],
        ['twins.mim.yaml', 'mim: MI{|}M8', 'mim'],
        ['twins.mim.yaml', '[ETSI{|} GS CIM 009]', 'citation'],
        ['twins.mim.yaml', 'tag: "ETSI{|} GS', 'reference'],
        ['geo/docs/README.md', '[Obj{|}ective]', 'link'],
        ['twins.mim.yaml', '  - id: M1\n    ti{|}tle', 'yaml-key'],
      ].map(async ([path, snippet]) => {
        const { ws, file, pos } = await at(path, snippet);
        return locate(ws, file, pos)?.kind;
      }),
    );
    assert.deepEqual(kinds, ['element', 'ref', 'mim', 'mim', 'citation', 'reference', 'link', 'yaml-key']);
  });

  it('gives the path of keys to a YAML key', async () => {
    const { ws, file, pos } = await at('twins.mim.yaml', '        see{|}Also');
    const hit = locate(ws, file, pos);
    assert.equal(hit?.kind, 'yaml-key');
    assert.deepEqual(hit.kind === 'yaml-key' && hit.path, ['capabilities', 0, 'requirements', 1, 'seeAlso']);
  });

  it('finds nothing in plain prose', async () => {
    const { ws, file, pos } = await at('geo/docs/objective.md', 'A cli{|}ent');
    assert.equal(locate(ws, file, pos), undefined);
  });
});

describe('definition', () => {
  it('leads from a mapping row to the requirement', async () => {
    assert.deepEqual(await definitionAt('geo/docs/mechanisms.md', '| R{|}1.1 |'), [
      'geo/docs/capabilities-and-requirements.md:11:5-11:9',
    ]);
  });

  it('leads from a YAML seeAlso to the requirement of the Markdown MIM it names', async () => {
    assert.deepEqual(await definitionAt('twins.mim.yaml', 'seeAlso: [MIM7.R{|}1.1]'), [
      'geo/docs/capabilities-and-requirements.md:11:5-11:9',
    ]);
  });

  it('reads a legacy dotted path as the requirement it means', async () => {
    assert.deepEqual(await definitionAt('twins.mim.yaml', 'MIM7.C1.R{|}2'), [
      'geo/docs/capabilities-and-requirements.md:12:5-12:9',
    ]);
  });

  it('resolves a local id in its own MIM', async () => {
    assert.deepEqual(await definitionAt('twins.mim.yaml', 'covers: [R{|}1.1]'), ['twins.mim.yaml:11:13-11:17']);
    assert.deepEqual(await definitionAt('geo/docs/interoperability-guidance.md', 'Mechanisms: M{|}1'), [
      'geo/docs/mechanisms.md:3:4-3:15',
    ]);
  });

  it('gives every definition of a duplicated id', async () => {
    const path = '/ws/geo/docs/capabilities-and-requirements.md';
    const ws = await memoryWorkspace({ ...FILES, [path]: FILES[path].replace('* **R2.2**', '* **R2.1**') });
    const pos = findCursor(FILES['/ws/geo/docs/mechanisms.md'], '| R{|}2.1 |');
    assert.deepEqual(
      definition(ws, '/ws/geo/docs/mechanisms.md', pos).map((l) => showLocation(l)),
      ['geo/docs/capabilities-and-requirements.md:17:5-17:9', 'geo/docs/capabilities-and-requirements.md:18:5-18:9'],
    );
  });

  it('leads from a definition id to itself', async () => {
    assert.deepEqual(await definitionAt('twins.mim.yaml', '- id: M{|}1'), ['twins.mim.yaml:17:9-17:11']);
  });

  it('leads from a MIM id to the first line of its main document', async () => {
    assert.deepEqual(await definitionAt('geo/docs/README.md', 'used by MIM{|}8'), ['twins.mim.yaml:1:1-1:1']);
    assert.deepEqual(await definitionAt('twins.mim.yaml', 'positions follow MIM{|}7'), [
      'geo/docs/capabilities-and-requirements.md:12:5-12:9',
    ]);
    assert.deepEqual(await definitionAt('geo/docs/README.md', '(MIM{|}7)'), ['geo/docs/README.md:1:1-1:1']);
  });

  it('has nothing for a MIM that is only in the registry', async () => {
    assert.deepEqual(await definitionAt('geo/docs/README.md', 'on MIM{|}0'), []);
  });

  it('leads from a citation to its reference entry', async () => {
    assert.deepEqual(await definitionAt('twins.mim.yaml', 'follow [ETSI{|} GS CIM 009]'), [
      'twins.mim.yaml:33:13-33:28',
    ]);
    assert.deepEqual(await definitionAt('twins.mim.yaml', 'standards: ["ETSI{|} GS'), ['twins.mim.yaml:33:13-33:28']);
  });

  it('leads from a link to the heading its anchor names', async () => {
    assert.deepEqual(await definitionAt('geo/docs/mechanisms.md', '[Capa{|}bilities]'), [
      'geo/docs/capabilities-and-requirements.md:7:1-7:39',
    ]);
  });

  it('leads from a link without anchor to the top of the file', async () => {
    assert.deepEqual(await definitionAt('geo/docs/README.md', '[Obj{|}ective]'), ['geo/docs/objective.md:1:1-1:1']);
  });
});
