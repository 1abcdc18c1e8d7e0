import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { range as r } from '../../server/src/model/range.js';
import { parseConfig } from '../../server/src/config/read-config.js';
import { guardedDocument, neverThrow } from '../../server/src/parse/yaml/guard.js';
import { parseMimYaml } from '../../server/src/parse/yaml/mim-yaml.js';
import { parseResourceYaml } from '../../server/src/parse/yaml/resource-yaml.js';

const spec = (text: string) => parseMimYaml('bad.mim.yaml', text, 1);

function aliasBomb(): string {
  let text = 'mim: MIM1\ntitle: Bomb\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  let prev = 'a';
  for (const name of 'bcdefghi') {
    text += `${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]\n`;
    prev = name;
  }
  return `${text}capabilities: *i\n`;
}

describe('YAML that does not parse', () => {
  it('reports each syntax error at its position with the parser message', () => {
    assert.deepEqual(spec('mim: MIM1\ntitle: a: b\nstatus: [open\n').problems, [
      { code: 'syntax/yaml', message: 'Nested mappings are not allowed in compact mappings', range: r(1, 7, 1, 8) },
      {
        code: 'syntax/yaml',
        message: 'Flow sequence in block collection must be sufficiently indented and end with a ]',
        range: r(3, 0, 3, 0),
      },
    ]);
  });

  it('reports duplicate keys, and no schema problems on top of syntax errors', () => {
    assert.deepEqual(spec('mim: MIM1\ntitle: x\nmim: MIM07\n').problems, [
      { code: 'syntax/yaml', message: 'Map keys must be unique', range: r(2, 0, 2, 1) },
    ]);
  });

  it('still reads what it can from a broken file', () => {
    const doc = spec('mim: MIM1\ntitle: Broken\ncapabilities:\n  - id: C1\n    title: a: b\n');
    assert.equal(doc.problems.length, 1);
    assert.deepEqual(
      doc.capabilities.map((c) => c.id),
      ['C1'],
    );
  });

  it('reads only the first document of a stream', () => {
    const doc = spec('mim: MIM1\ntitle: One\n---\nmim: MIM2\n');
    assert.deepEqual(doc.problems, [
      {
        code: 'syntax/yaml',
        message: 'only the first YAML document of a file is read; this one is ignored',
        range: r(2, 0, 2, 3),
      },
    ]);
    assert.equal(doc.identity[0].mim, 'MIM1');
  });
});

describe('hostile YAML', () => {
  it('stops an alias bomb quickly, and follows no alias into the model', () => {
    const started = Date.now();
    const doc = spec(aliasBomb());
    assert.ok(Date.now() - started < 2000, 'took too long');
    assert.deepEqual(doc.problems, [
      {
        code: 'syntax/yaml',
        message: 'too many aliases: expanding them would exceed 100 nodes (an alias bomb?)',
        range: r(3, 7, 3, 9),
      },
    ]);
    assert.deepEqual(doc.capabilities, []);
    assert.equal(doc.title, 'Bomb');
    assert.equal(
      parseResourceYaml('bomb.mim.yml', aliasBomb(), 1).problems[0].message.startsWith('too many aliases'),
      true,
    );
    assert.equal(parseConfig('mimspec.yaml', aliasBomb()).problems[0].message.startsWith('too many aliases'), true);
  });

  for (const [name, text] of [
    ['10,000 open brackets', '['.repeat(10000)],
    ['10,000 balanced brackets', `${'['.repeat(10000)}${']'.repeat(10000)}`],
    ['10,000 nested flow maps', `${'{a: '.repeat(10000)}1${'}'.repeat(10000)}`],
    ['10,000 nested block lists', `${'- '.repeat(10000)}x\n`],
  ]) {
    it(`reports ${name} as nesting too deep, once, without throwing`, () => {
      for (const problems of [
        spec(text).problems,
        parseResourceYaml('deep.mim.yml', text, 1).problems,
        parseConfig('mimspec.yaml', text).problems,
      ]) {
        const nesting = problems.filter((p) => p.message.startsWith('nesting too deep'));
        assert.equal(nesting.length, 1);
        assert.equal(nesting[0].code, 'syntax/yaml');
        assert.ok(problems.every((p) => p.code === 'syntax/yaml'));
      }
    });
  }
});

describe('files of the wrong shape', () => {
  it('reads an empty file as an empty model that lacks mim and title', () => {
    for (const text of ['', '# only a comment\n']) {
      const doc = spec(text);
      assert.deepEqual(doc.problems, [
        {
          code: 'schema/invalid',
          message: "the document is missing required properties 'mim', 'title'",
          range: r(0, 0, 0, 0),
        },
      ]);
      assert.deepEqual([doc.identity, doc.capabilities, doc.parts, doc.refs, [...doc.blocks]], [[], [], [], [], []]);
      assert.equal(doc.itu, undefined);
    }
  });

  it('rejects a scalar or a list at the top', () => {
    assert.deepEqual(spec('hello').problems, [
      { code: 'schema/invalid', message: "the document must be a map, got 'hello'", range: r(0, 0, 0, 5) },
    ]);
    assert.deepEqual(spec('- a\n- b\n').problems, [
      { code: 'schema/invalid', message: 'the document must be a map, got a list', range: r(0, 0, 1, 3) },
    ]);
    assert.deepEqual(parseResourceYaml('x.mim.yml', '- MIM0\n', 1).problems, [
      { code: 'schema/invalid', message: 'the document must be a map, got a list', range: r(0, 0, 0, 6) },
    ]);
    assert.deepEqual(parseConfig('mimspec.yaml', '42\n').problems, [
      { code: 'schema/invalid', message: 'the document must be a map, got 42', range: r(0, 0, 0, 2) },
    ]);
  });

  it('reports an empty value on its key', () => {
    assert.deepEqual(spec('mim: MIM1\ntitle:\n').problems, [
      { code: 'schema/invalid', message: 'title must be a string, got nothing', range: r(1, 0, 1, 5) },
    ]);
  });
});

describe('never throwing', () => {
  it('turns an exception while filling the model into a problem and an otherwise empty model', () => {
    const doc = guardedDocument('x.mim.yaml', 'mim: MIM1\n', 3, 'mim-yaml', 'spec', (model) => {
      model.title = 'half done';
      throw new Error('boom');
    });
    assert.equal(doc.title, undefined);
    assert.equal(doc.version, 3);
    assert.deepEqual(doc.problems, [
      { code: 'syntax/yaml', message: 'could not read this file: boom', range: r(0, 0, 0, 0) },
    ]);
  });

  it('calls a stack overflow nesting too deep', () => {
    const problem = neverThrow(
      () => {
        throw new RangeError('Maximum call stack size exceeded');
      },
      (p) => p,
    );
    assert.equal(problem.message, 'nesting too deep to read this file');
  });
});
