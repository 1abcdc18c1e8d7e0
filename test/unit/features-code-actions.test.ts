import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeActions, fixAll, safeEdits, type CodeAction } from '../../server/src/features/code-actions.js';
import type { Finding } from '../../server/src/model/finding.js';
import { range, type Range } from '../../server/src/model/range.js';
import { findCursor, showLocation } from '../support/cursor.js';
import { memoryWorkspace, readFixtureTree } from '../support/memory-fs.js';
import { fixture } from '../support/paths.js';

const FILES = readFixtureTree(fixture('features', 'workspace'));
const CAPS = '/ws/geo/docs/capabilities-and-requirements.md';
const MECHANISMS = '/ws/geo/docs/mechanisms.md';

/** The range of the first occurrence of `text` in a file (the cursor-free way to point at it). */
function rangeOf(fileText: string, text: string): Range {
  const start = findCursor(fileText, `{|}${text}`);
  return range(start.line, start.character, start.line, start.character + text.length);
}

function show(actions: CodeAction[]): string[] {
  return actions.map(
    (a) =>
      `${a.kind} ${a.title}${a.diagnosticCode ? ` [${a.diagnosticCode}]` : ''}: ${a.edits.map((e) => `${showLocation(e)} ${JSON.stringify(e.newText)}`).join(', ')}`,
  );
}

async function actionsWith(changes: Record<string, string>, file: string, at: string): Promise<string[]> {
  const files = { ...FILES, ...changes };
  const ws = await memoryWorkspace(files);
  return show(codeActions(ws, file, rangeOf(files[file], at)));
}

describe('codeActions', () => {
  it('adds the missing mapping row to the last mechanism of the MIM for a requirement nothing satisfies', async () => {
    assert.deepEqual(await actionsWith({}, CAPS, 'R2.2'), [
      'quickfix Add a mapping row for R2.2 to M2 [trace/uncovered-requirement]: geo/docs/mechanisms.md:21:77-21:77 "\\n| R2.2 | Systems MAY support filtering by a polygon. |  |"',
    ]);
    assert.deepEqual(await actionsWith({}, '/ws/twins.mim.yaml', 'R1.2\n'), [
      'quickfix Add a mapping row for R1.2 to M1 [trace/uncovered-requirement]: twins.mim.yaml:26:40-26:40 "\\n      - requirement: R1.2"',
    ]);
  });

  it('creates a missing requirement under the capability of its number, quoting the mapping row', async () => {
    const mechanisms = FILES[MECHANISMS].replace(
      '| R2.1 | Systems SHALL support filtering by a bounding box. |',
      '| R2.5 | Systems SHALL support filtering by time. |',
    );
    assert.deepEqual(await actionsWith({ [MECHANISMS]: mechanisms }, MECHANISMS, 'R2.5'), [
      'quickfix Create requirement R2.5 in C2 [trace/unknown-requirement]: geo/docs/capabilities-and-requirements.md:18:55-18:55 "\\n* **R2.5** Systems SHALL support filtering by time."',
    ]);
  });

  it('creates a capability at the end of the capabilities part when none has the number', async () => {
    const conformance = FILES['/ws/geo/docs/conformance.md'].replace('Covers: R1.1, R1.2', 'Covers: R1.1, R4.1');
    assert.deepEqual(
      await actionsWith({ '/ws/geo/docs/conformance.md': conformance }, '/ws/geo/docs/conformance.md', 'R4.1'),
      [
        'quickfix Create requirement R4.1 in a new capability C4 [trace/unknown-requirement]: geo/docs/capabilities-and-requirements.md:18:55-18:55 "\\n\\n## C4 New capability\\n\\n* **R4.1** "',
      ],
    );
  });

  it('creates a missing requirement in YAML, and in the MIM that a global reference names', async () => {
    const yaml = FILES['/ws/twins.mim.yaml']
      .replace('covers: [R1.1]', 'covers: [R1.1, R1.3]')
      .replace('seeAlso: [MIM7.R1.1]', 'seeAlso: [MIM7.R1.7]');
    assert.deepEqual(await actionsWith({ '/ws/twins.mim.yaml': yaml }, '/ws/twins.mim.yaml', 'R1.3'), [
      'quickfix Create requirement R1.3 in C1 [trace/unknown-requirement]: twins.mim.yaml:15:29-15:29 "\\n      - id: R1.3\\n        text: \\"\\""',
    ]);
    assert.deepEqual(await actionsWith({ '/ws/twins.mim.yaml': yaml }, '/ws/twins.mim.yaml', 'MIM7.R1.7'), [
      'quickfix Create requirement R1.7 in C1 [trace/unknown-requirement]: geo/docs/capabilities-and-requirements.md:13:52-13:52 "\\n* **R1.7** "',
    ]);
  });

  it('offers the fixes that findings carry', async () => {
    const caps = FILES[CAPS].replace('* **R2.2**', '* **R2.1**');
    const actions = await actionsWith({ [CAPS]: caps }, CAPS, 'R2.1** Systems MAY');
    assert.ok(
      actions.includes(
        'quickfix Renumber to R2.2 [id/duplicate]: geo/docs/capabilities-and-requirements.md:18:5-18:9 "R2.2"',
      ),
      actions.join('\n'),
    );
  });

  it('writes the MIM id that a resource descriptor names by its repository, preferred', async () => {
    const path = '/ws/tools/kerb.mim.yml';
    const text = 'name: Kerb viewer\nmims:\n  - geospatial-data-mim-7\n';
    const ws = await memoryWorkspace({ ...FILES, [path]: text });
    const actions = codeActions(ws, path, rangeOf(text, 'geospatial'));
    assert.deepEqual(show(actions), ['quickfix Write MIM7 [schema/invalid]: tools/kerb.mim.yml:3:5-3:26 "MIM7"']);
    assert.equal(actions[0].preferred, true);
    assert.deepEqual(show(fixAll(ws, path) ? [fixAll(ws, path)!] : []), [
      'source.fixAll Fix all safe mimspec problems: tools/kerb.mim.yml:3:5-3:26 "MIM7"',
    ]);
  });
});

describe('fixAll', () => {
  it('applies every safe fix of a file in one action', async () => {
    const objective = '/ws/geo/docs/objective.md';
    const ws = await memoryWorkspace({
      ...FILES,
      [objective]:
        '# Objec\u200Btive\n\nSee [the portal](www.example.org/data) and [the city](www.city.example.org).\n',
    });
    const action = fixAll(ws, objective);
    assert.equal(action?.kind, 'source.fixAll');
    assert.deepEqual(show(action ? [action] : []), [
      'source.fixAll Fix all safe mimspec problems: geo/docs/objective.md:1:8-1:9 "", geo/docs/objective.md:3:18-3:18 "https://", geo/docs/objective.md:3:55-3:55 "https://"',
    ]);
  });

  it('has nothing to do in a clean file', async () => {
    const ws = await memoryWorkspace(FILES);
    assert.equal(fixAll(ws, MECHANISMS), undefined);
  });

  it('leaves out a fix that overlaps an earlier one, and keeps fixes that only touch', () => {
    const finding = (r: Range, newText: string): Finding => ({
      code: 'x/y',
      severity: 'warning',
      message: '',
      file: '/f',
      range: r,
      fixes: [{ title: newText, edits: [{ file: '/f', range: r, newText }], preferred: true }],
    });
    const edits = safeEdits([
      finding(range(0, 0, 0, 4), 'a'),
      finding(range(0, 2, 0, 6), 'b'),
      finding(range(0, 4, 0, 8), 'c'),
      finding(range(1, 0, 1, 0), 'd'),
      finding(range(1, 0, 1, 0), 'e'),
    ]);
    assert.deepEqual(
      edits.map((e) => e.newText),
      ['a', 'c', 'd'],
    );
    const unsafe: Finding = {
      ...finding(range(2, 0, 2, 1), 'u'),
      fixes: [{ title: 'u', edits: [{ file: '/f', range: range(2, 0, 2, 1), newText: 'u' }] }],
    };
    assert.deepEqual(safeEdits([unsafe]), []);
  });
});
