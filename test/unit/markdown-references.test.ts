import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Range } from '../../server/src/model/range.js';
import { parseMarkdown } from '../../server/src/parse/markdown/markdown-parser.js';
import { memoryWorkspace } from '../support/memory-fs.js';

/**
 * What a page says of the documents it cites, in the form of a *.mim.yaml's `references`,
 * `standards` and `method`: a list of references under its heading, a mechanism's
 * `Standards:` line and a test's `Method:` line.
 */

const at = (r: Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

describe('references in Markdown', () => {
  const page = [
    '# 2 References', // 0
    '', // 1
    '* [ITU-T Y.4200] Requirements for the interoperability of smart city platforms, <https://www.itu.int/rec/T-REC-Y.4200>', // 2
    '* [RFC9110] HTTP *Semantics*,, <https://www.rfc-editor.org/rfc/rfc9110>', // 3
    '* [OGC 17-069r4]', // 4
    '', // 5
    '[ISO 37120] Sustainable cities, as a paragraph of its own.', // 6
    '', // 7
    '## Bibliography', // 8
    '', // 9
    '- [b-ISO/IEC 30182] Smart city concept model, cited in [ITU-T Y.4200]', // 10
    '- [a link](https://example.org) is no entry', // 11
    '', // 12
    '# Other', // 13
    '', // 14
    '* [ISO 9001] is cited here, not listed.', // 15
  ].join('\n');
  const doc = parseMarkdown('/w/docs/references.md', page, 1);

  it('reads each entry: tag, title without the comma before the address, address, kind from its heading', () => {
    assert.deepEqual(
      doc.references.map((r) => [r.tag, r.kind, r.title, r.url, at(r.tagRange), at(r.range)]),
      [
        [
          'ITU-T Y.4200',
          'normative',
          'Requirements for the interoperability of smart city platforms',
          'https://www.itu.int/rec/T-REC-Y.4200',
          '2:3-2:15',
          '2:0-2:118',
        ],
        ['RFC9110', 'normative', 'HTTP Semantics,', 'https://www.rfc-editor.org/rfc/rfc9110', '3:3-3:10', '3:0-3:71'],
        ['OGC 17-069r4', 'normative', undefined, undefined, '4:3-4:15', '4:0-4:16'],
        ['ISO 37120', 'normative', 'Sustainable cities, as a paragraph of its own.', undefined, '6:1-6:10', '6:0-6:58'],
        [
          'b-ISO/IEC 30182',
          'bibliography',
          'Smart city concept model, cited in [ITU-T Y.4200]',
          undefined,
          '10:3-10:18',
          '10:0-10:69',
        ],
      ],
    );
  });

  it('counts a tag cited in an entry, or outside the lists, as a citation, and no entry as one of itself', () => {
    assert.deepEqual(
      doc.citations.map((c) => [c.tag, at(c.range)]),
      [
        ['ITU-T Y.4200', '10:55-10:69'],
        ['ISO 9001', '15:2-15:12'],
      ],
    );
  });

  it('has the citation rules check a Markdown repository that lists references', async () => {
    const ws = await memoryWorkspace({
      '/ws/docs/README.md': '# Maps (MIM7)\n\nMaps follow [OGC 06-042] and [OGC 99-999].\n',
      '/ws/docs/references.md': '# References\n\n* [OGC 06-042] Web Map Service\n* [OGC 17-069r4] Features\n',
    });
    const found = [...ws.check().values()]
      .flat()
      .filter((f) => f.code.startsWith('cite/'))
      .map((f) => `${f.code} ${f.message}`);
    assert.deepEqual(found.sort(), [
      'cite/undefined "OGC 99-999" is cited but not in the references',
      'cite/unused Reference "OGC 17-069r4" is never cited',
    ]);
  });
});

describe('the Standards: and Method: lines in Markdown', () => {
  const page = [
    '# Mechanisms', // 0
    '', // 1
    '## M1: Features API', // 2
    '', // 3
    'Standards: [OGC 17-069r4], [RFC9110]', // 4
    '', // 5
    '## M2: Tiles', // 6
    '', // 7
    '**Standards:** OGC 20-057, RFC 9110', // 8
    '', // 9
    '# Conformance', // 10
    '', // 11
    '## T1: Features', // 12
    '', // 13
    'Covers: R1.1', // 14
    '', // 15
    'Method: *manual*', // 16
    '', // 17
    'Standards: [ISO 9001] says nothing under a test.', // 18
  ].join('\n');
  const doc = parseMarkdown('/w/docs/mechanisms.md', page, 1);

  it('reads a mechanism standards, cited or listed, each a citation of its tag', () => {
    assert.deepEqual(
      doc.mechanisms.map((m) => [m.id, m.standards]),
      [
        ['M1', ['OGC 17-069r4', 'RFC9110']],
        ['M2', ['OGC 20-057', 'RFC 9110']],
      ],
    );
    assert.deepEqual(
      doc.citations.map((c) => [c.tag, at(c.range)]),
      [
        ['OGC 17-069r4', '4:11-4:25'],
        ['RFC9110', '4:27-4:36'],
        ['OGC 20-057', '8:15-8:25'],
        ['RFC 9110', '8:27-8:35'],
        ['ISO 9001', '18:11-18:21'],
      ],
    );
  });

  it('reads a test method, and nothing of a Standards: line outside a mechanism', () => {
    assert.deepEqual(
      doc.tests.map((t) => [t.id, t.method, t.covers.map((c) => c.text)]),
      [['T1', 'manual', ['R1.1']]],
    );
  });
});
