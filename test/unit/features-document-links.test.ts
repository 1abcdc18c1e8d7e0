import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentLinks, type DocumentLink } from '../../server/src/features/document-links.js';
import { showRange } from '../support/cursor.js';
import { memoryWorkspace, readFixtureTree } from '../support/memory-fs.js';
import { fixture } from '../support/paths.js';

const FILES = readFixtureTree(fixture('features', 'workspace'));
const workspace = memoryWorkspace(FILES);

const show = (links: DocumentLink[]) =>
  links.map(
    (l) =>
      `${showRange(l.range)} ${'url' in l.target ? l.target.url : `${l.target.file.slice(4)}${l.target.line === undefined ? '' : `:${l.target.line + 1}`}`}`,
  );

describe('documentLinks', () => {
  it('links relative links to their files and anchors, and MIM ids to their main document or the registry', async () => {
    const ws = await workspace;
    assert.deepEqual(show(documentLinks(ws, '/ws/geo/docs/README.md')), [
      '5:16-5:28 geo/docs/objective.md',
      '6:36-6:68 geo/docs/capabilities-and-requirements.md',
      '7:17-7:30 geo/docs/mechanisms.md',
      '8:32-8:60 geo/docs/interoperability-guidance.md',
      '9:41-9:55 geo/docs/conformance.md',
      '1:20-1:24 geo/docs/README.md',
      '3:40-3:44 twins.mim.yaml',
    ]);
    assert.deepEqual(show(documentLinks(ws, '/ws/geo/docs/mechanisms.md')).slice(0, 1), [
      '5:60-5:128 geo/docs/capabilities-and-requirements.md:7',
    ]);
  });

  it('links citations to the address of their reference, and global ids to the element', async () => {
    const ws = await workspace;
    assert.deepEqual(show(documentLinks(ws, '/ws/twins.mim.yaml')), [
      '19:18-19:33 https://www.etsi.org/deliver/etsi_gs/CIM/001_099/009/',
      '21:23-21:40 https://www.etsi.org/deliver/etsi_gs/CIM/001_099/009/',
      '15:19-15:28 geo/docs/capabilities-and-requirements.md:11',
      '21:59-21:69 geo/docs/capabilities-and-requirements.md:12',
      '25:22-25:31 geo/docs/capabilities-and-requirements.md:18',
    ]);
  });
});
