import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hover } from '../../server/src/features/hover.js';
import { findCursor, showRange } from '../support/cursor.js';
import { Workspace } from '../../server/src/workspace/workspace.js';
import { MemoryFileSystem, memoryWorkspace, readFixtureTree } from '../support/memory-fs.js';
import { fixture } from '../support/paths.js';

const FILES = readFixtureTree(fixture('features', 'workspace'));
const workspace = memoryWorkspace(FILES);

async function hoverAt(path: string, snippet: string): Promise<string | undefined> {
  const ws = await workspace;
  return hover(ws, `/ws/${path}`, findCursor(FILES[`/ws/${path}`], snippet))?.markdown;
}

describe('hover', () => {
  it('on a requirement: text, level and keyword, capability, MIM, the mechanisms that satisfy it and the tests that cover it', async () => {
    assert.equal(
      await hoverAt('geo/docs/capabilities-and-requirements.md', '**R1{|}.1**'),
      [
        '**MIM7.R1.1**',
        '',
        'Systems SHALL expose geospatial datasets through a standard web service.',
        '',
        'Requirement of MIM7 Geospatial Data',
        '',
        '- Level: required (SHALL)',
        '- Capability: C1 Geospatial data can be retrieved',
        '- Satisfied by: M1 OGC API - Features',
        '- Tested by: T1 Feature service test suite',
      ].join('\n'),
    );
  });

  it('on a reference from another MIM, naming elements as the reader writes them (MIM8.M1 is M1 in MIM8)', async () => {
    const text = await hoverAt('twins.mim.yaml', 'requirement: MIM7.R{|}2.2');
    assert.match(text!, /^\*\*MIM7\.R2\.2\*\*\n\nSystems MAY support filtering by a polygon\./);
    assert.match(
      text!,
      /- Level: optional \(MAY\)\n- Capability: C2 Geospatial data can be queried by location\n- Satisfied by: M1 NGSI-LD context broker\n- Tested by: none$/,
    );
  });

  it('on a reference, over the range of the reference', async () => {
    const ws = await workspace;
    const h = hover(ws, '/ws/geo/docs/mechanisms.md', findCursor(FILES['/ws/geo/docs/mechanisms.md'], '| R{|}1.2 |'));
    assert.equal(h && showRange(h.range), '12:3-12:7');
  });

  it('on a capability, a mechanism and a test', async () => {
    assert.equal(
      await hoverAt('geo/docs/capabilities-and-requirements.md', '## C{|}2'),
      '**MIM7.C2** Geospatial data can be queried by location\n\nCapability of MIM7 Geospatial Data\n\n- 2 requirements: R2.1, R2.2',
    );
    assert.equal(
      await hoverAt('twins.mim.yaml', '- id: M{|}1'),
      '**MIM8.M1** NGSI-LD context broker\n\nMechanism of MIM8 Local Digital Twins\n\n- Standards: ETSI GS CIM 009\n- Satisfies: R1.1, MIM7.R2.2',
    );
    assert.equal(
      await hoverAt('geo/docs/interoperability-guidance.md', 'Mechanisms: M1, M{|}2'),
      '**MIM7.M2** GeoDCAT-AP\n\nMechanism of MIM7 Geospatial Data\n\n- Standards: none\n- Satisfies: R1.3',
    );
    assert.equal(
      await hoverAt('twins.mim.yaml', '- id: T{|}1'),
      '**MIM8.T1**\n\nTest of MIM8 Local Digital Twins\n\n- Covers: R1.1\n- Method: automated',
    );
  });

  it('on a MIM of the workspace: title, status, files', async () => {
    assert.equal(
      await hoverAt('twins.mim.yaml', 'mim: MIM{|}8'),
      '**MIM8** Local Digital Twins\n\n- Status: capabilities\n- Files: twins.mim.yaml',
    );
    assert.equal(
      await hoverAt('twins.mim.yaml', 'follow MIM{|}7'),
      [
        '**MIM7.R1.2**',
        '',
        'Systems SHALL state the coordinate reference system of every dataset.',
        '',
        'Requirement of MIM7 Geospatial Data',
        '',
        '- Level: required (SHALL)',
        '- Capability: C1 Geospatial data can be retrieved',
        '- Satisfied by: MIM7.M1 OGC API - Features',
        '- Tested by: MIM7.T1 Feature service test suite',
      ].join('\n'),
    );
    assert.equal(
      await hoverAt('geo/docs/README.md', '(MIM{|}7)'),
      '**MIM7** Geospatial Data\n\n- Status: not stated\n- Files: README.md, capabilities-and-requirements.md, conformance.md, interoperability-guidance.md, mechanisms.md, objective.md',
    );
  });

  it('on a MIM known only to the registry of the file config, and on an unknown one', async () => {
    assert.equal(
      await hoverAt('geo/docs/README.md', 'on MIM{|}0'),
      '**MIM0** Accessing Data\n\nFrom the oasc-2025 registry; not in the workspace.',
    );
    const path = '/ws/geo/docs/objective.md';
    const ws = await memoryWorkspace({ ...FILES, [path]: `${FILES[path]}\nSee MIM42.\n` });
    const h = hover(ws, path, findCursor(`${FILES[path]}\nSee MIM42.\n`, 'MIM4{|}2'));
    assert.equal(h?.markdown, '**MIM42**\n\nNot a MIM of the workspace or of the oasc-2025 registry.');
  });

  it('on a reference to a requirement that does not exist, or to a MIM outside the workspace', async () => {
    const path = '/ws/twins.mim.yaml';
    const text = FILES[path].replace('seeAlso: [MIM7.R1.1]', 'seeAlso: [MIM7.R9.9, MIM0.R1.2]');
    const ws = await memoryWorkspace({ ...FILES, [path]: text });
    assert.equal(
      hover(ws, path, findCursor(text, 'MIM7.R{|}9.9'))?.markdown,
      '**MIM7.R9.9**\n\nNo requirement R9.9 in MIM7 Geospatial Data.',
    );
    assert.equal(
      hover(ws, path, findCursor(text, 'MIM0.R{|}1.2'))?.markdown,
      '**MIM0.R1.2**\n\nMIM0 Accessing Data is not in the workspace.',
    );
  });

  it('while the workspace is read: what it does not find is not among the files read so far', async () => {
    /** A disk whose reads under one folder wait until the test lets them go. */
    class HeldFolder extends MemoryFileSystem {
      go = () => undefined as void;
      private readonly gone = new Promise<void>((resolve) => (this.go = resolve));
      override async readFile(p: string): Promise<Uint8Array> {
        if (p.startsWith('/ws/geo/')) await this.gone;
        return super.readFile(p);
      }
    }
    const path = '/ws/twins.mim.yaml';
    const text = FILES[path].replace('seeAlso: [MIM7.R1.1]', 'seeAlso: [MIM7.R1.1, MIM0.R1.2]');
    const fs = new HeldFolder({ ...FILES, [path]: text });
    const ws = new Workspace(fs, { roots: ['/ws'] });
    const scanning = ws.scan();
    while (!ws.document(path)) await new Promise((r) => setImmediate(r));
    const at = (snippet: string) => hover(ws, path, findCursor(text, snippet))?.markdown;
    assert.match(at('MIM7.R{|}1.1')!, /^\*\*MIM7\.R1\.1\*\*\n\nMIM7 .*is not among the files read so far\.$/);
    assert.equal(at('MIM0.R{|}1.2'), '**MIM0.R1.2**\n\nMIM0 Accessing Data is not among the files read so far.');
    fs.go();
    await scanning;
    assert.match(at('MIM7.R{|}1.1')!, /^\*\*MIM7\.R1\.1\*\*\n\nSystems SHALL/);
    assert.equal(at('MIM0.R{|}1.2'), '**MIM0.R1.2**\n\nMIM0 Accessing Data is not in the workspace.');
  });

  it("on an entry of a resource descriptor's mims that is no MIM id: the id to write, or the form", async () => {
    const path = '/ws/tools/kerb.mim.yml';
    const text = 'name: Kerb viewer\nmims: [securing-data-mim-6, kerb-viewer]\n';
    const ws = await memoryWorkspace({ ...FILES, [path]: text });
    assert.equal(
      hover(ws, path, findCursor(text, 'securing{|}'))?.markdown,
      '**securing-data-mim-6**\n\nNames no MIM: write MIM6.',
    );
    assert.equal(
      hover(ws, path, findCursor(text, 'kerb-{|}viewer]'))?.markdown,
      '**kerb-viewer**\n\nNames no MIM: expected a MIM id such as MIM0.',
    );
  });

  it('on a citation: the reference entry', async () => {
    assert.equal(
      await hoverAt('twins.mim.yaml', '[ETSI{|} GS CIM 009]'),
      '**[ETSI GS CIM 009]** NGSI-LD API\n\nhttps://www.etsi.org/deliver/etsi_gs/CIM/001_099/009/\n\nNormative reference of MIM8 Local Digital Twins',
    );
    assert.equal(
      await hoverAt('twins.mim.yaml', '[b-ISO{|}/IEC 30182]'),
      '**[b-ISO/IEC 30182]** Smart city concept model\n\nBibliography entry of MIM8 Local Digital Twins',
    );
  });

  it('on a citation that no reference defines', async () => {
    const path = '/ws/twins.mim.yaml';
    const text = FILES[path].replace('in the vocabulary of [b-ISO/IEC 30182]', 'in the vocabulary of [ISO 37120]');
    const ws = await memoryWorkspace({ ...FILES, [path]: text });
    assert.equal(
      hover(ws, path, findCursor(text, '[ISO{|} 37120]'))?.markdown,
      '**[ISO 37120]**\n\nNot in the references of MIM8 Local Digital Twins.',
    );
  });

  it('on a YAML key: its description in the schema, found along the key path', async () => {
    assert.equal(
      await hoverAt('twins.mim.yaml', 'sat{|}isfies:'),
      '**satisfies** · list\n\nThe Requirements Mapping Table: the requirements this mechanism meets and how.',
    );
    assert.equal(
      await hoverAt('twins.mim.yaml', '      - requ{|}irement: R1.1'),
      '**requirement** · text\n\nThe requirement met: local (R1.1) or global (MIM0.R1.1).',
    );
    assert.equal(
      await hoverAt('twins.mim.yaml', 'stat{|}us:'),
      '**status** · proposal | work-item | capabilities | specification | governance\n\nHow far the MIM has come: proposal, work-item, capabilities (capabilities agreed), specification (mechanisms agreed), governance (maintained).',
    );
    assert.equal(
      await hoverAt('twins.mim.yaml', '  bibli{|}ography:'),
      '**bibliography** · list\n\nInformative references (Bibliography). Tags start with b-, e.g. b-ISO/IEC 30182.',
    );
  });

  it('has nothing to say on prose', async () => {
    assert.equal(await hoverAt('geo/docs/objective.md', 'A cli{|}ent'), undefined);
  });
});
