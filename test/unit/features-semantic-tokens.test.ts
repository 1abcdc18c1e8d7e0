import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  semanticTokens,
  TOKEN_MODIFIERS,
  TOKEN_TYPES,
  type SemanticToken,
} from '../../server/src/features/semantic-tokens.js';
import { memoryWorkspace, readFixtureTree } from '../support/memory-fs.js';
import { fixture } from '../support/paths.js';

const FILES = readFixtureTree(fixture('features', 'workspace'));

function show(text: string, tokens: SemanticToken[]): string[] {
  const lines = text.split('\n');
  return tokens.map(
    (t) =>
      `${t.line + 1}:${t.character + 1} ${lines[t.line].slice(t.character, t.character + t.length)} ${t.type}${t.modifiers.length ? `.${t.modifiers.join('.')}` : ''}`,
  );
}

describe('semanticTokens', () => {
  it('has a legend of one keyword type with level modifiers, ids and references', () => {
    assert.deepEqual(TOKEN_TYPES, ['keyword', 'id', 'reference']);
    assert.deepEqual(TOKEN_MODIFIERS, [
      'required',
      'recommended',
      'notRecommended',
      'optional',
      'prohibited',
      'definition',
      'unresolved',
      'legacy',
    ]);
  });

  it('marks definitions and the keywords of requirements by level', async () => {
    const path = '/ws/geo/docs/capabilities-and-requirements.md';
    const ws = await memoryWorkspace(FILES);
    assert.deepEqual(show(FILES[path], semanticTokens(ws, path)), [
      '7:4 C1 id.definition',
      '11:5 R1.1 id.definition',
      '11:20 SHALL keyword.required',
      '12:5 R1.2 id.definition',
      '12:20 SHALL keyword.required',
      '13:5 R1.3 id.definition',
      '13:20 SHOULD keyword.recommended',
      '15:4 C2 id.definition',
      '17:5 R2.1 id.definition',
      '17:20 SHALL keyword.required',
      '18:5 R2.2 id.definition',
      '18:20 MAY keyword.optional',
    ]);
  });

  it('marks references, unresolved and legacy ones too', async () => {
    const path = '/ws/twins.mim.yaml';
    const text = FILES[path].replace('seeAlso: [MIM7.R1.1]', 'seeAlso: [MIM7.R9.9, MIM0.R1.1, MIM42]');
    const ws = await memoryWorkspace({ ...FILES, [path]: text });
    const refs = show(text, semanticTokens(ws, path)).filter((t) => t.includes('reference'));
    assert.deepEqual(refs, [
      '15:19 MIM7.R9.9 reference.unresolved',
      '15:30 MIM0.R1.1 reference',
      '15:41 MIM42 reference.unresolved',
      '21:59 MIM7.C1.R2 reference.legacy',
      '23:22 R1.1 reference',
      '25:22 MIM7.R2.2 reference',
      '29:14 R1.1 reference',
    ]);
  });
});
