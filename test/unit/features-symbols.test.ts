import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentSymbols, workspaceSymbols, type SymbolNode } from '../../server/src/features/symbols.js';
import { showLocation, showRange } from '../support/cursor.js';
import { memoryWorkspace, readFixtureTree } from '../support/memory-fs.js';
import { fixture } from '../support/paths.js';

const FILES = readFixtureTree(fixture('features', 'workspace'));
const workspace = memoryWorkspace(FILES);

/** The tree as indented lines: `kind name — detail  range / selection`. */
function outline(nodes: SymbolNode[], depth = 0): string[] {
  return nodes.flatMap((n) => [
    `${'  '.repeat(depth)}${n.kind} ${n.name}${n.detail ? ` — ${n.detail}` : ''}  ${showRange(n.range)} / ${showRange(n.selectionRange)}`,
    ...outline(n.children, depth + 1),
  ]);
}

describe('documentSymbols', () => {
  it('outlines a capabilities page: the part, its top sections, capabilities and their requirements', async () => {
    const ws = await workspace;
    assert.deepEqual(outline(documentSymbols(ws, '/ws/geo/docs/capabilities-and-requirements.md')), [
      'part Capabilities and Requirements  1:1-18:55 / 1:1-1:32',
      '  section Terminology  3:1-5:82 / 3:1-3:15',
      '  capability C1 — Geospatial data can be retrieved  7:1-13:52 / 7:4-7:6',
      '    requirement R1.1 — Systems SHALL expose geospatial datasets through a standard web service.  11:1-11:84 / 11:5-11:9',
      '    requirement R1.2 — Systems SHALL state the coordinate reference system of every dataset.  12:1-12:81 / 12:5-12:9',
      '    requirement R1.3 — Systems SHOULD offer WGS 84 coordinates.  13:1-13:52 / 13:5-13:9',
      '  capability C2 — Geospatial data can be queried by location  15:1-18:55 / 15:4-15:6',
      '    requirement R2.1 — Systems SHALL support filtering by a bounding box.  17:1-17:62 / 17:5-17:9',
      '    requirement R2.2 — Systems MAY support filtering by a polygon.  18:1-18:55 / 18:5-18:9',
    ]);
  });

  it('drops the sections of a mechanism that hold no element', async () => {
    const ws = await workspace;
    assert.deepEqual(outline(documentSymbols(ws, '/ws/geo/docs/mechanisms.md')), [
      'part Mechanisms  1:1-21:77 / 1:1-1:13',
      '  mechanism M1 — OGC API - Features  3:1-13:86 / 3:4-3:15',
      '  mechanism M2 — GeoDCAT-AP  15:1-21:77 / 15:4-15:15',
    ]);
  });

  it('names the MIM of a README by its id', async () => {
    const ws = await workspace;
    assert.deepEqual(outline(documentSymbols(ws, '/ws/geo/docs/README.md')), [
      'mim MIM7 — Geospatial Data  1:1-9:56 / 1:1-1:25',
    ]);
  });

  it('outlines a *.mim.yaml under its MIM: parts, then elements', async () => {
    const ws = await workspace;
    assert.deepEqual(outline(documentSymbols(ws, '/ws/twins.mim.yaml')), [
      'mim MIM8 — Local Digital Twins  1:1-39:1 / 1:6-1:10',
      '  part Objective  5:1-6:83 / 5:1-5:10',
      '  part Capabilities and Requirements  7:1-15:29 / 7:1-7:13',
      '    capability C1 — The twin is kept in step with city data  8:5-15:29 / 8:9-8:11',
      '      requirement R1.1 — The twin SHALL ingest observations through a standard interface.  11:9-12:79 / 11:13-11:17',
      '      requirement R1.2 — Each 3D model SHALL declare its coordinate reference system.  13:9-15:29 / 13:13-13:17',
      '  part Mechanisms  16:1-26:40 / 16:1-16:11',
      '    mechanism M1 — NGSI-LD context broker  17:5-26:40 / 17:9-17:11',
      '  part Conformance and Compliance Testing  27:1-30:22 / 27:1-27:12',
      '    test T1  28:5-30:22 / 28:9-28:11',
    ]);
  });
});

describe('workspaceSymbols', () => {
  it('stops its search when the request is cancelled', async () => {
    const ws = await workspace;
    assert.ok(workspaceSymbols(ws, 'r').length > 2);
    assert.deepEqual(
      workspaceSymbols(ws, 'r', () => true),
      [],
    );
  });

  it('finds an id in every MIM, the exact ids first', async () => {
    const ws = await workspace;
    assert.deepEqual(
      workspaceSymbols(ws, 'r1.1').map((s) => `${s.kind} ${s.name} (${s.container}) ${showLocation(s.location)}`),
      [
        'requirement R1.1 (MIM7 Geospatial Data) geo/docs/capabilities-and-requirements.md:11:5-11:9',
        'requirement R1.1 (MIM8 Local Digital Twins) twins.mim.yaml:11:13-11:17',
      ],
    );
    assert.deepEqual(
      workspaceSymbols(ws, 'MIM8.R1.2').map((s) => `${s.name} ${s.detail}`),
      ['R1.2 Each 3D model SHALL declare its coordinate reference system.'],
    );
  });

  it('finds titles and texts by substring, then by subsequence', async () => {
    const ws = await workspace;
    assert.deepEqual(
      workspaceSymbols(ws, 'polygon').map((s) => `${s.container.split(' ')[0]}.${s.name}`),
      ['MIM7.R2.2'],
    );
    assert.deepEqual(
      workspaceSymbols(ws, 'ngsi').map((s) => `${s.kind} ${s.name}`),
      ['mechanism M1'],
    );
    assert.deepEqual(
      workspaceSymbols(ws, 'r22').map((s) => `${s.container.split(' ')[0]}.${s.name}`),
      ['MIM7.R2.2'],
    );
    assert.deepEqual(
      workspaceSymbols(ws, 'geodcat').map((s) => s.name),
      ['M2'],
    );
    assert.deepEqual(
      workspaceSymbols(ws, 'mim7.m2').map((s) => s.name),
      ['M2'],
    );
    assert.deepEqual(
      workspaceSymbols(ws, 'gdcat').map((s) => s.name),
      ['M2'],
      'a subsequence of GeoDCAT-AP',
    );
  });

  it('lists the MIMs themselves', async () => {
    const ws = await workspace;
    assert.deepEqual(
      workspaceSymbols(ws, 'mim8')
        .slice(0, 1)
        .map((s) => `${s.kind} ${s.name} ${s.detail} ${showLocation(s.location)}`),
      ['mim MIM8 Local Digital Twins twins.mim.yaml:1:1-1:1'],
    );
  });
});
