import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Finding } from '../../server/src/model/finding.js';
import { checkFolder } from '../support/check.js';
import { CORPUS } from '../support/paths.js';

/**
 * The published MIMs beside the project, read-only: no crash, the right model, and their real
 * defects found at their lines, with silence on the rows that are right.
 */
const skip = CORPUS ? false : 'the corpus (../shared/corpus) is absent';

type Check = Awaited<ReturnType<typeof checkFolder>>;
const checks = new Map<string, Promise<Check>>();
const repo = (name: string) => {
  if (!checks.has(name)) checks.set(name, checkFolder(join(CORPUS!, name)));
  return checks.get(name)!;
};

function at(findings: Finding[], file: string, code: string): number[] {
  return findings.filter((f) => f.file.endsWith(file) && f.code === code).map((f) => f.range.start.line + 1);
}

describe('corpus', { skip }, () => {
  it('reads every repository without an internal failure', async () => {
    for (const name of ['accessing-data-mim-0', 'oasc-mims', 'oasc-mims-old']) {
      const { findings } = await repo(name);
      assert.deepEqual(
        findings.filter((f) => f.code.startsWith('internal/')),
        [],
        name,
      );
    }
  });

  it('reads the accessing-data repository into the right model', async () => {
    const { ws } = await repo('accessing-data-mim-0');
    const mim = ws.mims().find((m) => m.id === 'MIM0');
    assert.ok(mim, 'MIM0 is found');
    assert.equal(mim.title, 'Accessing Data');
    assert.equal(mim.convention, 'bcp14');
    assert.deepEqual(
      mim.capabilities.map((c) => c.id),
      ['C1', 'C2', 'C3', 'C4'],
    );
    assert.equal(mim.capabilities[1].title, 'Access is structured and queryable');
    assert.deepEqual(
      mim.capabilities.map((c) => c.requirements.map((r) => r.id)),
      [['R1.1', 'R1.2', 'R1.3', 'R1.4'], ['R2.1', 'R2.2'], ['R3.1', 'R3.2'], []],
    );
    const r14 = mim.requirements.find((r) => r.id === 'R1.4')!;
    assert.equal(r14.text, 'Data Models used by payloads should be specified (see MIM2)');
    assert.deepEqual([r14.keyword, r14.level], ['should', 'recommended']);
    const r32 = mim.requirements.find((r) => r.id === 'R3.2')!;
    assert.deepEqual([r32.keyword, r32.level, r32.idRange.start.line + 1], ['MAY', 'optional', 70]);
    assert.deepEqual(
      mim.mechanisms.map((m) => [m.id, m.title]),
      [['M1', 'REST API with JSON Description']],
    );
    const rows = mim.mechanisms[0].satisfies;
    assert.deepEqual(
      rows.map((r) => r.ref.target?.id ?? null),
      ['R1.1', 'R1.2', 'R1.3', 'R1.4', 'R2.1', 'R2.2', 'R3.1', 'R3.2', null],
    );
    assert.deepEqual(
      rows.map((r) => r.range.start.line + 1),
      [132, 133, 134, 135, 136, 137, 138, 139, 140],
    );
    assert.equal(rows[2].quote, 'Access mechanism(s) SHALL be formally described.');
  });

  it('finds the real defects of the accessing-data repository at their lines', async () => {
    const { findings } = await repo('accessing-data-mim-0');
    assert.deepEqual(at(findings, 'publiccode.yml', 'syntax/yaml'), [14]);
    assert.deepEqual(at(findings, 'capabilities-and-requirements.md', 'conventions/mismatch'), [3]);
    assert.deepEqual(at(findings, 'capabilities-and-requirements.md', 'requirement/keyword-case'), [21]);
    assert.deepEqual(at(findings, 'capabilities-and-requirements.md', 'capability/no-requirements'), [81]);
    assert.deepEqual(at(findings, 'capabilities-and-requirements.md', 'hygiene/invisible-char'), [81]);
    assert.deepEqual(at(findings, 'docs/mechanisms.md', 'trace/unknown-requirement'), [140]);
    assert.ok(
      at(findings, 'docs/mechanisms.md', 'normative-in-informative').includes(42),
      'MUST in the mechanism prose',
    );
  });

  it('stays silent on the mapping rows that are right', async () => {
    const { findings } = await repo('accessing-data-mim-0');
    const onRows = findings.filter(
      (f) => f.file.endsWith('docs/mechanisms.md') && f.range.start.line + 1 >= 132 && f.range.start.line + 1 <= 139,
    );
    assert.deepEqual(
      onRows.map((f) => `${f.range.start.line + 1} ${f.code}`),
      [],
    );
    assert.deepEqual(
      findings.filter((f) => ['trace/uncovered-requirement', 'trace/text-drift', 'trace/level-drift'].includes(f.code)),
      [],
    );
  });

  it('finds duplicated anchors, glued headings, empty sections and links without a scheme', async () => {
    const old = (await repo('oasc-mims-old')).findings;
    assert.deepEqual(at(old, 'oasc-mims-mim-1-context-information-management.md', 'anchor/duplicate'), [48]);
    assert.deepEqual(at(old, 'oasc-governance.md', 'link/missing-scheme'), [58, 58, 58]);
    assert.deepEqual(
      at(old, 'oasc-governance.md', 'link/broken-file'),
      [],
      'a link without a scheme is not also a missing file',
    );
    const current = (await repo('oasc-mims')).findings;
    assert.deepEqual(at(current, 'oasc-mim9-analytics.md', 'structure/lost-heading'), [15]);
    assert.deepEqual(at(current, 'oasc-mim9-analytics.md', 'structure/empty-section'), [17]);
    assert.deepEqual(at(current, 'oasc-mim-1-context.md', 'link/text-mismatch'), [39, 60]);
  });

  it('reads the single-page MIMs with their identity and status', async () => {
    const { ws } = await repo('oasc-mims');
    const ids = ws
      .mims()
      .filter((m) => m.known)
      .map((m) => m.id)
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    assert.deepEqual(ids, ['MIM1', 'MIM2', 'MIM3', 'MIM4', 'MIM5', 'MIM6', 'MIM7', 'MIM8', 'MIM9', 'MIM10']);
    const mim4 = ws.mims().find((m) => m.id === 'MIM4')!;
    assert.equal(mim4.title, 'Trust');
    assert.deepEqual(mim4.documents.map((d) => d.file.split('/').pop()).sort(), ['README.md', 'references.md']);
    assert.ok(ws.mims().find((m) => m.id === 'MIM1')!.status, 'the Status table gives a status');
  });
});
