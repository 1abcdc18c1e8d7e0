import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../support/paths.js';

/**
 * The word pattern of the mim-yaml language, as VS Code applies it (the match that contains
 * the cursor): double-click, rename and completion take a whole id or citation tag.
 */
const config = JSON.parse(readFileSync(join(ROOT, 'language-configuration.json'), 'utf8'));
const pattern = new RegExp(config.wordPattern, 'g');

function wordAt(line: string, column: number): string | undefined {
  for (const m of line.matchAll(pattern)) if (m.index <= column && column <= m.index + m[0].length) return m[0];
  return undefined;
}

describe('the mim-yaml word pattern', () => {
  it('keeps ids, global ids and citation tags whole', () => {
    const at = (line: string, inside: string) => wordAt(line, line.indexOf(inside) + 1);
    assert.equal(at('      - requirement: R1.2a', 'R1.2a'), 'R1.2a');
    assert.equal(at('seeAlso: [MIM0.C1, MIM3.R1.2]', 'MIM0.C1'), 'MIM0.C1');
    assert.equal(at('seeAlso: [MIM0.C1, MIM3.R1.2]', '.R1.2]'), 'MIM3.R1.2');
    assert.equal(at('standards: ["b-ISO/IEC 30182"]', '30182'), 'b-ISO/IEC 30182');
    assert.equal(at('standards: ["b-ISO/IEC 30182"]', 'ISO'), 'b-ISO/IEC 30182');
  });

  it('leaves other words as VS Code splits them', () => {
    const at = (line: string, inside: string) => wordAt(line, line.indexOf(inside) + 1);
    assert.equal(at('text: water-based sensors', 'based'), 'based');
    assert.equal(at('text: H2O levels', 'H2O'), 'H2O');
    assert.equal(at('title: Noise monitoring', 'Noise'), 'Noise');
    assert.equal(at('interoperabilityGuidance:', 'Guidance'), 'interoperabilityGuidance');
  });
});
