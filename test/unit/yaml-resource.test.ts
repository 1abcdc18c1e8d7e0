import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ParseProblem } from '../../server/src/model/finding.js';
import { LineIndex, range as r } from '../../server/src/model/range.js';
import { parseResourceYaml } from '../../server/src/parse/yaml/resource-yaml.js';
import { fixture, ROOT } from '../support/paths.js';

describe('parseResourceYaml: *.mim.yml', () => {
  const F = 'tools/sensor-hub.mim.yml';
  const doc = parseResourceYaml(F, readFileSync(fixture('yaml', 'sensor-hub.mim.yml'), 'utf8'), 'abc');

  it('reads the name and every entry of mims as a reference to a MIM', () => {
    assert.deepEqual([doc.kind, doc.role, doc.version, doc.title], ['resource', 'resource', 'abc', 'Sensor Hub']);
    assert.deepEqual(doc.refs, [
      { file: F, range: r(2, 7, 2, 11), text: 'MIM0', role: 'resource-mims', mim: 'MIM0' },
      { file: F, range: r(2, 14, 2, 19), text: 'MIM 7', role: 'resource-mims', mim: 'MIM7' },
      { file: F, range: r(2, 22, 2, 27), text: 'MIM12', role: 'resource-mims', mim: 'MIM12' },
    ]);
    assert.deepEqual(doc.identity, []);
  });

  it('validates against the resource schema', () => {
    assert.deepEqual(doc.problems, [
      {
        code: 'schema/invalid',
        message: "mims[1] must be a MIM id: write MIM7, not 'MIM 7'",
        range: r(2, 13, 2, 20),
        fixes: [
          { title: 'Write MIM7', edits: [{ file: F, range: r(2, 13, 2, 20), newText: 'MIM7' }], preferred: true },
        ],
      },
    ]);
    const bad = parseResourceYaml('x.mim.yml', 'mims: MIM0\ndevelopmentStatus: done\nlegal:\n  license: 1\n', 1);
    assert.deepEqual(bad.problems, [
      { code: 'schema/invalid', message: "the document is missing required property 'name'", range: r(0, 0, 0, 4) },
      { code: 'schema/invalid', message: "mims must be a list, got 'MIM0'", range: r(0, 6, 0, 10) },
      {
        code: 'schema/invalid',
        message: "developmentStatus must be one of: concept, development, beta, stable, obsolete; got 'done'",
        range: r(1, 19, 1, 23),
      },
      { code: 'schema/invalid', message: 'license must be a string or empty, got 1', range: r(3, 11, 3, 12) },
    ]);
  });

  it('names the missing keys of an empty descriptor', () => {
    assert.deepEqual(parseResourceYaml('x.mim.yml', '', 1).problems, [
      {
        code: 'schema/invalid',
        message: "the document is missing required properties 'name', 'mims'",
        range: r(0, 0, 0, 0),
      },
    ]);
  });
});

describe('parseResourceYaml: a mims entry that is no MIM id', () => {
  const F = 'tools/kerb.mim.yml';
  const parse = (mims: string, file = F) =>
    parseResourceYaml(file, `MIMYmlVersion: '0.1'\nname: Kerb viewer\nmims: ${mims}\n`, 1);
  /** The text with the problems' fixes applied, last edit first. */
  const applyFixes = (text: string, problems: ParseProblem[]) => {
    const lines = new LineIndex(text);
    const edits = problems.flatMap((p) => p.fixes?.flatMap((f) => f.edits) ?? []);
    return edits
      .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }))
      .sort((a, b) => b.start - a.start)
      .reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
  };

  it('says which MIM id to write for a repository name or a MIM written another way, with a preferred fix', () => {
    const forms = [
      'securing-data-mim-6',
      'mim-6',
      '"MIM 6"',
      'mim6',
      'MIM06',
      "'OASC MIM-6'",
      'https://github.com/oasc/securing-data-mim-6',
      'Securing_Data_MIM_6',
    ];
    for (const form of forms) {
      const doc = parse(`[${form}]`);
      const range = r(2, 7, 2, 7 + form.length);
      const written = form.replace(/^["']|["']$/g, '');
      assert.deepEqual(
        doc.problems,
        [
          {
            code: 'schema/invalid',
            message: `mims[0] must be a MIM id: write MIM6, not '${written}'`,
            range,
            fixes: [{ title: 'Write MIM6', edits: [{ file: F, range, newText: 'MIM6' }], preferred: true }],
          },
        ],
        form,
      );
      const fixed = applyFixes(doc.text, doc.problems);
      assert.equal(fixed, doc.text.replace(form, 'MIM6'));
      const again = parseResourceYaml(F, fixed, 2);
      assert.deepEqual(again.problems, [], form);
      assert.deepEqual(
        again.refs.map((x) => x.mim),
        ['MIM6'],
      );
    }
  });

  it('fixes every entry of a block list, and those of a publiccode.yml', () => {
    const doc = parse('\n  - MIM0\n  - accessing-data-mim-0\n  - geospatial-data-mim-7\n');
    assert.deepEqual(
      doc.problems.map((p) => [p.message, p.fixes?.[0].edits[0].newText]),
      [
        ["mims[1] must be a MIM id: write MIM0, not 'accessing-data-mim-0'", 'MIM0'],
        ["mims[2] must be a MIM id: write MIM7, not 'geospatial-data-mim-7'", 'MIM7'],
      ],
    );
    assert.deepEqual(parseResourceYaml(F, applyFixes(doc.text, doc.problems), 2).problems, []);
    const publiccode = parse('[personal-data-mim-4]', 'repo/publiccode.yml');
    assert.equal(publiccode.problems[0].message, "mims[0] must be a MIM id: write MIM4, not 'personal-data-mim-4'");
    assert.equal(publiccode.problems[0].fixes?.[0].edits[0].file, 'repo/publiccode.yml');
  });

  it('says what a MIM id looks like, and offers no fix, where the entry names no MIM or two', () => {
    for (const form of ['kerb-viewer', 'mim-x', 'mim-1-to-mim-2', 'mimosa-3', 'MIM']) {
      const doc = parse(`[${form}]`);
      assert.deepEqual(
        doc.problems,
        [
          {
            code: 'schema/invalid',
            message: `mims[0] must be a MIM id such as MIM0, got '${form}'`,
            range: r(2, 7, 2, 7 + form.length),
          },
        ],
        form,
      );
    }
  });
});

describe('parseResourceYaml: publiccode.yml', () => {
  const F = 'repo/publiccode.yml';
  const doc = parseResourceYaml(F, readFileSync(fixture('yaml', 'publiccode', 'publiccode.yml'), 'utf8'), 1);

  it('skips a comment-only first document and claims the MIM number written in the name', () => {
    assert.deepEqual(doc.problems, []);
    assert.equal(doc.title, 'Noise Monitoring (MIM12)');
    assert.deepEqual(doc.identity, [
      { mim: 'MIM12', title: 'Noise Monitoring', source: 'publiccode', file: F, range: r(4, 23, 4, 30) },
    ]);
  });

  it('falls back to description.en.genericName, and checks only the types of the keys it reads', () => {
    const other = parseResourceYaml(
      F,
      'name: 5\ndescription:\n  en:\n    genericName: Accessing Data MIM-0\nfreeKey: [any]\n',
      1,
    );
    assert.deepEqual(other.problems, [
      { code: 'schema/invalid', message: 'name must be a string, got 5', range: r(0, 6, 0, 7) },
    ]);
    assert.deepEqual(other.identity, [
      { mim: 'MIM0', title: 'Accessing Data', source: 'publiccode', file: F, range: r(3, 32, 3, 37) },
    ]);
  });

  it('claims nothing where no MIM number is written', () => {
    assert.deepEqual(parseResourceYaml(F, 'name: Minimal Interoperability Mechanisms\n', 1).identity, []);
    assert.deepEqual(parseResourceYaml(F, '', 1).problems, []);
  });

  it('reports invalid YAML and still reads the name', () => {
    const broken = parseResourceYaml(
      F,
      'name: Sensors (MIM3)\ndescription:\n  en:\n    genericName: mim: sensors\n',
      1,
    );
    assert.deepEqual(broken.problems, [
      { code: 'syntax/yaml', message: 'Nested mappings are not allowed in compact mappings', range: r(3, 17, 3, 18) },
    ]);
    assert.equal(broken.identity[0].mim, 'MIM3');
  });

  const corpus = join(ROOT, '..', 'shared', 'corpus', 'accessing-data-mim-0', 'publiccode.yml');
  it(
    'reads the published publiccode.yml of MIM0 without throwing',
    { skip: !existsSync(corpus) && 'the shared corpus is not present' },
    () => {
      const real = parseResourceYaml('publiccode.yml', readFileSync(corpus, 'utf8'), 1);
      assert.deepEqual(
        real.problems.map((p) => [p.code, p.range.start.line]),
        [['syntax/yaml', 13]],
      );
    },
  );
});
