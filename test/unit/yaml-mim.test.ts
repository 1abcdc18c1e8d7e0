import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { DocumentModel } from '../../server/src/model/document.js';
import { range as r, type Range } from '../../server/src/model/range.js';
import { parseMimYaml } from '../../server/src/parse/yaml/mim-yaml.js';
import { fixture } from '../support/paths.js';

const F = 'noise-monitoring.mim.yaml';
const doc = parseMimYaml(F, readFileSync(fixture('yaml', F), 'utf8'), 1);

/** The range of a span of offsets, to compare spans with hand-counted positions. */
function spanRange(d: DocumentModel, span: { start: number; end: number }): Range {
  return d.lines.rangeOf(span.start, span.end);
}

describe('parseMimYaml: a complete specification', () => {
  it('parses without problems', () => {
    assert.deepEqual(doc.problems, []);
    assert.equal(doc.kind, 'mim-yaml');
    assert.equal(doc.role, 'spec');
    assert.equal(doc.version, 1);
  });

  it('reads the header', () => {
    assert.deepEqual(doc.identity, [
      { mim: 'MIM12', title: 'Noise Monitoring', source: 'yaml', file: F, range: r(1, 5, 1, 10) },
    ]);
    assert.equal(doc.title, 'Noise Monitoring');
    assert.equal(doc.edition, '2027');
    assert.equal(doc.status, 'specification');
    assert.equal(doc.category, 'application-specific');
    assert.deepEqual(doc.conventions, {
      listed: [],
      defined: [],
      file: F,
      range: r(6, 0, 6, 18),
      source: 'yaml',
      convention: 'bcp14',
    });
  });

  it('records each part at its key', () => {
    assert.deepEqual(doc.parts, [
      { part: 'objective', file: F, range: r(7, 0, 7, 9) },
      { part: 'capabilities', file: F, range: r(10, 0, 10, 12) },
      { part: 'mechanisms', file: F, range: r(29, 0, 29, 10) },
      { part: 'guidance', file: F, range: r(38, 0, 38, 24) },
      { part: 'conformance', file: F, range: r(43, 0, 43, 11) },
    ]);
  });

  it('reads capabilities with their ids, extents and descriptions', () => {
    const [c1, c2] = doc.capabilities;
    assert.equal(doc.capabilities.length, 2);
    assert.deepEqual(
      [c1.kind, c1.id, c1.rawId, c1.title, c1.file],
      ['capability', 'C1', 'C1', 'Noise levels can be read', F],
    );
    assert.deepEqual(c1.idRange, r(11, 8, 11, 10));
    assert.deepEqual(c1.range, r(11, 4, 22, 19));
    assert.deepEqual(spanRange(doc, c1.description!), r(13, 17, 13, 59));
    assert.equal('malformed' in c1, false);
    assert.deepEqual([c2.id, c2.title, c2.idRange, c2.range], ['C2', 'Alerts', r(23, 8, 23, 10), r(23, 4, 28, 78)]);
    assert.equal(c2.description, undefined);
  });

  it('lists every requirement of the file in order, as its capabilities hold them', () => {
    assert.deepEqual(
      doc.requirements.map((q) => q.id),
      ['R1.1', 'R1.2', 'R2.1'],
    );
    assert.deepEqual(
      doc.requirements,
      doc.capabilities.flatMap((c) => c.requirements),
    );
  });

  it('reads a plain requirement: text, span, keyword offsets, seeAlso', () => {
    const r11 = doc.capabilities[0].requirements[0];
    assert.deepEqual(
      [r11.kind, r11.id, r11.rawId, r11.capability, r11.level, r11.title],
      ['requirement', 'R1.1', 'R1.1', 'C1', 'none', ''],
    );
    assert.equal(r11.keyword, undefined);
    assert.deepEqual(r11.idRange, r(15, 12, 15, 16));
    assert.deepEqual(r11.range, r(15, 8, 17, 34));
    assert.equal(r11.text, 'Sensor readings SHALL be published with a timestamp.');
    assert.deepEqual(spanRange(doc, r11.textSpan), r(16, 14, 16, 66));
    assert.equal(r11.keywords.length, 1);
    const [hit] = r11.keywords;
    assert.deepEqual([hit.written, hit.key, hit.level, hit.length], ['SHALL', 'SHALL', 'required', 5]);
    assert.deepEqual(doc.lines.positionAt(hit.offset), { line: 16, character: 30 });
    assert.deepEqual(r11.seeAlso, [
      {
        file: F,
        range: r(17, 18, 17, 27),
        text: 'MIM7.R1.1',
        role: 'seeAlso',
        mim: 'MIM7',
        target: { kind: 'requirement', id: 'R1.1' },
      },
      { file: F, range: r(17, 29, 17, 33), text: 'R1.2', role: 'seeAlso', target: { kind: 'requirement', id: 'R1.2' } },
    ]);
  });

  it('reads a quoted id inside its quotes and a folded block scalar after its header', () => {
    const r12 = doc.capabilities[0].requirements[1];
    assert.deepEqual([r12.id, r12.rawId, r12.title], ['R1.2', 'R1.2', 'Units']);
    assert.deepEqual(r12.idRange, r(18, 13, 18, 17));
    assert.deepEqual(r12.range, r(18, 8, 22, 19));
    assert.equal(r12.text, 'Levels SHOULD be given in dB(A).');
    assert.deepEqual(spanRange(doc, r12.textSpan), r(21, 10, 22, 19));
    assert.deepEqual(doc.lines.positionAt(r12.keywords[0].offset), { line: 21, character: 17 });
    assert.deepEqual(r12.seeAlso, []);
  });

  it('reads a single-quoted text inside its quotes, with the prose references in it', () => {
    const r21 = doc.capabilities[1].requirements[0];
    assert.deepEqual(
      [r21.id, r21.capability, r21.idRange, r21.range],
      ['R2.1', 'C2', r(27, 12, 27, 16), r(27, 8, 28, 78)],
    );
    assert.deepEqual(spanRange(doc, r21.textSpan), r(28, 15, 28, 77));
    assert.deepEqual(doc.lines.positionAt(r21.keywords[0].offset), { line: 28, character: 24 });
    assert.deepEqual(
      doc.refs.filter((x) => x.role === 'prose'),
      [
        { file: F, range: r(9, 19, 9, 23), text: 'MIM7', role: 'prose', mim: 'MIM7' },
        { file: F, range: r(28, 72, 28, 76), text: 'R1.1', role: 'prose', target: { kind: 'requirement', id: 'R1.1' } },
      ],
    );
  });

  it('reads mechanisms with standards and the mapping rows', () => {
    assert.equal(doc.mechanisms.length, 1);
    const m1 = doc.mechanisms[0];
    assert.deepEqual(
      [m1.kind, m1.id, m1.title, m1.idRange, m1.range],
      ['mechanism', 'M1', 'SensorThings API', r(30, 8, 30, 10), r(30, 4, 37, 30)],
    );
    assert.deepEqual(m1.standards, ['OGC 18-088']);
    assert.deepEqual(spanRange(doc, m1.description!), r(33, 17, 33, 66));
    assert.deepEqual(m1.satisfies, [
      {
        ref: {
          file: F,
          range: r(35, 21, 35, 25),
          text: 'R1.1',
          role: 'satisfies',
          target: { kind: 'requirement', id: 'R1.1' },
        },
        how: 'Each Observation carries phenomenonTime.',
        file: F,
        range: r(35, 8, 36, 55),
      },
      {
        ref: {
          file: F,
          range: r(37, 21, 37, 30),
          text: 'MIM7.R1.1',
          role: 'satisfies',
          mim: 'MIM7',
          target: { kind: 'requirement', id: 'R1.1' },
        },
        file: F,
        range: r(37, 8, 37, 30),
      },
    ]);
  });

  it('reads guidance and tests (their prose below)', () => {
    assert.deepEqual(
      doc.guidance.map(({ text: _, ...g }) => g),
      [
        {
          kind: 'guidance',
          id: 'G1',
          rawId: 'G1',
          idRange: r(39, 8, 39, 10),
          file: F,
          range: r(39, 4, 42, 62),
          title: 'Bridging',
          mechanisms: [
            {
              file: F,
              range: r(41, 17, 41, 19),
              text: 'M1',
              role: 'guidance-mechanisms',
              target: { kind: 'mechanism', id: 'M1' },
            },
          ],
        },
      ],
    );
    assert.deepEqual(
      doc.tests.map(({ description: _, ...t }) => t),
      [
        {
          kind: 'test',
          id: 'T1',
          rawId: 'T1',
          idRange: r(44, 8, 44, 10),
          file: F,
          range: r(44, 4, 48, 59),
          title: 'Timestamps present',
          covers: [
            {
              file: F,
              range: r(46, 13, 46, 17),
              text: 'R1.1',
              role: 'covers',
              target: { kind: 'requirement', id: 'R1.1' },
            },
            {
              file: F,
              range: r(46, 19, 46, 23),
              text: 'R2.1',
              role: 'covers',
              target: { kind: 'requirement', id: 'R2.1' },
            },
          ],
          method: 'automated',
        },
      ],
    );
  });

  it('puts every reference in doc.refs, in written order', () => {
    assert.deepEqual(
      doc.refs.map((x) => `${x.role}:${x.text}`),
      [
        'prose:MIM7',
        'seeAlso:MIM7.R1.1',
        'seeAlso:R1.2',
        'prose:R1.1',
        'satisfies:R1.1',
        'satisfies:MIM7.R1.1',
        'guidance-mechanisms:M1',
        'covers:R1.1',
        'covers:R2.1',
      ],
    );
  });

  it('reads references and citations, standards included', () => {
    assert.deepEqual(doc.references, [
      {
        tag: 'OGC 18-088',
        kind: 'normative',
        title: 'OGC SensorThings API Part 1: Sensing',
        url: 'https://example.org/ogc-18-088',
        file: F,
        tagRange: r(51, 14, 51, 24),
        range: r(51, 6, 51, 113),
      },
      {
        tag: 'b-ISO 1996-1',
        kind: 'bibliography',
        title: 'Acoustics - Description of environmental noise',
        file: F,
        tagRange: r(53, 11, 53, 23),
        range: r(53, 6, 54, 59),
      },
    ]);
    assert.deepEqual(doc.citations, [
      { tag: 'b-ISO 1996-1', file: F, range: r(8, 64, 8, 78) },
      { tag: 'OGC 18-088', file: F, range: r(32, 17, 32, 27) },
      { tag: 'OGC 18-088', file: F, range: r(33, 44, 33, 56) },
    ]);
  });

  it('keeps a text block with its part for every Markdown field', () => {
    assert.deepEqual(
      [...doc.blocks].map((b) => [b.kind, b.part]),
      [
        ['yaml', 'objective'],
        ['yaml', 'capabilities'],
        ['yaml', 'capabilities'],
        ['yaml', 'capabilities'],
        ['yaml', 'capabilities'],
        ['yaml', 'mechanisms'],
        ['yaml', 'mechanisms'],
        ['yaml', 'guidance'],
        ['yaml', 'conformance'],
        ['yaml', undefined],
        ['yaml', undefined],
      ],
    );
    assert.deepEqual(spanRange(doc, doc.blocks.at(0)!), r(8, 2, 9, 24));
  });

  it('keeps the Markdown of its prose fields as written, where they stand', () => {
    assert.equal(
      doc.objective?.markdown,
      'Cities compare street noise across districts, as described in [b-ISO 1996-1]\nand in line with MIM7.\n',
    );
    assert.deepEqual(spanRange(doc, doc.objective!), r(8, 2, 9, 24));
    assert.equal(doc.capabilities[0].description?.markdown, 'Sensors report **sound levels** over time.');
    assert.equal(doc.mechanisms[0].description?.markdown, 'Observations are served as [OGC 18-088] entities.');
    assert.equal(doc.guidance[0].text?.markdown, 'Gateways translate between M1 and proprietary feeds.');
    assert.deepEqual(spanRange(doc, doc.guidance[0].text!), r(42, 10, 42, 62));
    assert.equal(doc.tests[0].description?.markdown, 'Fetch ten Observations and check each one.');
    assert.equal(doc.itu?.summary?.markdown, 'This Recommendation describes noise monitoring data.');
    assert.equal(doc.itu?.scope?.markdown, 'It covers street-level noise sensors.');
    assert.deepEqual(
      [doc.itu?.definitions, doc.itu?.annexes, doc.itu?.appendices],
      [{ elsewhere: [], here: [] }, [], []],
    );
  });

  it('keeps the terms, annexes and appendices of the itu block with their prose', () => {
    const text = [
      'mim: MIM7',
      'title: Maps',
      'itu:',
      '  definitions:',
      '    elsewhere:',
      '      - { term: smart city, source: b-ITU-T Y.4900, definition: A city that *uses* ICT. }',
      '    here:',
      '      - { term: map service }',
      '  annexes:',
      '    - { title: Profiles, text: "The **profiles**." }',
      '  appendices:',
      '    - { title: Examples }',
    ].join('\n');
    const itu = parseMimYaml('maps.mim.yaml', text, 1).itu!;
    const prose = (p?: { markdown: string }) => p?.markdown;
    assert.deepEqual(
      itu.definitions.elsewhere.map((d) => [d.term, d.source, prose(d.definition)]),
      [['smart city', 'b-ITU-T Y.4900', 'A city that *uses* ICT.']],
    );
    assert.deepEqual(itu.definitions.here, [{ term: 'map service' }]);
    assert.deepEqual(
      itu.annexes.map((a) => [a.title, prose(a.text)]),
      [['Profiles', 'The **profiles**.']],
    );
    assert.deepEqual(itu.appendices, [{ title: 'Examples' }]);
  });

  it('reads suppressions from YAML comments', () => {
    assert.deepEqual(doc.suppressions, [{ line: 27, codes: ['requirement/no-keyword'] }]);
  });

  it('reads the itu block, listing top-level references and conventions at their ITU-T place', () => {
    const itu = doc.itu!;
    assert.deepEqual(itu.range, r(55, 0, 62, 50));
    assert.deepEqual(itu.clauses, [
      { name: 'summary', range: r(56, 2, 56, 9) },
      { name: 'keywords', range: r(57, 2, 57, 10) },
      { name: 'scope', range: r(58, 2, 58, 7) },
      { name: 'references', range: r(50, 2, 50, 11) },
      { name: 'abbreviations', range: r(59, 2, 59, 15) },
      { name: 'conventions', range: r(6, 0, 6, 11) },
      { name: 'bibliography', range: r(52, 2, 52, 14) },
    ]);
    assert.deepEqual(itu.keywords, [
      { text: 'noise', range: r(57, 13, 57, 18) },
      { text: 'sensors', range: r(57, 20, 57, 27) },
      { text: 'smart city', range: r(57, 29, 57, 39) },
    ]);
    assert.deepEqual(itu.abbreviations, [
      { abbr: 'dB', expansion: 'decibel', range: r(60, 6, 60, 38) },
      { abbr: 'API', expansion: 'Application Programming Interface', range: r(61, 6, 62, 50) },
    ]);
  });
});

describe('parseMimYaml: ids of other forms', () => {
  const L = 'legacy-ids.mim.yaml';
  const legacy = parseMimYaml(L, readFileSync(fixture('yaml', L), 'utf8'), 'v1');

  it('keeps legacy ids in the model as the ids they were meant to be (R.1 under C1 is R1.1), flagged, and leaves their form to id/format', () => {
    assert.deepEqual(
      legacy.capabilities.map((c) => [c.id, c.rawId, c.malformed, c.idRange]),
      [
        ['C1', 'C.1', true, r(3, 8, 3, 11)],
        ['M1', 'M1', true, r(10, 8, 10, 10)],
      ],
    );
    assert.deepEqual(
      legacy.capabilities[0].requirements.map((q) => [q.id, q.rawId, q.malformed, q.capability, q.idRange]),
      [
        ['R1.1', 'R.1', true, 'C1', r(5, 12, 5, 15)],
        ['R1.3', 'R1.3\u200b', undefined, 'C1', r(7, 12, 7, 17)],
        ['R1.4', 'RC1.4', true, 'C1', r(8, 12, 8, 17)],
      ],
    );
  });

  it('reports invisible characters in ids', () => {
    assert.deepEqual(legacy.invisibles, [
      { what: 'U+200B ZERO WIDTH SPACE', where: 'id', file: L, range: r(7, 16, 7, 17) },
    ]);
  });

  it('reports on the node at fault what the schema rejects, once per node', () => {
    assert.deepEqual(legacy.problems, [
      { code: 'schema/invalid', message: "requirements[1] is missing required property 'text'", range: r(7, 8, 7, 10) },
      { code: 'schema/invalid', message: "id must match ^C[1-9][0-9]*$, got 'M1'", range: r(10, 8, 10, 10) },
      { code: 'schema/invalid', message: "capabilities[2] is missing required property 'id'", range: r(11, 4, 11, 9) },
    ]);
  });

  it('keeps the requirements of a capability without an id, under no capability', () => {
    assert.deepEqual(
      legacy.requirements.map((q) => [q.id, q.capability]),
      [
        ['R1.1', 'C1'],
        ['R1.3', 'C1'],
        ['R1.4', 'C1'],
        ['R9.1', undefined],
      ],
    );
    assert.equal(legacy.blocks.length, 3);
  });
});
