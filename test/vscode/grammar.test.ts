import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { before, describe, it } from 'node:test';
import { ROOT } from '../support/paths.js';
import { CODE_SERVER } from './tools.js';

/**
 * The mim-yaml grammar as VS Code tokenizes it: VS Code's own TextMate engine
 * (vscode-textmate, vscode-oniguruma) and its YAML grammar, taken from the code-server that
 * test/vscode/install.sh installs, with this extension's grammar and injection on top.
 */
const VSCODE = join(dirname(CODE_SERVER), '..', '..', 'lib', 'vscode');
const missing = existsSync(join(VSCODE, 'node_modules', 'vscode-textmate'))
  ? undefined
  : `code-server is not installed (${VSCODE}); run bash test/vscode/install.sh`;

interface Token {
  text: string;
  scopes: string[];
}
type Tokenize = (line: string) => Token[];

async function loadTokenizer(): Promise<Tokenize> {
  const load = createRequire(join(VSCODE, 'package.json'));
  const textmate = load('vscode-textmate');
  const onig = load('vscode-oniguruma');
  const wasm = readFileSync(join(dirname(load.resolve('vscode-oniguruma')), 'onig.wasm'));
  await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const yamlPkg = JSON.parse(readFileSync(join(VSCODE, 'extensions', 'yaml', 'package.json'), 'utf8'));
  const files = new Map<string, string>();
  for (const g of yamlPkg.contributes.grammars) files.set(g.scopeName, join(VSCODE, 'extensions', 'yaml', g.path));
  for (const g of pkg.contributes.grammars) files.set(g.scopeName, join(ROOT, g.path));
  const injections = pkg.contributes.grammars.filter((g: { injectTo?: string[] }) => g.injectTo);
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new onig.OnigScanner(sources),
      createOnigString: (s: string) => new onig.OnigString(s),
    }),
    loadGrammar: async (scope: string) => {
      const file = files.get(scope);
      return file ? textmate.parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
    getInjections: (scope: string) =>
      injections
        .filter((g: { injectTo: string[] }) => g.injectTo.includes(scope))
        .map((g: { scopeName: string }) => g.scopeName),
  });
  const grammar = await registry.loadGrammar('source.mim-yaml');
  assert.ok(grammar, 'the mim-yaml grammar loads');
  return (line: string) => {
    const { tokens } = grammar.tokenizeLine(line, textmate.INITIAL);
    return tokens.map((t: { startIndex: number; endIndex: number; scopes: string[] }) => ({
      text: line.slice(t.startIndex, t.endIndex),
      scopes: t.scopes,
    }));
  };
}

describe('the mim-yaml grammar in VS Code', { skip: process.env.CI ? false : missing }, () => {
  let tokenize: Tokenize;
  before(async () => {
    tokenize = await loadTokenizer();
  });

  /** The tokens of a line that carry a scope starting with `scope`. */
  const marked = (line: string, scope: string) =>
    tokenize(line)
      .filter((t) => t.scopes.some((s) => s.startsWith(scope)))
      .map((t) => t.text);

  it('is YAML underneath', () => {
    const tokens = tokenize('title: Noise monitoring');
    assert.ok(tokens.some((t) => t.text === 'title' && t.scopes.some((s) => s.startsWith('entity.name.tag.yaml'))));
  });

  it('scopes each id as one token, local or global, in plain, quoted and flow scalars', () => {
    assert.deepEqual(marked('  - requirement: R1.2a', 'variable.other.constant.mim-id'), ['R1.2a']);
    assert.deepEqual(marked('    covers: [R1.1, R12.3]', 'variable.other.constant.mim-id'), ['R1.1', 'R12.3']);
    assert.deepEqual(marked('seeAlso: ["MIM0.R1.2", MIM3.C5.R0]', 'entity.name.type.mim-id.global'), [
      'MIM0.R1.2',
      'MIM3.C5.R0',
    ]);
    assert.deepEqual(marked('mim: MIM21', 'entity.name.type.mim-id.global'), ['MIM21']);
    assert.deepEqual(marked('text: H2O and CO2 are measured', 'variable.other.constant.mim-id'), []);
  });

  it('marks the requirement keywords that need no convention, and not inside comments', () => {
    assert.deepEqual(marked('text: Systems SHALL NOT store data.', 'keyword.other.requirement.mandatory'), [
      'SHALL NOT',
    ]);
    assert.deepEqual(marked('text: A broker is recommended to cache.', 'keyword.other.requirement.recommended'), [
      'is recommended',
    ]);
    assert.deepEqual(marked('text: Systems MAY cache.', 'keyword.other.requirement.optional'), ['MAY']);
    assert.deepEqual(marked('# Systems SHALL R1.1', 'keyword.other.requirement'), []);
    assert.deepEqual(marked('# Systems SHALL R1.1', 'variable.other.constant.mim-id'), []);
  });
});
