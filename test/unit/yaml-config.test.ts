import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { range as r } from '../../server/src/model/range.js';
import { parseConfig } from '../../server/src/config/read-config.js';
import { RULES } from '../../server/src/rules/catalogue.js';
import { defaultConfig } from '../../server/src/config/project-config.js';
import { fixture } from '../support/paths.js';

describe('parseConfig', () => {
  it('reads every key of mimspec.yaml', () => {
    const config = parseConfig('/proj/mimspec.yaml', readFileSync(fixture('yaml', 'mimspec.yaml'), 'utf8'));
    assert.deepEqual(config, {
      dir: '/proj',
      file: '/proj/mimspec.yaml',
      mim: 'MIM12',
      mimRange: r(0, 5, 0, 10),
      numbering: 'oasc-2025',
      conventions: 'iso',
      rules: { 'id/sequence': 'off', 'cite/unused': 'warning' },
      include: ['docs/**/*.md'],
      exclude: ['drafts/**'],
      registry: [{ id: 'MIM12', title: 'Noise Monitoring', url: 'https://example.org/mim12' }],
      problems: [],
    });
  });

  it('reads oasc-2022 numbering', () => {
    assert.equal(parseConfig('/p/mimspec.yaml', 'numbering: oasc-2022\n').numbering, 'oasc-2022');
  });

  it('gives the defaults for an empty file', () => {
    assert.deepEqual(parseConfig('/p/.mimspec.yaml', ''), { ...defaultConfig('/p'), file: '/p/.mimspec.yaml' });
  });

  it('reports schema problems on the node at fault and keeps defaults for bad values', () => {
    const text =
      'numbering: oasc-2030\nrules:\n  id/sequence: loud\n  Bad Code: off\n  cite/unused: info\nextra: 1\nregistry:\n  - title: Nameless\n';
    const config = parseConfig('/p/mimspec.yaml', text);
    assert.deepEqual(config.problems, [
      {
        code: 'schema/invalid',
        message: "numbering must be one of: oasc-2022, oasc-2025; got 'oasc-2030'",
        range: r(0, 11, 0, 20),
      },
      {
        code: 'schema/invalid',
        message: "id/sequence must be one of: error, warning, info, off; got 'loud'",
        range: r(2, 15, 2, 19),
      },
      {
        code: 'schema/invalid',
        message: 'rules key \'Bad Code\' must match pattern "^[a-z][a-z-]*(/[a-z][a-z-]*)?$"',
        range: r(3, 2, 3, 10),
      },
      {
        code: 'schema/invalid',
        message: "unknown property 'extra'; allowed: mim, numbering, conventions, rules, include, exclude, registry",
        range: r(5, 0, 5, 5),
      },
      { code: 'schema/invalid', message: "registry[0] is missing required property 'id'", range: r(7, 4, 7, 9) },
    ]);
    assert.equal(config.numbering, 'oasc-2025');
    assert.deepEqual(config.rules, { 'Bad Code': 'off', 'cite/unused': 'info' });
    assert.deepEqual(config.registry, []);
  });

  it('reports a rule code that does not exist on its key, unless the schema already faults the key', () => {
    const codes = RULES.map((x) => x.code);
    const text = 'rules:\n  id/sequence: off\n  sequence: warning\n  x: off\n  Bad Code: off\n  cite/unused: loud\n';
    const config = parseConfig('/p/mimspec.yaml', text, codes);
    assert.deepEqual(
      config.problems.map((p) => [p.code, p.range, p.message]),
      [
        [
          'schema/invalid',
          r(4, 2, 4, 10),
          'rules key \'Bad Code\' must match pattern "^[a-z][a-z-]*(/[a-z][a-z-]*)?$"',
        ],
        ['schema/invalid', r(5, 15, 5, 19), "cite/unused must be one of: error, warning, info, off; got 'loud'"],
        [
          'config/unknown-rule',
          r(2, 2, 2, 10),
          "'sequence' is not a mimspec rule code, so this setting changes nothing; did you mean 'id/sequence'?",
        ],
        [
          'config/unknown-rule',
          r(3, 2, 3, 3),
          "'x' is not a mimspec rule code, so this setting changes nothing; the codes are listed in docs/rules/README.md",
        ],
      ],
    );
    assert.deepEqual(parseConfig('/p/mimspec.yaml', 'rules:\n  id/sequence: off\n', codes).problems, []);
  });

  it('reports a mim of the wrong form and reads what it means', () => {
    const config = parseConfig('/p/mimspec.yaml', 'mim: MIM07\n');
    assert.deepEqual(config.problems, [
      {
        code: 'schema/invalid',
        message: "mim must be a MIM id: write MIM7, not 'MIM07'",
        range: r(0, 5, 0, 10),
        fixes: [
          {
            title: 'Write MIM7',
            edits: [{ file: '/p/mimspec.yaml', range: r(0, 5, 0, 10), newText: 'MIM7' }],
            preferred: true,
          },
        ],
      },
    ]);
    assert.equal(config.mim, 'MIM7');
  });

  it('reports YAML errors as syntax/yaml and nothing from the schema', () => {
    const config = parseConfig('/p/mimspec.yaml', 'rules: [\nmim: x\n');
    assert.ok(config.problems.length > 0);
    assert.ok(config.problems.every((p) => p.code === 'syntax/yaml'));
    assert.equal(config.mim, undefined);
  });
});
