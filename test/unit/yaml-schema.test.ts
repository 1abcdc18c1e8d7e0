import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { range as r } from '../../server/src/model/range.js';
import { parseMimYaml } from '../../server/src/parse/yaml/mim-yaml.js';
import { configSchema, mimSchema, publiccodeSchema, resourceSchema } from '../../server/src/parse/yaml/schemas.js';
import { MIM_ID_PATTERN } from '../../server/src/parse/text/mim-names.js';

type Schema = { [key: string]: unknown };

/** Paths of properties without a description, directly or through their $ref. */
function undocumented(schema: Schema, root: Schema, path: string): string[] {
  const out: string[] = [];
  const resolved = (s: Schema): Schema =>
    typeof s.$ref === 'string'
      ? { ...(root.$defs as Record<string, Schema>)[s.$ref.replace('#/$defs/', '')], ...s }
      : s;
  const visit = (s: Schema, at: string) => {
    const full = resolved(s);
    for (const [name, child] of Object.entries((full.properties ?? {}) as Record<string, Schema>)) {
      if (typeof resolved(child).description !== 'string') out.push(`${at}.${name}`);
      visit(child, `${at}.${name}`);
    }
    if (full.items && typeof full.items === 'object') visit(full.items as Schema, `${at}[]`);
    if (full.additionalProperties && typeof full.additionalProperties === 'object')
      visit(full.additionalProperties as Schema, `${at}.*`);
  };
  if (typeof schema.$ref !== 'string') visit(schema, path);
  return out;
}

describe('JSON Schemas', () => {
  for (const [name, schema] of Object.entries({ mimSchema, resourceSchema, configSchema, publiccodeSchema })) {
    it(`${name} describes every property, for completion and hover`, () => {
      assert.deepEqual(undocumented(schema as Schema, schema as Schema, name), []);
    });
  }
});

/** Every `pattern` of a schema, wherever it stands. */
function patterns(node: unknown): string[] {
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => (k === 'pattern' && typeof v === 'string' ? [v] : patterns(v)));
}

describe('MIM id fields', () => {
  it('all have the one pattern whose errors say which MIM id to write', () => {
    const mimIds = [mimSchema, resourceSchema, configSchema, publiccodeSchema]
      .flatMap(patterns)
      .filter((p) => new RegExp(p).test('MIM0'));
    assert.equal(
      mimIds.length,
      5,
      "mim, mims of a descriptor and of publiccode.yml, the config's mim and registry ids",
    );
    assert.ok(
      mimIds.every((p) => p === MIM_ID_PATTERN),
      mimIds.join(' '),
    );
  });
});

describe('schema problems in a *.mim.yaml', () => {
  const doc = (text: string) => parseMimYaml('s.mim.yaml', text, 1);

  it('reports an unknown property on its key, listing the allowed ones', () => {
    assert.deepEqual(doc('mim: MIM1\ntitle: x\ncapabilities:\n  - id: C1\n    name: y\n').problems, [
      {
        code: 'schema/invalid',
        message: "unknown property 'name'; allowed: id, title, description, requirements",
        range: r(4, 4, 4, 8),
      },
    ]);
  });

  it('reports a wrong type, enum or pattern on the value', () => {
    assert.deepEqual(
      doc('mim: MIM07\ntitle: [x]\nconventions: rfc2119\nconformance:\n  - id: T1\n    method: magic\n').problems,
      [
        {
          code: 'schema/invalid',
          message: "mim must be a MIM id: write MIM7, not 'MIM07'",
          range: r(0, 5, 0, 10),
          fixes: [
            {
              title: 'Write MIM7',
              edits: [{ file: 's.mim.yaml', range: r(0, 5, 0, 10), newText: 'MIM7' }],
              preferred: true,
            },
          ],
        },
        { code: 'schema/invalid', message: 'title must be a string, got a list', range: r(1, 7, 1, 10) },
        {
          code: 'schema/invalid',
          message: "conventions must be one of: bcp14, iso, itu; got 'rfc2119'",
          range: r(2, 13, 2, 20),
        },
        {
          code: 'schema/invalid',
          message: "method must be one of: automated, manual, self-assessment; got 'magic'",
          range: r(5, 12, 5, 17),
        },
      ],
    );
  });

  it('folds the alternatives of anyOf into one message', () => {
    assert.deepEqual(doc('mim: MIM1\ntitle: x\nitu:\n  keywords: 5\n').problems, [
      { code: 'schema/invalid', message: 'keywords must be a list or a string, got 5', range: r(3, 12, 3, 13) },
    ]);
  });

  it('reports a reference id of the wrong form, and still reads it', () => {
    const d = doc('mim: MIM1\ntitle: x\nconformance:\n  - id: T1\n    covers: R1.1, R1.2\n');
    assert.deepEqual(d.problems, [
      { code: 'schema/invalid', message: "covers must be a list, got 'R1.1, R1.2'", range: r(4, 12, 4, 22) },
    ]);
    assert.deepEqual(
      d.tests[0].covers.map((c) => [c.text, c.range]),
      [
        ['R1.1', r(4, 12, 4, 16)],
        ['R1.2', r(4, 18, 4, 22)],
      ],
    );
  });

  it('reads ITU keywords written as one line', () => {
    const d = doc('mim: MIM1\ntitle: x\nitu:\n  keywords: noise; sensors, smart city\n');
    assert.deepEqual(d.problems, []);
    assert.deepEqual(d.itu!.keywords, [
      { text: 'noise', range: r(3, 12, 3, 17) },
      { text: 'sensors', range: r(3, 19, 3, 26) },
      { text: 'smart city', range: r(3, 28, 3, 38) },
    ]);
  });
});
