import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfig } from '../../server/src/config/read-config.js';
import { fastTree } from '../../server/src/parse/yaml/fast-tree.js';
import { readYaml } from '../../server/src/parse/yaml/load.js';
import { readEvents } from '../../server/src/parse/yaml/yaml-events.js';
import { parseDocument } from '../../server/src/workspace/load-document.js';
import { memoryWorkspace } from '../support/memory-fs.js';

/**
 * Every warning the `yaml` library (2.9) can give with the options mimspec reads YAML with
 * (parse/yaml/parser-warnings.ts lists them) is a `syntax/yaml-warning` finding where it is
 * written, whichever YAML file holds it; the fast path leaves every such text to the
 * recovering parser, so the two read paths agree; and the library writes nothing anywhere.
 */
const WARNINGS: { text: string; at: string; says: RegExp }[] = [
  { text: 'mim: 1\ntitle: !title T\n', at: '!title', says: /^Unresolved tag: !title; the tag is ignored/ },
  { text: 'mim: 1\ntitle: T\nobjective: !!set [a]\n', at: '!!set', says: /set used for seq collection/ },
  { text: 'mim: 1\ntitle: T\nobjective: !!omap x\n', at: '!!omap', says: /^Unresolved tag: tag:yaml.org,2002:omap/ },
  { text: 'mim: 1\ntitle: T\nobjective: !!binary [x]\n', at: '!!binary', says: /binary used for seq collection/ },
  { text: '%TAG ! tag:example.org,2026:\n---\nmim: 1\ntitle: !t T\n', at: '!t', says: /^Unresolved tag: tag:example/ },
  {
    text: '%SPEC bins\n---\nmim: 1\ntitle: T\n',
    at: '%SPEC bins',
    says: /^Unknown directive %SPEC; the directive is ignored/,
  },
  { text: '%YAML 1.3\n---\nmim: 1\ntitle: T\n', at: '1.3', says: /^Unsupported YAML version 1.3/ },
  { text: 'mim: 1\ntitle: &t: T\n', at: ':', says: /^Anchor ending in : is ambiguous; the colon is read as part/ },
  { text: 'mim: 1\ntitle: &t: T\nobjective: *t:\n', at: ':', says: /^Alias ending in : is ambiguous/ },
];

/** Where `at` is in `text`; `:` is the last colon (of `&t:` or `*t:`). */
function offsetOf(text: string, at: string): number {
  if (at === ':') return text.lastIndexOf(':');
  return text.indexOf(at);
}

describe('the YAML parser warnings', () => {
  it('are syntax/yaml-warning findings where they are written, in a *.mim.yaml', () => {
    for (const { text, at, says } of WARNINGS) {
      const doc = parseDocument('/ws/a.mim.yaml', 'mim-yaml', text, 1);
      const found = doc.problems.filter((p) => p.code === 'syntax/yaml-warning' && says.test(p.message));
      assert.equal(found.length, 1, `${JSON.stringify(text)}: ${JSON.stringify(doc.problems)}`);
      assert.deepEqual(found[0].range.start, doc.lines.positionAt(offsetOf(text, at)), JSON.stringify(text));
      // A warning leaves the file readable: no syntax/yaml, and its schema is checked.
      assert.ok(!doc.problems.some((p) => p.code === 'syntax/yaml'), JSON.stringify(text));
      assert.equal(readYaml(text).clean, true);
    }
  });

  it('come from the recovering parser alone: the fast path leaves every such text to it, events given or not', () => {
    for (const { text } of WARNINGS) {
      assert.equal(fastTree(text), undefined, JSON.stringify(text));
      assert.deepEqual(readYaml(text, readEvents(text)), readYaml(text), JSON.stringify(text));
    }
  });

  it('are found in resource descriptors, mimspec.yaml and front matter too', () => {
    const resource = parseDocument('/ws/tools.mim.yml', 'resource', 'name: !n Toolkit\nmims: [MIM7]\n', 1);
    assert.deepEqual(
      resource.problems.map((p) => [p.code, p.range.start]),
      [['syntax/yaml-warning', { line: 0, character: 6 }]],
    );
    const config = parseConfig('/ws/mimspec.yaml', '%MIMSPEC 2\n---\nnumbering: oasc-2025\n');
    assert.deepEqual(
      config.problems.map((p) => [p.code, p.range.start.line]),
      [['syntax/yaml-warning', 0]],
    );
    assert.equal(config.numbering, 'oasc-2025');
    const page = parseDocument(
      '/ws/docs/README.md',
      'markdown',
      '---\ndescription: !d Bins\n? [a]\n: b\n---\n\n# Objective\n',
      1,
    );
    assert.deepEqual(
      page.problems.map((p) => [p.code, p.message.slice(0, 30), p.range.start]),
      [
        ['syntax/yaml', 'Front matter: a key that is a ', { line: 2, character: 2 }],
        ['syntax/yaml-warning', 'Front matter: Unresolved tag: ', { line: 1, character: 13 }],
      ],
    );
  });

  it('take the severity of their code, warning, and can be set like any rule', async () => {
    const ws = await memoryWorkspace({
      '/ws/a.mim.yaml': 'mim: MIM7\ntitle: !t T\n',
      '/ws/mimspec.yaml': 'rules:\n  syntax/yaml-warning: error\n',
    });
    const found = (ws.check().get('/ws/a.mim.yaml') ?? []).filter((f) => f.code === 'syntax/yaml-warning');
    assert.deepEqual(
      found.map((f) => f.severity),
      ['error'],
    );
  });

  it('write nothing to the process: no warning emitted, nothing logged, whatever the environment says', () => {
    const emitted: unknown[] = [];
    const logged: unknown[] = [];
    const { emitWarning } = process;
    const { log, dir, warn, error } = console;
    const env = { LOG_TOKENS: process.env.LOG_TOKENS, LOG_STREAM: process.env.LOG_STREAM };
    process.emitWarning = ((w: unknown) => void emitted.push(w)) as typeof process.emitWarning;
    console.log = console.dir = console.warn = console.error = (...a: unknown[]) => void logged.push(a);
    // The library prints every token when these are set: the build takes that out (build/patches/yaml-debug-env.mjs).
    process.env.LOG_TOKENS = '1';
    process.env.LOG_STREAM = '1';
    try {
      for (const text of [...WARNINGS.map((w) => w.text), 'mim: 1\n? [a]\n: b\n', 'mim: 1\n? {a: 1}\n: b\nx: [\n'])
        for (const kind of ['mim-yaml', 'resource'] as const) parseDocument('/ws/a.mim.yaml', kind, text, 1);
      parseDocument('/ws/p.md', 'markdown', '---\n? [a]\n: b\nt: !x y\n---\n# P\n', 1);
    } finally {
      process.emitWarning = emitWarning;
      Object.assign(console, { log, dir, warn, error });
      for (const [k, v] of Object.entries(env))
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    }
    assert.deepEqual(emitted, []);
    assert.deepEqual(logged, []);
  });
});
