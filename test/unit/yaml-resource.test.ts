import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { range as r } from '../../server/src/model/range.js';
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
    assert.deepEqual(doc.problems, [{ code: 'schema/invalid', message: "mims[1] must match ^MIM(0|[1-9][0-9]*)$, got 'MIM 7'", range: r(2, 13, 2, 20) }]);
    const bad = parseResourceYaml('x.mim.yml', 'mims: MIM0\ndevelopmentStatus: done\nlegal:\n  license: 1\n', 1);
    assert.deepEqual(bad.problems, [
      { code: 'schema/invalid', message: "the document is missing required property 'name'", range: r(0, 0, 0, 4) },
      { code: 'schema/invalid', message: "mims must be a list, got 'MIM0'", range: r(0, 6, 0, 10) },
      { code: 'schema/invalid', message: "developmentStatus must be one of: concept, development, beta, stable, obsolete; got 'done'", range: r(1, 19, 1, 23) },
      { code: 'schema/invalid', message: 'license must be a string or empty, got 1', range: r(3, 11, 3, 12) },
    ]);
  });

  it('names the missing keys of an empty descriptor', () => {
    assert.deepEqual(parseResourceYaml('x.mim.yml', '', 1).problems, [
      { code: 'schema/invalid', message: "the document is missing required properties 'name', 'mims'", range: r(0, 0, 0, 0) },
    ]);
  });
});

describe('parseResourceYaml: publiccode.yml', () => {
  const F = 'repo/publiccode.yml';
  const doc = parseResourceYaml(F, readFileSync(fixture('yaml', 'publiccode', 'publiccode.yml'), 'utf8'), 1);

  it('skips a comment-only first document and claims the MIM number written in the name', () => {
    assert.deepEqual(doc.problems, []);
    assert.equal(doc.title, 'Noise Monitoring (MIM12)');
    assert.deepEqual(doc.identity, [{ mim: 'MIM12', title: 'Noise Monitoring', source: 'publiccode', file: F, range: r(4, 23, 4, 30) }]);
  });

  it('falls back to description.en.genericName, and checks only the types of the keys it reads', () => {
    const other = parseResourceYaml(F, 'name: 5\ndescription:\n  en:\n    genericName: Accessing Data MIM-0\nfreeKey: [any]\n', 1);
    assert.deepEqual(other.problems, [{ code: 'schema/invalid', message: 'name must be a string, got 5', range: r(0, 6, 0, 7) }]);
    assert.deepEqual(other.identity, [{ mim: 'MIM0', title: 'Accessing Data', source: 'publiccode', file: F, range: r(3, 32, 3, 37) }]);
  });

  it('claims nothing where no MIM number is written', () => {
    assert.deepEqual(parseResourceYaml(F, 'name: Minimal Interoperability Mechanisms\n', 1).identity, []);
    assert.deepEqual(parseResourceYaml(F, '', 1).problems, []);
  });

  it('reports invalid YAML and still reads the name', () => {
    const broken = parseResourceYaml(F, 'name: Sensors (MIM3)\ndescription:\n  en:\n    genericName: mim: sensors\n', 1);
    assert.deepEqual(broken.problems, [{ code: 'syntax/yaml', message: 'Nested mappings are not allowed in compact mappings', range: r(3, 17, 3, 18) }]);
    assert.equal(broken.identity[0].mim, 'MIM3');
  });

  const corpus = join(ROOT, '..', 'shared', 'corpus', 'accessing-data-mim-0', 'publiccode.yml');
  it('reads the published publiccode.yml of MIM0 without throwing', { skip: !existsSync(corpus) && 'the shared corpus is not present' }, () => {
    const real = parseResourceYaml('publiccode.yml', readFileSync(corpus, 'utf8'), 1);
    assert.deepEqual(
      real.problems.map((p) => [p.code, p.range.start.line]),
      [['syntax/yaml', 13]],
    );
  });
});
