import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ROOT } from '../support/paths.js';

const CLI = join(ROOT, 'dist', 'cli', 'mimspec.js');
const FIXTURE = 'test/fixtures/graph';

function mimspec(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const work = mkdtempSync(join(tmpdir(), 'mimspec-graph-'));
after(() => rmSync(work, { recursive: true, force: true }));

describe('mimspec graph', () => {
  it('prints the graph as JSON, files relative to the current folder', () => {
    const r = mimspec(['graph', FIXTURE, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    const g = JSON.parse(r.stdout) as {
      nodes: { id: string; kind: string; source?: { file: string; line: number } }[];
      edges: { from: string; to: string; count: number }[];
    };
    assert.deepEqual(
      g.nodes.map((n) => `${n.id}:${n.kind}`),
      ['MIM2:registry', 'MIM20:mim', 'MIM21:mim', 'MIM99:unknown'],
    );
    assert.deepEqual(g.nodes[2].source, { file: `${FIXTURE}/hub.mim.yaml`, line: 0 });
    assert.equal(g.edges.find((e) => e.from === 'MIM20' && e.to === 'MIM21')?.count, 5);
  });

  it('writes the SVG to a file with --expand and --focus', () => {
    const out = join(work, 'g.svg');
    const r = mimspec(['graph', FIXTURE, '--focus', 'MIM21', '--expand=MIM21', '-o', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, `${out}: 5 boxes, 7 arrows\n`);
    const svg = readFileSync(out, 'utf8');
    assert.ok(svg.includes('data-id="MIM21.R1.1"'));
    assert.ok(!svg.includes('data-id="MIM2"'));
  });

  it('focuses on a registry MIM that the workspace names', () => {
    const r = mimspec(['graph', FIXTURE, '--focus', 'MIM2', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const g = JSON.parse(r.stdout) as { nodes: { id: string }[] };
    assert.deepEqual(
      g.nodes.map((n) => n.id),
      ['MIM2', 'MIM20'],
    );
  });

  it('prints DOT', () => {
    const r = mimspec(['graph', FIXTURE, '--format', 'dot']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^digraph mims \{/);
    assert.ok(r.stdout.includes('"MIM21" -> "MIM20" [label="1"'));
  });

  it('refuses an unknown focus, an unknown format and an unknown option, with exit 2', () => {
    const focus = mimspec(['graph', FIXTURE, '--focus', 'MIM404']);
    assert.equal(focus.code, 2);
    assert.match(focus.stderr, /--focus MIM404: no MIM of that number in test\/fixtures\/graph, nor named there/);
    const format = mimspec(['graph', FIXTURE, '--format', 'png']);
    assert.equal(format.code, 2);
    assert.match(format.stderr, /--format takes svg, json or dot, not 'png'/);
    assert.equal(mimspec(['graph', FIXTURE, '--zoom']).code, 2);
  });

  it('is in the help', () => {
    const r = mimspec(['graph', '--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /mimspec graph \[paths\.\.\.\] \[--focus MIM2\] \[--expand MIM2,\.\.\.\]/);
  });
});
