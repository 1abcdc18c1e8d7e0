import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { definition } from '../../server/src/features/definition.js';
import { hover } from '../../server/src/features/hover.js';
import { documentSymbols, workspaceSymbols, type SymbolNode } from '../../server/src/features/symbols.js';
import type { DocumentModel } from '../../server/src/model/document.js';
import { parseMimYaml } from '../../server/src/parse/yaml/mim-yaml.js';
import { applyEdit, originalOffset, repairYaml } from '../../server/src/parse/yaml/repair.js';
import { findCursor, showLocation, showRange } from '../support/cursor.js';
import { memoryWorkspace } from '../support/memory-fs.js';
import { fixture } from '../support/paths.js';
import { slips } from '../support/slips.js';

/**
 * A one-character slip in a `*.mim.yaml` costs the model the node it is in, and nothing
 * around it: every element elsewhere keeps its id and ranges, and no finding but the syntax
 * error follows from it (no unknown requirement, unresolved reference or missing part).
 */

const NAME = 'street-lighting.mim.yaml';
const FILE = `/ws/${NAME}`;
const INTACT = readFileSync(fixture('yaml', NAME), 'utf8');

const spec = (text: string) => parseMimYaml(FILE, text, 1);
const broken = (doc: DocumentModel) => doc.problems.some((p) => p.code === 'syntax/yaml');

/** Every element and reference entry of a model, with its id and ranges, keyed by kind and id. */
function elements(doc: DocumentModel): Map<string, { lines: [number, number]; shown: string }> {
  const out = new Map<string, { lines: [number, number]; shown: string }>();
  for (const e of [...doc.capabilities, ...doc.requirements, ...doc.mechanisms, ...doc.guidance, ...doc.tests]) {
    out.set(`${e.kind} ${e.id}`, {
      lines: [e.range.start.line, e.range.end.line],
      shown: `${showRange(e.idRange)} ${showRange(e.range)}`,
    });
  }
  for (const r of doc.references)
    out.set(`reference ${r.tag}`, {
      lines: [r.range.start.line, r.range.end.line],
      shown: `${showRange(r.tagRange)} ${showRange(r.range)}`,
    });
  return out;
}

describe('a *.mim.yaml broken by one slip', () => {
  const intact = spec(INTACT);
  const all = slips(INTACT);
  const syntaxErrors = all.filter((s) => broken(spec(s.text)));

  it('is a realistic test: the fixture parses and most slips break it', () => {
    assert.deepEqual(intact.problems, []);
    assert.ok(syntaxErrors.length > 250, `only ${syntaxErrors.length} of ${all.length} slips break the file`);
  });

  it('keeps every element outside the broken node, with its id and ranges', () => {
    const expected = elements(intact);
    const lost: string[] = [];
    for (const s of syntaxErrors) {
      const got = elements(spec(s.text));
      for (const [key, e] of expected) {
        if (e.lines[0] <= s.line && s.line <= e.lines[1]) continue;
        if (got.get(key)?.shown !== e.shown)
          lost.push(`${s.name}: ${key} ${got.has(key) ? `moved to ${got.get(key)!.shown}` : 'lost'}`);
      }
    }
    assert.deepEqual(lost, []);
  });

  it('gives no finding but the syntax error: no unknown requirement, unresolved reference or missing part', async () => {
    const ws = await memoryWorkspace({ [FILE]: INTACT });
    assert.deepEqual([...ws.check().values()].flat(), []);
    const extra: string[] = [];
    for (const [i, s] of syntaxErrors.entries()) {
      ws.setDocument(FILE, s.text, i + 2);
      for (const f of [...ws.check().values()].flat()) {
        if (f.code !== 'syntax/yaml') extra.push(`${s.name}: ${f.code} at ${showRange(f.range)}: ${f.message}`);
      }
    }
    assert.deepEqual(extra, []);
  });

  it('keeps the requirements after a list that lost its ] in the index, for hover, definition and symbols alike', async () => {
    // The list ends its capability: the recovering parser alone ran the next capability's keys together.
    const text = INTACT.replace('seeAlso: [R2.1]', 'seeAlso: [R2.1');
    const page =
      '# Mechanisms\n\n## M5: Lamp registry\n\n| Req. ID | How |\n| --- | --- |\n| MIM8.R3.1 | Each plan is in the registry. |\n\nSee MIM8.R2.2.\n';
    const ws = await memoryWorkspace({
      [FILE]: text,
      '/ws/kerb/mimspec.yaml': 'mim: MIM3\n',
      '/ws/kerb/mechanisms.md': page,
    });
    const findings = [...ws.check().values()].flat().map((f) => `${f.code} ${showLocation(f)}`);
    assert.ok(findings.some((f) => f.startsWith('syntax/yaml')));
    assert.ok(!findings.some((f) => /^(trace|xref)\//.test(f)), findings.join('\n'));

    assert.match(
      hover(ws, FILE, findCursor(text, 'id: R{|}3.1'))?.markdown ?? '',
      /The city SHALL publish each dimming plan it adopts\./,
    );
    const fromPage = definition(ws, '/ws/kerb/mechanisms.md', findCursor(page, 'MIM8.R{|}3.1'));
    assert.deepEqual(
      fromPage.map((l) => showLocation(l)),
      [`${NAME}:35:13-35:17`],
    );
    const names = (nodes: SymbolNode[]): string[] => nodes.flatMap((n) => [n.name, ...names(n.children)]);
    assert.ok(names(documentSymbols(ws, FILE)).includes('R3.1'));
    assert.ok(workspaceSymbols(ws, 'MIM8').some((s) => s.kind === 'mim' && s.name === 'MIM8'));
    assert.deepEqual(
      workspaceSymbols(ws, 'R3.1').map((s) => `${s.name} ${showLocation(s.location)}`),
      [`R3.1 ${NAME}:35:13-35:17`],
    );
  });
});

describe('repairYaml', () => {
  const repaired = (text: string) => {
    const r = repairYaml(text);
    assert.ok(r, JSON.stringify(text));
    return r;
  };

  it('closes a bracket or a quote where its line ends, and puts back a colon', () => {
    for (const [text, fixed] of [
      ['a:\n  see: [R1.1, R1.2\n  b: 1\n', 'a:\n  see: [R1.1, R1.2]\n  b: 1\n'],
      ['a: { x: 1, y: "two\nb: 1\n', 'a: { x: 1, y: "two"}\nb: 1\n'],
      ['a:\n  - id: C1\n    requirements\n      - id: R1.1\n', 'a:\n  - id: C1\n    requirements:\n      - id: R1.1\n'],
    ]) {
      const r = repaired(text);
      assert.equal(r.text, fixed);
      assert.ok(r.clean);
    }
  });

  it('undoes a tab, moves a line back by a column, and keeps a moved key out of a block scalar', () => {
    assert.equal(repaired('a:\n\tb: 1\n').text, 'a:\n b: 1\n');
    assert.equal(repaired('a:\n  b: 1\n   c: 2\n').text, 'a:\n  b: 1\n  c: 2\n');
    // One column in would make `b:` more of the block scalar above; one column out is meant.
    assert.equal(repaired('a: |\n  text\n b: 1\n').text, 'a: |\n  text\nb: 1\n');
  });

  it('maps offsets of the repaired text back onto the text as written', () => {
    const text = 'see: [R1.1\nb: 1\n';
    const r = repaired(text);
    assert.equal(r.text, 'see: [R1.1]\nb: 1\n');
    // The list's end (past the inserted bracket) is the end of its line as written; later offsets shift back.
    assert.equal(originalOffset(r.text.indexOf(']') + 1, r.edits), text.indexOf('\n'));
    assert.equal(originalOffset(r.text.indexOf('b'), r.edits), text.indexOf('b'));
    assert.equal(applyEdit(text, r.edits[0]), r.text);
  });

  it('leaves a repeated key to the recovering parser, which keeps both entries', () => {
    assert.equal(repairYaml('a: 1\na: 2\n'), undefined);
  });
});
