import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { siblingKeys, yamlContext } from '../../server/src/features/support/yaml-context.js';
import { parseMimYaml } from '../../server/src/parse/yaml/mim-yaml.js';
import { placeCursor } from '../support/cursor.js';

/** Where the cursor `{|}` stands in a YAML text: `at path` as the editor features read it. */
function contextOf(text: string): string | undefined {
  const { text: clean, position } = placeCursor(text);
  const y = yamlContext(parseMimYaml('/t.mim.yaml', clean, 1), position);
  return y && `${y.at} ${y.path.join('/')}${y.wordText ? ` "${y.wordText}"` : ''}`;
}

const SPEC = `mim: MIM8
capabilities:
  - id: C1
    description: |
      Free text: with a colon,
        and a deeper line.
      - a Markdown list
      - in the text
    requirements:
      - id: R1.1
        text: A plain scalar
          continued here.
      - id: R1.2
        seeAlso: [MIM7.R1.1, R1.1]
mechanisms:
- id: M1
  satisfies:
    - requirement: R1.1
`;

function at(marker: string, replace: string): string | undefined {
  assert.ok(SPEC.includes(marker), marker);
  return contextOf(SPEC.replace(marker, replace));
}

describe('yamlContext', () => {
  it('reads keys and values along their path, through sequences', () => {
    assert.equal(at('mim: MIM8', 'mi{|}m: MIM8'), 'key mim "mi"');
    assert.equal(at('mim: MIM8', 'mim: MIM{|}8'), 'value mim "MIM"');
    assert.equal(at('      - id: R1.2', '      - id: R1{|}.2'), 'value capabilities/0/requirements/1/id "R1"');
    assert.equal(
      at('    - requirement: R1.1', '    - requ{|}irement: R1.1'),
      'key mechanisms/0/satisfies/0/requirement "requ"',
    );
  });

  it('counts items in flow sequences and in compact sequences at the column of their key', () => {
    assert.equal(at('[MIM7.R1.1, R1.1]', '[MIM7.R1.1, R1{|}.1]'), 'item capabilities/0/requirements/1/seeAlso/1 "R1"');
    assert.equal(at('- id: M1', '- id: M{|}1'), 'value mechanisms/0/id "M"');
  });

  it('tells text in a block scalar and a continued plain scalar from keys', () => {
    assert.equal(at('Free text: with', 'Free text: wi{|}th'), 'text capabilities/0/description "wi"');
    assert.equal(at('and a deeper', 'and a dee{|}per'), 'text capabilities/0/description "dee"');
    assert.equal(at('      - in the text', '      - in the te{|}xt'), 'text capabilities/0/description "te"');
    assert.equal(at('continued here.', 'continued{|} here.'), 'value capabilities/0/requirements/0/text "continued"');
  });

  it('reads a new line as an entry of the collection its column belongs to', () => {
    assert.equal(at('      - id: R1.2\n', '      - id: R1.2\n        {|}\n'), 'entry capabilities/0/requirements/1');
    assert.equal(at('      - id: R1.2\n', '      - id: R1.2\n      {|}\n'), 'entry capabilities/0/requirements');
    assert.equal(at('      - id: R1.2\n', '      - id: R1.2\n      - {|}\n'), 'item capabilities/0/requirements/2');
    assert.equal(at('mechanisms:\n', '{|}\nmechanisms:\n'), 'entry ');
    assert.equal(at('mechanisms:\n', 'cap{|}\nmechanisms:\n'), 'entry  "cap"');
  });

  it('stays silent in comments', () => {
    assert.equal(contextOf('mim: MIM8 # the {|}number\n'), undefined);
  });

  it('lists the keys written on the other lines of a map', () => {
    const doc = parseMimYaml('/t.mim.yaml', SPEC, 1);
    assert.deepEqual(siblingKeys(doc, 13, 8), ['id']);
    assert.deepEqual(siblingKeys(doc, 12, 8), ['seeAlso']);
    assert.deepEqual(siblingKeys(doc, 0, 0), ['capabilities', 'mechanisms']);
  });
});
