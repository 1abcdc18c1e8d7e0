import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prepareRename, rename, type RenameResult } from '../../server/src/features/rename.js';
import type { Workspace } from '../../server/src/workspace/workspace.js';
import { findCursor, showRange } from '../support/cursor.js';
import { applyEdits, showEdits } from '../support/edits.js';
import { memoryWorkspace, readFixtureTree } from '../support/memory-fs.js';
import { fixture } from '../support/paths.js';

const FILES = readFixtureTree(fixture('features', 'renumber'));
const CAPS = '/ws/data/docs/capabilities-and-requirements.md';
const MECH = '/ws/data/docs/mechanisms.md';
const CONF = '/ws/data/docs/conformance.md';
const YAML = '/ws/personal.mim.yaml';
const MIM3_PAGES = [CAPS, MECH, CONF];

async function renameIn(
  files: Record<string, string>,
  path: string,
  snippet: string,
  newName: string,
): Promise<RenameResult> {
  const ws = await memoryWorkspace(files);
  const result = rename(ws, path, findCursor(files[path], snippet), newName);
  assert.ok('edits' in result, JSON.stringify(result));
  return result;
}

/** The files once the rename and its renumbering are both applied. */
function applyAll(files: Record<string, string>, result: RenameResult): Record<string, string> {
  return applyEdits(files, [...result.edits, ...(result.renumbering?.edits ?? [])]);
}

async function codes(ws: Workspace): Promise<string[]> {
  return [...new Set([...ws.check().values()].flat().map((f) => `${f.severity} ${f.code}`))].sort();
}

/** Every reference to a requirement of `mimId`, as `file id`, with whether it names one that exists. */
function requirementRefs(ws: Workspace, mimId: string): { id: string; found: boolean }[] {
  return ws.index.refs
    .filter((r) => r.mimId === mimId && r.ref.target?.kind === 'requirement')
    .map((r) => ({ id: r.ref.target!.id, found: ws.index.lookup(r.key!).length > 0 }));
}

describe('rename of a capability', () => {
  it('prepares on the id of a capability, as on any element', async () => {
    const ws = await memoryWorkspace(FILES);
    const r = prepareRename(ws, CAPS, findCursor(FILES[CAPS], '## C{|}3 Datasets'));
    assert.deepEqual(r && { range: showRange(r.range), placeholder: r.placeholder }, {
      range: '11:4-11:6',
      placeholder: 'C3',
    });
  });

  it('renames the heading and offers to renumber its requirements in headings, lists and tables, with every use', async () => {
    const result = await renameIn(FILES, CAPS, '## C{|}3 Datasets', 'C7');
    assert.deepEqual(showEdits(result.edits), [
      'data/docs/capabilities-and-requirements.md:11:4-11:6 "C7"',
      'personal.mim.yaml:6:81-6:83 "C7"',
    ]);
    assert.equal(result.renumbering?.label, 'Renumber the requirements of C3 as R7.x');
    assert.equal(result.renumbering?.description, 'R3.1 → R7.1, R3.2 → R7.2, R3.2a → R7.2a, R3.3 → R7.3');
    assert.deepEqual(showEdits(result.renumbering.edits), [
      // the heading, the list items, the table row, and R3.1 named in R3.2's text
      'data/docs/capabilities-and-requirements.md:13:5-13:9 "R7.1"',
      'data/docs/capabilities-and-requirements.md:15:5-15:9 "R7.2"',
      'data/docs/capabilities-and-requirements.md:15:65-15:69 "R7.1"',
      'data/docs/capabilities-and-requirements.md:16:5-16:10 "R7.2a"',
      'data/docs/capabilities-and-requirements.md:20:3-20:7 "R7.3"',
      'data/docs/conformance.md:5:9-5:13 "R7.1"',
      'data/docs/conformance.md:5:15-5:19 "R7.2"',
      // prose (a local and a global id), then the mapping rows
      'data/docs/mechanisms.md:5:29-5:33 "R7.1"',
      'data/docs/mechanisms.md:5:40-5:44 "R7.2"',
      'data/docs/mechanisms.md:12:3-12:7 "R7.1"',
      'data/docs/mechanisms.md:13:3-13:7 "R7.2"',
      'data/docs/mechanisms.md:14:3-14:8 "R7.2a"',
      'data/docs/mechanisms.md:15:3-15:7 "R7.3"',
      // the other MIM: seeAlso, seeAlso, a legacy dotted path in prose, satisfies
      'personal.mim.yaml:13:24-13:28 "R7.1"',
      'personal.mim.yaml:21:30-21:34 "R7.2"',
      'personal.mim.yaml:26:75-26:80 "R7.3"',
      'personal.mim.yaml:34:27-34:32 "R7.2a"',
    ]);
  });

  it('leaves a valid workspace once both are applied: every reference names an R7.x that exists', async () => {
    const before = await memoryWorkspace(FILES);
    const files = applyAll(FILES, await renameIn(FILES, CAPS, '## C{|}3 Datasets', 'C7'));
    const after = await memoryWorkspace(files);
    // The legacy dotted path is written anew in canonical form, so its id/format error goes too.
    assert.deepEqual(
      await codes(after),
      (await codes(before)).filter((c) => c !== 'error id/format'),
    );
    const refs = requirementRefs(after, 'MIM3');
    assert.equal(refs.length, 14); // the 13 renumbered above and the mapping row of R1.1
    assert.deepEqual(
      refs.filter((r) => !r.found || r.id.startsWith('R3.')),
      [],
    );
    for (const page of MIM3_PAGES) assert.doesNotMatch(files[page], /\bR3\./, page);
    assert.match(
      files[YAML],
      /seeAlso: \[MIM3\.R7\.1\][\s\S]*seeAlso: \[R3\.1, MIM3\.R7\.2\][\s\S]*split as MIM3\.R7\.3 allows[\s\S]*requirement: MIM3\.R7\.2a/,
    );
    // MIM4's own R3.x are another MIM's: untouched.
    assert.match(files[YAML], /- id: R3\.1\n/);
    assert.match(files['/ws/data/docs/README.md'], /as MIM4\.R3\.1 asks/);
  });

  it('renumbers in a *.mim.yaml MIM: satisfies, covers, seeAlso, prose, and the global id in another MIM', async () => {
    const result = await renameIn(FILES, YAML, '- id: C{|}3', 'C7');
    assert.deepEqual(showEdits(result.edits), ['personal.mim.yaml:14:9-14:11 "C7"']);
    assert.equal(result.renumbering?.description, 'R3.1 → R7.1, R3.2 → R7.2');
    assert.deepEqual(showEdits(result.renumbering.edits), [
      'data/docs/README.md:3:44-3:48 "R7.1"',
      'personal.mim.yaml:17:13-17:17 "R7.1"',
      'personal.mim.yaml:19:13-19:17 "R7.2"',
      'personal.mim.yaml:20:71-20:75 "R7.1"',
      'personal.mim.yaml:21:19-21:23 "R7.1"',
      'personal.mim.yaml:26:38-26:42 "R7.1"',
      'personal.mim.yaml:30:22-30:26 "R7.1"',
      'personal.mim.yaml:32:22-32:26 "R7.2"',
      'personal.mim.yaml:38:14-38:18 "R7.1"',
      'personal.mim.yaml:38:20-38:24 "R7.2"',
    ]);
    const before = await memoryWorkspace(FILES);
    const files = applyAll(FILES, result);
    const after = await memoryWorkspace(files);
    assert.deepEqual(await codes(after), await codes(before));
    assert.deepEqual(
      requirementRefs(after, 'MIM4').filter((r) => !r.found || r.id.startsWith('R3.')),
      [],
    );
    assert.match(files['/ws/data/docs/README.md'], /as MIM4\.R7\.1 asks/);
    for (const page of MIM3_PAGES) assert.equal(files[page], FILES[page], page);
  });

  it('gives the same edits from a global reference to the capability', async () => {
    const fromHeading = await renameIn(FILES, CAPS, '## C{|}3 Datasets', 'C7');
    const fromReference = await renameIn(FILES, YAML, '(MIM3.C{|}3)', 'MIM3.C7');
    assert.deepEqual(fromReference, fromHeading);
  });

  it('takes the numbers after the highest R7.n in use, by a stray requirement or a reference to none', async () => {
    const files = {
      ...FILES,
      [CAPS]: FILES[CAPS].replace(
        'metadata.\n',
        'metadata.\n* **R7.1** Publishers SHOULD name a contact for each dataset.\n',
      ),
      [CONF]: FILES[CONF].replace('Covers: R3.1, R3.2', 'Covers: R3.1, R3.2, R7.3'),
    };
    const result = await renameIn(files, CAPS, '## C{|}3 Datasets', 'C7');
    assert.equal(
      result.renumbering?.description,
      'R3.1 → R7.4, R3.2 → R7.5, R3.2a → R7.5a, R3.3 → R7.6 (R7.1, R7.3 are already in use in MIM3, so the numbers follow R7.3)',
    );
    const after = applyAll(files, result);
    assert.match(
      after[CAPS],
      /\*\*R7\.1\*\* Publishers SHOULD name[\s\S]*### R7\.4 Systems[\s\S]*\*\*R7\.5\*\* Systems SHALL state the media type of every file, as R7\.4 requires\.\n\* \*\*R7\.5a\*\*[\s\S]*\| R7\.6 \|/,
    );
    assert.match(after[CONF], /Covers: R7\.4, R7\.5, R7\.3/);
    assert.match(after[YAML], /split as MIM3\.R7\.6 allows/);
  });

  it('renumbers only the definitions of an id another element shares, and only ids numbered after the capability', async () => {
    const files = {
      ...FILES,
      [CAPS]: FILES[CAPS].replace('metadata.\n', 'metadata.\n* **R3.1** Publishers MAY date each dataset.\n').replace(
        '| R3.3 |',
        '| R4.1 |',
      ),
    };
    const result = await renameIn(files, CAPS, '## C{|}3 Datasets', 'C7');
    assert.equal(result.renumbering?.description, 'R3.1 → R7.1, R3.2 → R7.2, R3.2a → R7.2a');
    const after = applyAll(files, result);
    // Which R3.1 a reference means cannot be told; R3.1 under C1 is the user's to mend, and
    // R4.1 under C3 was misnumbered before: none of them changes.
    assert.match(
      after[CAPS],
      /\*\*R3\.1\*\* Publishers MAY[\s\S]*### R7\.1 Systems[\s\S]*\*\*R7\.2\*\* [^\n]*as R3\.1 requires[\s\S]*\| R4\.1 \|/,
    );
    assert.match(after[MECH], /\| R3\.1 \|[\s\S]*\| R7\.2 \|/);
    assert.match(after[CONF], /Covers: R3\.1, R7\.2/);
  });

  it('offers no renumbering when the capability has no requirement numbered after it', async () => {
    const files = { ...FILES, [CAPS]: FILES[CAPS].replace('**R1.1**', '**R2.1**') };
    const result = await renameIn(files, CAPS, '## C{|}1 Datasets', 'C2');
    assert.deepEqual(showEdits(result.edits), ['data/docs/capabilities-and-requirements.md:7:4-7:6 "C2"']);
    assert.equal('renumbering' in result, false);
  });

  it('still refuses to move a requirement to another capability by its own rename', async () => {
    const ws = await memoryWorkspace(FILES);
    assert.deepEqual(rename(ws, CAPS, findCursor(FILES[CAPS], '**R3{|}.2**'), 'R7.2'), {
      error: "R7.2 does not belong to C3: a requirement's first number is its capability's (R3.n)",
    });
  });

  it('gives no partial edit when the request is cancelled during the renumbering', async () => {
    const ws = await memoryWorkspace(FILES);
    const pos = findCursor(FILES[CAPS], '## C{|}3 Datasets');
    let checks = 0;
    assert.ok('edits' in rename(ws, CAPS, pos, 'C7', () => (checks++, false)));
    // One check a reference: the capability's one, then the 13 of its requirements.
    assert.equal(checks, 14);
    let asked = 0;
    assert.deepEqual(
      rename(ws, CAPS, pos, 'C7', () => ++asked === checks),
      { error: 'The rename was cancelled' },
    );
  });
});
