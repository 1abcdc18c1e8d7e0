import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { normalizePath } from '../../server/src/base/paths.js';
import { NodeFileSystem } from '../../server/src/node/file-system.js';
import { renderGitbook } from '../../server/src/render/gitbook.js';
import { placeProse } from '../../server/src/render/gitbook-prose.js';
import { Workspace } from '../../server/src/workspace/workspace.js';
import { matchGolden } from '../support/golden.js';
import { ROOT } from '../support/paths.js';

async function exampleMim() {
  const file = normalizePath(join(ROOT, 'examples', 'local-digital-twins.mim.yaml'));
  const ws = new Workspace(new NodeFileSystem(), { roots: [dirname(file)], incremental: false });
  await ws.scan();
  return ws.mims().find((m) => m.documents.some((d) => d.file === file))!;
}

describe('GitBook export of examples/local-digital-twins.mim.yaml', () => {
  it('writes the repository: config, GitBook settings, README, table of contents, a page per part, references', async () => {
    const files = renderGitbook(await exampleMim());
    assert.deepEqual(
      [...files.keys()],
      [
        'mimspec.yaml',
        '.gitbook.yaml',
        'docs/SUMMARY.md',
        'docs/README.md',
        'docs/capabilities-and-requirements.md',
        'docs/mechanisms.md',
        'docs/interoperability-guidance.md',
        'docs/conformance.md',
        'docs/references.md',
      ],
    );
    for (const [path, text] of files) matchGolden(`render/gitbook/local-digital-twins/${path}`, text);
  });

  it('keeps in mimspec.yaml the settings the specification was read under', async () => {
    const files = renderGitbook(await exampleMim(), {
      numbering: 'oasc-2022',
      rules: { 'id/sequence': 'off' },
      registry: [{ id: 'MIM12', title: 'Noise "Monitoring"', url: 'https://example.org/mim12' }],
    });
    assert.equal(
      files.get('mimspec.yaml'),
      [
        'mim: MIM8',
        'numbering: oasc-2022',
        'conventions: bcp14',
        'rules:',
        '  id/sequence: off',
        'registry:',
        '  - { id: MIM12, title: "Noise \\"Monitoring\\"", url: "https://example.org/mim12" }',
        '',
      ].join('\n'),
    );
  });
});

describe('prose placed on a page', () => {
  it('writes a heading as a paragraph in bold, with a blank line around it, in its quote or list item', () => {
    assert.equal(
      placeProse('Text\n# Title #\nMore\n\n> ## Quoted\n\n* ### In an item\n\nSetext\n======\n\n#\n'),
      'Text\n\n**Title**\n\nMore\n\n> **Quoted**\n\n* **In an item**\n\n**Setext**',
    );
  });

  it('gives a leading id or label its first letter as a character reference, and leaves the rest', () => {
    assert.equal(
      placeProse(
        'R1.1 is quoted.\n\n- C.2 no\n- Mechanism 3 no\n- The M1 mechanism\n\n**Covers:** R1.1\n\n## T9 Not a test',
      ),
      '&#82;1.1 is quoted.\n\n- &#67;.2 no\n- &#77;echanism 3 no\n- The M1 mechanism\n\n**&#67;overs:** R1.1\n\n**&#84;9 Not a test**',
    );
  });

  it('leaves code, HTML blocks and line ends within paragraphs as they are, and drops trailing blank lines', () => {
    const code = '```\n# not a heading\nR1.1 not an id\n```\n\n    ## indented code\n\n<div>\n# html\n</div>';
    assert.equal(placeProse(`${code}\n\n\n`), code);
    assert.equal(placeProse('one\r\ntwo\r\n'), 'one\ntwo');
  });
});
