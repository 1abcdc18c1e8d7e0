import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { globMatcher } from '../../server/src/config/globs.js';
import { memoryWorkspace } from '../support/memory-fs.js';

const PATHS = [
  'mechanisms.md',
  'docs/mechanisms.md',
  'docs/README.md',
  'drafts/mechanisms.md',
  'drafts/deep/notes.md',
  'docs/drafts.md',
  '.github/notes.md',
];

/** The paths of PATHS a list of globs matches. */
const matched = (...globs: string[]) => PATHS.filter(globMatcher(globs));

describe('globMatcher', () => {
  it('anchors a pattern with a slash at the config folder', () => {
    assert.deepEqual(matched('docs/mechanisms.md'), ['docs/mechanisms.md']);
    assert.deepEqual(matched('/docs/mechanisms.md'), ['docs/mechanisms.md']);
    assert.deepEqual(matched('./docs/mechanisms.md'), ['docs/mechanisms.md']);
    assert.deepEqual(matched('docs/*.md'), ['docs/mechanisms.md', 'docs/README.md', 'docs/drafts.md']);
  });

  it('matches a pattern without a slash at any depth, as .gitignore does', () => {
    assert.deepEqual(matched('mechanisms.md'), ['mechanisms.md', 'docs/mechanisms.md', 'drafts/mechanisms.md']);
    assert.deepEqual(matched('**/mechanisms.md'), ['mechanisms.md', 'docs/mechanisms.md', 'drafts/mechanisms.md']);
    assert.deepEqual(matched('notes.md'), ['drafts/deep/notes.md', '.github/notes.md']);
  });

  it('takes everything in a folder it names, and a trailing slash names folders only', () => {
    assert.deepEqual(matched('docs/**'), ['docs/mechanisms.md', 'docs/README.md', 'docs/drafts.md']);
    assert.deepEqual(matched('drafts'), ['drafts/mechanisms.md', 'drafts/deep/notes.md']);
    assert.deepEqual(matched('drafts/'), ['drafts/mechanisms.md', 'drafts/deep/notes.md']);
    assert.deepEqual(matched('deep/'), ['drafts/deep/notes.md']);
    assert.deepEqual(matched('drafts.md/'), []);
  });

  it('matches dot folders, braces and classes', () => {
    assert.deepEqual(matched('.github/**'), ['.github/notes.md']);
    assert.deepEqual(matched('{docs,drafts}/mech*.md'), ['docs/mechanisms.md', 'drafts/mechanisms.md']);
    assert.deepEqual(matched('docs/[A-Z]*.md'), ['docs/README.md']);
  });

  it('matches nothing for empty or broken patterns, and never throws', () => {
    assert.deepEqual(matched('', '/', './', '.'), []);
    for (const g of ['[', '(((', '**/[', '!(', '\\']) assert.doesNotThrow(() => matched(g));
  });
});

const FILES = {
  '/ws/docs/README.md': '# MIM7: Kerbside\n\n## Objective\n\nSee [mechanisms](mechanisms.md).\n',
  '/ws/docs/mechanisms.md': '# Mechanisms\n\n| Req. ID | Text |\n| --- | --- |\n| R9.9 | Nothing. |\n',
  '/ws/docs/SUMMARY.md': '# Summary\n\n* [Kerbside](README.md)\n* [Mechanisms](mechanisms.md)\n',
};

describe('Workspace exclusion', () => {
  it('leaves out what a mimspec.yaml excludes, at scan and when an editor gives the text', async () => {
    const ws = await memoryWorkspace({ ...FILES, '/ws/mimspec.yaml': 'mim: MIM7\nexclude: ["docs/mechanisms.md"]\n' });
    assert.equal(ws.document('/ws/docs/mechanisms.md'), undefined);
    assert.ok(ws.isExcluded('/ws/docs/mechanisms.md'));
    ws.setDocument('/ws/docs/mechanisms.md', FILES['/ws/docs/mechanisms.md'], 'editor:1');
    assert.equal(ws.document('/ws/docs/mechanisms.md'), undefined);
    assert.equal(ws.check().get('/ws/docs/mechanisms.md'), undefined);
    assert.ok(ws.document('/ws/docs/README.md'));
  });

  it('leaves out what the exclude setting names, added to a config', async () => {
    for (const glob of ['docs/mechanisms.md', '**/mechanisms.md', 'mechanisms.md', 'docs/**', 'docs/']) {
      const ws = await memoryWorkspace(FILES);
      ws.setSettings({ exclude: [glob] });
      assert.equal(ws.document('/ws/docs/mechanisms.md'), undefined, glob);
      ws.setDocument('/ws/docs/mechanisms.md', FILES['/ws/docs/mechanisms.md'], 'editor:1');
      assert.equal(ws.document('/ws/docs/mechanisms.md'), undefined, glob);
    }
  });

  it('drops a document when the globs come to exclude it, and reads it again when they let it in', async () => {
    const ws = await memoryWorkspace({ ...FILES, '/ws/mimspec.yaml': 'mim: MIM7\n' });
    assert.ok(
      ws
        .check()
        .get('/ws/docs/mechanisms.md')
        ?.some((f) => f.code === 'trace/unknown-requirement'),
    );
    ws.setDocument('/ws/mimspec.yaml', 'mim: MIM7\nexclude: [mechanisms.md]\n', 'editor:1');
    assert.equal(ws.document('/ws/docs/mechanisms.md'), undefined);
    assert.equal(ws.check().get('/ws/docs/mechanisms.md'), undefined);
    assert.equal(await ws.readmit(), false);
    ws.setDocument('/ws/mimspec.yaml', 'mim: MIM7\n', 'editor:2');
    assert.equal(await ws.readmit(), true);
    assert.ok(
      ws
        .check()
        .get('/ws/docs/mechanisms.md')
        ?.some((f) => f.code === 'trace/unknown-requirement'),
    );
  });

  it('keeps include globs: a file they miss is left out', async () => {
    const ws = await memoryWorkspace({ ...FILES, '/ws/mimspec.yaml': 'include: ["docs/README.md", SUMMARY.md]\n' });
    assert.deepEqual([...ws.documents.keys()].sort(), ['/ws/docs/README.md', '/ws/docs/SUMMARY.md']);
  });
});
