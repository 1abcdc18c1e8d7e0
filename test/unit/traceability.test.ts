import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { normalizePath } from '../../server/src/base/paths.js';
import { NodeFileSystem } from '../../server/src/node/file-system.js';
import { filterRows } from '../../server/src/query/trace-filter.js';
import { mimsInScope } from '../../server/src/query/trace-scope.js';
import {
  isSatisfied,
  isTested,
  traceabilityMatrix,
  type TraceMatrix,
  type TraceRow,
} from '../../server/src/query/traceability.js';
import type { Mim } from '../../server/src/model/mim.js';
import type { OwnTrace } from '../../server/src/query/own-trace.js';
import { Workspace } from '../../server/src/workspace/workspace.js';
import { fixture } from '../support/paths.js';

const DIR = normalizePath(fixture('matrix'));

async function scanned() {
  const ws = new Workspace(new NodeFileSystem(), { roots: [DIR] });
  await ws.scan();
  return { ws, matrix: traceabilityMatrix(ws.index, ws.mims()) };
}

const local = (file: string) => file.slice(DIR.length + 1);
const ids = (rows: readonly TraceRow[]) => rows.map((r) => `${r.mim}.${r.id}`);
const row = (rows: readonly TraceRow[], key: string) => rows.find((r) => `${r.mim}.${r.id}` === key)!;

describe('traceability matrix', () => {
  it('has one row per requirement, by MIM, with the mechanisms and tests that name it and where', async () => {
    const { matrix } = await scanned();
    assert.deepEqual(ids(matrix.rows), [
      'MIM3.R1.1',
      'MIM3.R1.2',
      'MIM3.R1.3',
      'MIM3.R2.1',
      'MIM3.R2.2',
      'MIM5.R1.1',
      'MIM5.R1.2',
      'MIM5.R2.1',
    ]);
    const r11 = row(matrix.rows, 'MIM3.R1.1');
    assert.equal(r11.capability, 'C1');
    assert.equal(r11.level, 'required');
    assert.deepEqual([local(r11.file), r11.line], ['repo/docs/capabilities-and-requirements.md', 4]);
    assert.deepEqual(
      [local(r11.capabilitySource!.file), r11.capabilitySource!.line],
      ['repo/docs/capabilities-and-requirements.md', 2],
    );
    // Each mechanism at its mapping row, each test at its `Covers:` line.
    assert.deepEqual(
      r11.mechanisms.map((m) => [m.id, local(m.file), m.line]),
      [
        ['M1', 'repo/docs/mechanisms.md', 8],
        ['M2', 'repo/docs/mechanisms.md', 19],
      ],
    );
    assert.deepEqual(
      r11.tests.map((t) => [t.id, local(t.file), t.line]),
      [['T1', 'repo/docs/conformance.md', 4]],
    );
  });

  it('counts a global id written in its own MIM, and not a row of another MIM naming it', async () => {
    const { matrix } = await scanned();
    // `MIM3.R1.2` in MIM3's mapping table; `MIM3.R2.1` in its Covers line; `MIM5.R1.2` in MIM5's satisfies.
    assert.deepEqual(
      row(matrix.rows, 'MIM3.R1.2').mechanisms.map((m) => m.id),
      ['M1'],
    );
    assert.deepEqual(
      row(matrix.rows, 'MIM3.R2.1').tests.map((t) => t.id),
      ['T1'],
    );
    assert.deepEqual(
      row(matrix.rows, 'MIM5.R1.2').mechanisms.map((m) => m.id),
      ['M1'],
    );
    // MIM5's M1 maps MIM3.R2.2 and its T1 covers MIM3.R1.3: as for trace/uncovered-requirement, neither counts.
    assert.equal(isSatisfied(row(matrix.rows, 'MIM3.R2.2')), false);
    assert.equal(isTested(row(matrix.rows, 'MIM3.R1.3')), false);
  });

  it('marks exactly what the trace rules report, and lists exactly the unknown ids they report', async () => {
    const { ws, matrix } = await scanned();
    const findings = [...ws.check().values()].flat();
    const at = (f: { file: string; range: { start: { line: number } } }) => `${local(f.file)}:${f.range.start.line}`;
    const reported = (code: string) =>
      findings
        .filter((f) => f.code === code)
        .map(at)
        .sort();
    const rowsAt = (rows: TraceRow[]) => rows.map((r) => `${local(r.file)}:${r.line}`).sort();
    const mims = new Map(ws.mims().map((m) => [m.id, m]));
    assert.deepEqual(
      rowsAt(matrix.rows.filter((r) => !isSatisfied(r) && mims.get(r.mim)!.mechanisms.length > 0)),
      reported('trace/uncovered-requirement'),
    );
    assert.deepEqual(
      rowsAt(matrix.rows.filter((r) => !isTested(r) && r.level === 'required' && mims.get(r.mim)!.tests.length > 0)),
      reported('trace/untested-requirement'),
    );
    assert.deepEqual(
      matrix.unknown.map((u) => `${local(u.file)}:${u.line}`).sort(),
      reported('trace/unknown-requirement'),
    );
    assert.deepEqual(
      matrix.unknown.map((u) => [u.text, u.mim, u.role, u.from, u.why]),
      [
        ['R7.7', 'MIM3', 'covers', 'T2', 'unknown'],
        ['R9.9', 'MIM3', 'mapping', 'M1', 'unknown'],
        ['=1+1', 'MIM3', 'mapping', 'M2', 'not-an-id'],
        ['MIM3.R8.8', 'MIM5', 'satisfies', 'M1', 'unknown'],
      ],
    );
  });

  it('counts coverage per MIM and per capability, with percentages to one decimal', async () => {
    const { coverage } = (await scanned()).matrix;
    assert.deepEqual(coverage.total, {
      requirements: 8,
      satisfied: 5,
      tested: 4,
      satisfiedPercent: 62.5,
      testedPercent: 50,
    });
    assert.deepEqual(
      coverage.mims.map((m) => [m.mim, m.requirements, m.satisfied, m.tested, m.satisfiedPercent, m.testedPercent]),
      [
        ['MIM3', 5, 3, 3, 60, 60],
        ['MIM5', 3, 2, 1, 66.7, 33.3],
      ],
    );
    assert.deepEqual(
      coverage.capabilities.map((c) => [
        c.mim,
        c.capability,
        c.requirements,
        c.satisfied,
        c.tested,
        c.satisfiedPercent,
      ]),
      [
        ['MIM3', 'C1', 3, 2, 2, 66.7],
        ['MIM3', 'C2', 2, 1, 1, 50],
        ['MIM5', 'C1', 2, 2, 1, 100],
        ['MIM5', 'C2', 1, 0, 0, 0],
      ],
    );
    assert.equal(coverage.capabilities[3].title, 'Nothing maps here <script>alert(1)</script>');
  });

  it('gives no percentage for a capability without requirements, and lists requirements under none', async () => {
    const ws = new Workspace(new NodeFileSystem(), { roots: [DIR] });
    await ws.scan();
    ws.setDocument(
      `${DIR}/extra.mim.yaml`,
      [
        'mim: MIM9',
        'capabilities:',
        '  - id: C1',
        '    title: Empty',
        '    requirements: []',
        'mechanisms:',
        '  - id: M1',
        '    title: Something',
        '    satisfies:',
        '      - requirement: R1.1',
        '        how: x',
        '',
      ].join('\n'),
      1,
    );
    const mims = mimsInScope(ws.index, 'mim', `${DIR}/extra.mim.yaml`);
    const { rows, coverage, unknown } = traceabilityMatrix(ws.index, mims);
    assert.deepEqual(rows, []);
    assert.deepEqual(coverage.total.satisfiedPercent, null);
    assert.deepEqual(
      coverage.capabilities.map((c) => [c.capability, c.requirements, c.satisfiedPercent, c.testedPercent]),
      [['C1', 0, null, null]],
    );
    assert.deepEqual(
      unknown.map((u) => u.text),
      ['R1.1'],
    );
  });
});

describe('rows kept with their MIM', () => {
  it('are made again for the MIM that changed only', async () => {
    const ws = new Workspace(new NodeFileSystem(), { roots: [DIR] });
    await ws.scan();
    const before = traceabilityMatrix(ws.index, ws.mims());
    const spec = `${DIR}/spec.mim.yaml`;
    const edited = readFileSync(spec, 'utf8').replace('covers: [R1.1, MIM3.R1.3]', 'covers: [R1.1, R2.1]');
    ws.setDocument(spec, edited, 2);
    const after = traceabilityMatrix(ws.index, ws.mims());
    assert.equal(row(after.rows, 'MIM3.R1.1'), row(before.rows, 'MIM3.R1.1'));
    assert.deepEqual(after.unknown, before.unknown);
    assert.notEqual(row(after.rows, 'MIM5.R1.1'), row(before.rows, 'MIM5.R1.1'));
    assert.deepEqual(
      row(after.rows, 'MIM5.R2.1').tests.map((t) => t.id),
      ['T1'],
    );
    const fresh = new Workspace(new NodeFileSystem(), { roots: [DIR] });
    await fresh.scan();
    fresh.setDocument(spec, edited, 2);
    assert.deepEqual(after, traceabilityMatrix(fresh.index, fresh.mims()));
  });

  it('come from the trace the rules of a check made: the matrix reuses it', async () => {
    const ws = new Workspace(new NodeFileSystem(), { roots: [DIR] });
    await ws.scan();
    const index = ws.index;
    const ownTrace = index.ownTrace.bind(index);
    const asked = (run: () => void) => {
      const traces = new Map<Mim, OwnTrace>();
      index.ownTrace = (mim) => {
        const trace = ownTrace(mim);
        traces.set(mim, trace);
        return trace;
      };
      run();
      index.ownTrace = ownTrace;
      return traces;
    };
    const checked = asked(() => ws.check());
    const ids = (traces: Map<Mim, OwnTrace>) => [...traces.keys()].map((m) => m.id).sort();
    assert.deepEqual(
      ids(checked),
      ws
        .mims()
        .map((m) => m.id)
        .sort(),
    );
    let matrix: TraceMatrix | undefined;
    const read = asked(() => (matrix = traceabilityMatrix(index, ws.mims())));
    assert.deepEqual(ids(read), ids(checked));
    for (const [mim, trace] of read) assert.equal(trace, checked.get(mim), mim.id);
    // The lists the rules read are the rows' own.
    const shared = matrix!.rows.filter((r) => r.mechanisms.length > 0);
    assert.ok(shared.length > 0);
    for (const r of shared) {
      const trace = [...read].find(([m]) => m.id === r.mim)![1];
      assert.equal(r.mechanisms, trace.mechanisms.get(r.id));
    }
    assert.deepEqual(matrix, (await scanned()).matrix);
  });

  it('are made again for each reading where the workspace keeps nothing (the CLI)', async () => {
    const ws = new Workspace(new NodeFileSystem(), { roots: [DIR], incremental: false });
    await ws.scan();
    const [mim] = ws.mims();
    assert.notEqual(ws.index.ownTrace(mim), ws.index.ownTrace(mim));
    assert.deepEqual(ws.index.ownTrace(mim).rows, ws.index.ownTrace(mim).rows);
  });
});

describe('matrix scope and filter', () => {
  it('shows the MIM of a file, the MIMs under a folder, or the whole workspace', async () => {
    const { ws } = await scanned();
    const of = (scope: 'mim' | 'workspace', path?: string) => mimsInScope(ws.index, scope, path).map((m) => m.id);
    assert.deepEqual(of('mim', `${DIR}/repo/docs/mechanisms.md`), ['MIM3']);
    assert.deepEqual(of('mim', `${DIR}/spec.mim.yaml`), ['MIM5']);
    assert.deepEqual(of('mim', `${DIR}/repo`), ['MIM3']);
    assert.deepEqual(of('workspace', `${DIR}/spec.mim.yaml`).sort(), ['MIM3', 'MIM5']);
  });

  it('keeps rows bearing every mark and holding every word of the filter', async () => {
    const { rows } = (await scanned()).matrix;
    assert.equal(filterRows(rows, '  '), rows);
    assert.deepEqual(ids(filterRows(rows, 'unsatisfied')), ['MIM3.R1.3', 'MIM3.R2.2', 'MIM5.R2.1']);
    assert.deepEqual(ids(filterRows(rows, 'satisfied UNTESTED')), ['MIM5.R1.2']);
    assert.deepEqual(ids(filterRows(rows, 'mim3 m2')), ['MIM3.R1.1', 'MIM3.R2.1']);
    assert.deepEqual(ids(filterRows(rows, 'prohibited')), ['MIM3.R2.2']);
    assert.deepEqual(ids(filterRows(rows, 'mim5.r1')), ['MIM5.R1.1', 'MIM5.R1.2']);
  });
});
