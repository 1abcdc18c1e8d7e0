import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { normalizePath } from '../../server/src/base/paths.js';
import { NodeFileSystem } from '../../server/src/node/file-system.js';
import { buildMimGraph, type MimGraph, type MimGraphOptions } from '../../server/src/query/mim-graph.js';
import { Workspace } from '../../server/src/workspace/workspace.js';
import { MemoryFileSystem } from '../support/memory-fs.js';
import { fixture, ROOT } from '../support/paths.js';

async function graphOf(dir: string, options: MimGraphOptions = {}): Promise<MimGraph> {
  const ws = new Workspace(new NodeFileSystem(), { roots: [normalizePath(dir)], incremental: false });
  await ws.scan();
  return buildMimGraph(ws.index, (f) => ws.registryFor(f), options);
}

const edge = (g: MimGraph, from: string, to: string) => g.edges.find((e) => e.from === from && e.to === to);
const kinds = (g: MimGraph) => Object.fromEntries(g.nodes.map((n) => [n.id, n.kind]));

describe('MIM graph: the MIMs of the workspace and what they refer to', () => {
  it('draws workspace MIMs, the registry MIMs they name and the numbers nobody knows', async () => {
    const g = await graphOf(fixture('graph'));
    assert.deepEqual(kinds(g), { MIM2: 'registry', MIM20: 'mim', MIM21: 'mim', MIM99: 'unknown' });
    assert.equal(g.nodes.find((n) => n.id === 'MIM2')!.title, 'Representing Data');
    assert.equal(g.truncated, undefined);
  });

  it('aggregates the references of a pair of MIMs into one edge, counted by kind', async () => {
    const g = await graphOf(fixture('graph'));
    // Prose `MIM21` twice, a seeAlso, a satisfies entry and a global id in a description.
    assert.deepEqual(edge(g, 'MIM20', 'MIM21'), {
      from: 'MIM20',
      to: 'MIM21',
      count: 5,
      kinds: { prose: 2, seeAlso: 1, satisfies: 1, id: 1 },
      source: { file: normalizePath(fixture('graph', 'hostile.mim.yaml')), line: 8 },
    });
    assert.deepEqual(edge(g, 'MIM21', 'MIM20')?.kinds, { prose: 1 });
    assert.deepEqual(edge(g, 'MIM20', 'MIM2')?.kinds, { prose: 1 });
    assert.deepEqual(edge(g, 'MIM20', 'MIM99')?.kinds, { prose: 1 });
    assert.equal(g.edges.length, 4);
  });

  it('keeps each MIM node source (file, 0-based line) and marks workspace MIMs expandable', async () => {
    const g = await graphOf(join(ROOT, 'examples'));
    const mim8 = g.nodes.find((n) => n.id === 'MIM8')!;
    assert.deepEqual(mim8.source, {
      file: normalizePath(join(ROOT, 'examples', 'local-digital-twins.mim.yaml')),
      line: 2,
    });
    assert.equal(mim8.expandable, true);
    assert.equal(g.nodes.find((n) => n.id === 'MIM0')!.expandable, undefined);
    assert.deepEqual(edge(g, 'MIM8', 'MIM7')?.kinds, { seeAlso: 1 });
    assert.equal(edge(g, 'MIM7', 'MIM0')?.to, 'MIM0');
    assert.equal(kinds(g).MIM0, 'registry');
    assert.equal(kinds(g).MIM2, 'registry');
  });

  it('expands a MIM to capabilities, requirements and mechanisms; references land on the requirement', async () => {
    const g = await graphOf(fixture('graph'), { expand: ['MIM21'] });
    assert.deepEqual(
      g.nodes.filter((n) => n.mim === 'MIM21').map((n) => `${n.id}:${n.kind}`),
      ['MIM21:mim', 'MIM21.C1:capability', 'MIM21.R1.1:requirement', 'MIM21.R1.2:requirement'],
    );
    assert.equal(g.nodes.find((n) => n.id === 'MIM21')!.expanded, true);
    assert.deepEqual(edge(g, 'MIM21.C1', 'MIM21.R1.1')?.kinds, { contains: 1 });
    assert.deepEqual(edge(g, 'MIM20', 'MIM21.R1.1')?.kinds, { seeAlso: 1 });
    assert.deepEqual(edge(g, 'MIM20', 'MIM21.R1.2')?.kinds, { satisfies: 1, id: 1 });
    assert.deepEqual(edge(g, 'MIM20', 'MIM21')?.kinds, { prose: 2 });
    const r11 = g.nodes.find((n) => n.id === 'MIM21.R1.1')!;
    assert.deepEqual(r11.source, { file: normalizePath(fixture('graph', 'hub.mim.yaml')), line: 12 });
  });

  it("draws an expanded MIM's satisfies edges and its references from the element they are written in", async () => {
    const g = await graphOf(fixture('graph'), { expand: ['MIM20', 'MIM21'] });
    assert.deepEqual(edge(g, 'MIM20.M1', 'MIM20.R1.1')?.kinds, { satisfies: 1 });
    assert.deepEqual(edge(g, 'MIM20.R1.1', 'MIM21.R1.1')?.kinds, { seeAlso: 1 });
    assert.deepEqual(edge(g, 'MIM20.M1', 'MIM21.R1.2')?.kinds, { id: 1, satisfies: 1 });
    assert.deepEqual(edge(g, 'MIM20', 'MIM99')?.kinds, { prose: 1 });
    assert.ok(!g.edges.some((e) => e.from === e.to));
  });

  it('ignores an expansion or a focus that names no MIM of the workspace', async () => {
    const g = await graphOf(fixture('graph'), { expand: ['MIM2', 'MIM404'], focus: 'MIM404' });
    assert.deepEqual(Object.keys(kinds(g)), ['MIM2', 'MIM20', 'MIM21', 'MIM99']);
  });

  it('shows a focus MIM with its neighbours only', async () => {
    const g = await graphOf(join(ROOT, 'examples'), { focus: 'MIM7' });
    assert.deepEqual(Object.keys(kinds(g)), ['MIM0', 'MIM7', 'MIM8']);
  });
});

/** `count` MIMs, each naming `refs` others in prose, in one folder per MIM. */
function crowd(count: number, refs: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const others = Array.from({ length: refs }, (_, k) => `MIM${100 + ((i * 7 + k * 13 + 1) % count)}`);
    files[`/w/m${i}.mim.yaml`] = [
      `mim: MIM${100 + i}`,
      `title: Crowd ${i}`,
      'conventions: bcp14',
      'objective: |',
      `  Builds on ${others.join(', ')}.`,
      '',
    ].join('\n');
  }
  return files;
}

describe('MIM graph: the size limit', () => {
  async function crowdGraph(options: MimGraphOptions): Promise<MimGraph> {
    const ws = new Workspace(new MemoryFileSystem(crowd(120, 10)), { roots: ['/w'], incremental: false });
    await ws.scan();
    return buildMimGraph(ws.index, (f) => ws.registryFor(f), options);
  }

  it('narrows the whole workspace to the most linked MIMs and says what it left out', async () => {
    const g = await crowdGraph({ limits: { nodes: 40, edges: 60 } });
    assert.ok(g.nodes.length <= 40 && g.edges.length <= 60, `${g.nodes.length} boxes, ${g.edges.length} arrows`);
    assert.ok(g.nodes.length > 5);
    assert.match(
      g.truncated ?? '',
      /The workspace holds 120 MIMs and \d+ arrows .* \(40 boxes, 60 arrows\).*most linked MIMs.*--focus/,
    );
  });

  it('centres a narrowed graph on the MIM it was asked from', async () => {
    const g = await crowdGraph({ limits: { nodes: 40, edges: 60 }, near: 'MIM150' });
    assert.ok(g.nodes.some((n) => n.id === 'MIM150'));
    assert.ok(g.edges.every((e) => g.nodes.some((n) => n.id === e.from) && g.nodes.some((n) => n.id === e.to)));
    assert.match(g.truncated ?? '', /^MIM150 and its neighbours hold/);
  });

  it('draws a focus and its neighbours whole when they fit', async () => {
    const g = await crowdGraph({ focus: 'MIM150' });
    assert.equal(g.truncated, undefined);
    const neighbours = new Set(g.edges.flatMap((e) => [e.from, e.to]));
    assert.deepEqual(new Set(g.nodes.map((n) => n.id)), neighbours);
    assert.ok(g.edges.filter((e) => e.from === 'MIM150').length === 10);
  });

  it('folds requirements into capabilities when the expansions alone are too large', async () => {
    const g = await graphOf(fixture('graph'), { expand: ['MIM20', 'MIM21'], limits: { nodes: 12, edges: 40 } });
    assert.ok(!g.nodes.some((n) => n.kind === 'requirement'));
    assert.deepEqual(edge(g, 'MIM20.C1', 'MIM21.C1')?.kinds, { seeAlso: 1 });
    assert.deepEqual(edge(g, 'MIM20.M1', 'MIM21.C1')?.kinds, { id: 1, satisfies: 1 });
    assert.match(g.truncated ?? '', /requirements of the expanded MIMs \(4\) are folded/);
  });
});
