import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { readYaml } from '../../server/src/parse/yaml/load.js';
import { readByRegions } from '../../server/src/parse/yaml/regional-read.js';
import { slipped } from '../../server/src/parse/yaml/warm.js';
import { fixture } from '../support/paths.js';

describe('warming the reading of a document for its first keystrokes', () => {
  const text = readFileSync(fixture('yaml', 'street-lighting.mim.yaml'), 'utf8');

  it('breaks the document by one character in the middle item of its longest sequence, as deep as items go', () => {
    const broken = slipped(text)!;
    // C2 is the middle capability; R2.2 the middle of its requirements.
    assert.equal(broken, text.replace('      - id: R2.2\n', '      - id R2.2\n'));
    const read = readYaml(broken);
    assert.equal(read.clean, false);
    assert.ok(read.root, 'a tree is still read');
  });

  it('breaks a large document where it is read by regions, the path of its first broken keystroke', () => {
    const capabilities = text.slice(
      text.indexOf('capabilities:\n') + 'capabilities:\n'.length,
      text.indexOf('mechanisms:'),
    );
    const large = text.replace(capabilities, capabilities.repeat(40));
    assert.ok(readByRegions(slipped(large)!));
  });

  it('leaves a text with no item alone', () => {
    assert.equal(slipped('mim: MIM1\ntitle: T\n'), undefined);
    assert.equal(slipped('not: [yaml\n'), undefined);
  });
});
