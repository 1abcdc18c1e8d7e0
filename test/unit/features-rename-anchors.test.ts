import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rename, type RenameResult } from '../../server/src/features/rename.js';
import type { TextEdit } from '../../server/src/model/finding.js';
import { findCursor } from '../support/cursor.js';
import { applyEdits, showEdits } from '../support/edits.js';
import { memoryWorkspace, readFixtureTree } from '../support/memory-fs.js';
import { fixture } from '../support/paths.js';

const CAPS = '/ws/data/docs/capabilities-and-requirements.md';
const MECH = '/ws/data/docs/mechanisms.md';
const FIXTURE = readFixtureTree(fixture('features', 'renumber'));

// Links to the headings of C3, R3.1 and M1, on their own page and from the other, in Markdown
// and in HTML, one written in other case; and a heading whose anchor M4's heading will take.
const FILES: Record<string, string> = {
  ...FIXTURE,
  [CAPS]: `${FIXTURE[CAPS]}\n## See also\n\nThe [bulk capability](#c3-datasets-can-be-fetched-in-bulk), [one file](#R31-Systems-SHALL-offer-each-dataset-as-one-file) and [the download](mechanisms.md#m1-bulk-download-over-https).\n`,
  [MECH]: `${FIXTURE[MECH]}\n## See also\n\nBack to [the download](#m1-bulk-download-over-https), to [bulk](capabilities-and-requirements.md#c3-datasets-can-be-fetched-in-bulk) and [one file](<./capabilities-and-requirements.md#r31-systems-shall-offer-each-dataset-as-one-file>); <a href="capabilities-and-requirements.md#c3-datasets-can-be-fetched-in-bulk">bulk</a>.\n\n### m4 bulk download over https\n\nA [heading](#m4-bulk-download-over-https) that is no mechanism.\n`,
};

async function renameIn(path: string, snippet: string, newName: string): Promise<RenameResult> {
  const ws = await memoryWorkspace(FILES);
  const result = rename(ws, path, findCursor(FILES[path], snippet), newName);
  assert.ok('edits' in result, JSON.stringify(result));
  return result;
}

/** The edits that write an anchor: those whose text is a slug, not an id. */
const anchorsOf = (edits: readonly TextEdit[]) => showEdits(edits.filter((e) => e.newText.includes('-')));

async function brokenAnchors(files: Record<string, string>): Promise<string[]> {
  const ws = await memoryWorkspace(files);
  return [...ws.check().values()]
    .flat()
    .filter((f) => f.code.startsWith('link/'))
    .map((f) => `${f.code} ${f.message}`);
}

describe('rename and the anchors of headings', () => {
  it('starts from pages whose links all resolve', async () => {
    assert.deepEqual(await brokenAnchors(FILES), []);
  });

  it('moves every link to a mechanism heading, and to the heading whose anchor takes a -1 suffix', async () => {
    const result = await renameIn(MECH, '## M{|}1: Bulk', 'M4');
    assert.deepEqual(anchorsOf(result.edits), [
      'data/docs/capabilities-and-requirements.md:24:156-24:183 "m4-bulk-download-over-https"',
      'data/docs/mechanisms.md:19:25-19:52 "m4-bulk-download-over-https"',
      'data/docs/mechanisms.md:23:14-23:41 "m4-bulk-download-over-https-1"',
    ]);
    const files = applyEdits(FILES, result.edits);
    assert.match(
      files[MECH],
      /## M4: Bulk[\s\S]*\[the download\]\(#m4-bulk-download-over-https\)[\s\S]*\[heading\]\(#m4-bulk-download-over-https-1\)/,
    );
    assert.deepEqual(await brokenAnchors(files), []);
  });

  it('moves links to a capability heading with the rename, and to requirement headings with the renumbering', async () => {
    const result = await renameIn(CAPS, '## C{|}3 Datasets', 'C7');
    assert.deepEqual(anchorsOf(result.edits), [
      'data/docs/capabilities-and-requirements.md:24:24-24:58 "c7-datasets-can-be-fetched-in-bulk"',
      'data/docs/mechanisms.md:19:98-19:132 "c7-datasets-can-be-fetched-in-bulk"',
      'data/docs/mechanisms.md:19:279-19:313 "c7-datasets-can-be-fetched-in-bulk"',
    ]);
    assert.deepEqual(anchorsOf(result.renumbering!.edits), [
      'data/docs/capabilities-and-requirements.md:24:73-24:121 "r71-systems-shall-offer-each-dataset-as-one-file"',
      'data/docs/mechanisms.md:19:185-19:233 "r71-systems-shall-offer-each-dataset-as-one-file"',
    ]);
    // The rename alone, or with its renumbering: either way every link still resolves.
    assert.deepEqual(await brokenAnchors(applyEdits(FILES, result.edits)), []);
    assert.deepEqual(await brokenAnchors(applyEdits(FILES, [...result.edits, ...result.renumbering!.edits])), []);
  });

  it('leaves links alone when the anchor does not change', async () => {
    const result = await renameIn(CAPS, '**R3{|}.2**', 'R3.5');
    assert.deepEqual(anchorsOf(result.edits), []);
  });
});
