import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseDocument } from 'yaml';
import { fastTree, isAmbiguous, treeData } from '../../server/src/parse/yaml/fast-tree.js';
import { fullTree } from '../../server/src/parse/yaml/full-tree.js';
import { readYaml } from '../../server/src/parse/yaml/load.js';
import { isMap, isScalar, type YamlNode } from '../../server/src/parse/yaml/tree.js';
import { mutations } from '../support/mutations.js';
import { CORPUS, ROOT } from '../support/paths.js';

/**
 * The fast path (js-yaml's events) may only take a file the recovering parser (`yaml`) reads
 * without error, and must then give the very same tree and data. Checked on every YAML file
 * of the fixtures, the examples and the corpus, on hand-written corner cases, and on
 * thousands of seeded mutations of those files.
 */

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yamlFiles(path, out);
    else if (/\.ya?ml$/.test(name)) out.push(path);
  }
  return out;
}

const FILES = [join(ROOT, 'test', 'fixtures'), join(ROOT, 'examples'), ...(CORPUS ? [CORPUS] : [])].flatMap((d) =>
  yamlFiles(d),
);

const CORNER_CASES = [
  "a: 1\nb: \"x\\ty \\u00e9 \\x41\"\nc: 'it''s'\n",
  'd: |\n  line1\n\n  line2\n\ne: >-\n  f1\n  f2\n',
  'd: |+\n  kept\n\n\ne: >2\n    indented\n',
  'd: | # a comment | with bars\n  y\n',
  'd: |\ne: 1\n',
  'list:\n  - |\n    a\n  - >\n    b\n  -\n  - - nested\n    - again\n',
  'a: [1, 2 ] # c\nb: {}\nc: []\nd: {x: 1, y: [a, b], z: {q: r}}\n',
  'a: x\n  y\n  z  \nb: 1\n',
  'a: "q\n  r"\nb: \'s\n\n  t\'\n',
  'a: b #c\n# trailing comment\n',
  '? a\n: b\n',
  'a:\n  -\n  -\nb:\nc: ~\nd: null\n',
  '1: one\ntrue: yes\n0x1F: hex\n1.5: float\n',
  '__proto__: {polluted: true}\nconstructor: x\n',
  'a: 0o17\nb: .inf\nc: -.Inf\nd: .NaN\ne: 1e3\nf: +12\ng: 012\nh: 1_000\ni: 2026-01-01\n',
  'a: "  spaced  "\nb: \'\'\nc: ""\n',
  'k: v\r\nl:\r\n  - x\r\n  - |\r\n    y\r\n',
  '\uFEFFbom: first\n',
  '"quoted key": 1\n\'single key\': 2\n',
  'a:\n  b:\n    c:\n      d: deep\n  e: back\n',
  'text: >\n  folded\n  lines\n\n  para\n',
  'd: |+\n  kept\n\n\ne: >2\n   \n',
  'k: v\rl: w\n',
  'a: "multi\\\n  \n  line escape"\n',
  'a: &anchor 1\nb: *anchor\n',
  'a: !tag x\n',
  '--- \na: 1\n...\n',
  'a: 1\na: 2\n',
  'a:\tb\n',
  'a: b: c\n',
  `${'k'.repeat(1100)}: long key\n`,
  'a: [1, 2\n',
  'seq:\n- a\n- b\nmap:\n  x: 1\n',
  '- top\n- level\n',
  'plain scalar only\n',
  '',
  '# only a comment\n',
  '{a: 1, b: [x, y]}\n',
  'a: {b: }\nc: [d: e]\n',
  'a: "multi\\\n  line escape"\n',
  'url: http://example.org/a#b\nhash: a#b\n',
  // Texts yaml warns about (parse/yaml/parser-warnings.ts): the fast path must leave them to it.
  '%SPEC x\n---\na: 1\n',
  '%YAML 1.3\n---\na: 1\n',
  'a: &x: 1\nb: *x:\n',
  'a: !!set [b]\nc: !!omap d\n',
  '? [a]\n: b\n',
];

/** Undefined when the two readings agree; else what differs. */
function disagreement(text: string): string | undefined {
  const fast = fastTree(text);
  if (!fast) return undefined;
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) return `the fast path read a file yaml rejects: ${doc.errors[0].message}`;
  if (doc.warnings.length > 0) return `the fast path read a file yaml warns about: ${doc.warnings[0].message}`;
  const full = fullTree(doc.contents, text);
  try {
    assert.deepEqual(fast.root, full);
    assert.deepEqual(treeData(fast.root), doc.toJS());
  } catch (e) {
    return (e as Error).message.slice(0, 2000);
  }
  return undefined;
}

describe('the YAML fast path', () => {
  it('reads every YAML file of the fixtures, examples and corpus as yaml does', () => {
    assert.ok(FILES.length > 20, `too few YAML files found: ${FILES.length}`);
    let fast = 0;
    for (const file of FILES) {
      const text = readFileSync(file, 'utf8');
      assert.equal(disagreement(text), undefined, file);
      if (fastTree(text)) fast++;
    }
    // Most files are well formed: the fast path must really be taken, not fall back every time.
    assert.ok(fast > FILES.length / 2, `only ${fast} of ${FILES.length} files took the fast path`);
  });

  it('reads the corner cases as yaml does, or leaves them to it', () => {
    for (const text of CORNER_CASES) assert.equal(disagreement(text), undefined, JSON.stringify(text));
  });

  it('leaves anchors, aliases, tags, several documents, duplicate keys, errors and ambiguous white space to yaml', () => {
    for (const text of [
      'a: &x 1\nb: *x\n',
      'a: !t x\n',
      '---\na: 1\n---\nb: 2\n',
      'a: 1\na: 2\n',
      'a: [1\n',
      'a: 1\r',
      '? a\n\t: b\n',
    ]) {
      assert.equal(fastTree(text), undefined, JSON.stringify(text));
    }
  });

  it('finds ambiguous white space exactly where the regular expression that defines it does', () => {
    const definition = /\r(?!\n)|\uFEFF|^ *\t/m;
    const alphabet = ['a', ' ', '\t', '\n', '\r', '\r\n', '\u2028', '\u2029', '\uFEFF', ':'];
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const texts = [...FILES.map((f) => readFileSync(f, 'utf8')), ...CORNER_CASES];
    for (let n = 0; n < 20000; n++) {
      let t = '';
      const length = Math.floor(next() * 8);
      for (let k = 0; k < length; k++) t += alphabet[Math.floor(next() * alphabet.length)];
      texts.push(t);
    }
    for (const t of texts) assert.equal(isAmbiguous(t), definition.test(t), JSON.stringify(t.slice(0, 80)));
  });

  it('agrees with yaml on seeded mutations of every file', () => {
    let compared = 0;
    for (const [i, file] of FILES.entries()) {
      const text = readFileSync(file, 'utf8');
      for (const [j, mutated] of mutations(text, 40, i + 1).entries()) {
        assert.equal(disagreement(mutated), undefined, `${file}, mutation ${j} (seed ${i + 1}):\n${mutated}`);
        compared++;
      }
    }
    for (const [i, text] of CORNER_CASES.entries()) {
      for (const mutated of mutations(text, 40, 1000 + i))
        assert.equal(disagreement(mutated), undefined, JSON.stringify(mutated));
    }
    assert.ok(compared > 1000);
  });

  it('keeps the offsets of ids, quoted values and block scalars', () => {
    const text = 'id: R1.1\ntitle: "Quoted"\ntext: |\n  SHALL do it.\n';
    const root = readYaml(text).root as YamlNode;
    assert.ok(isMap(root));
    const [id, title, body] = root.pairs.map((p) => p.value);
    assert.ok(isScalar(id) && isScalar(title) && isScalar(body));
    assert.equal(text.slice(id.valueStart, id.valueEnd), 'R1.1');
    assert.equal(text.slice(title.start, title.end), '"Quoted"');
    assert.equal(text.slice(title.valueStart, title.valueEnd), 'Quoted');
    assert.equal(text.slice(body.start, body.valueStart), '|\n  ');
    assert.equal(text.slice(body.valueStart, body.valueEnd), 'SHALL do it.');
  });
});
