import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readYaml } from '../../server/src/parse/yaml/load.js';
import { WARM_SAMPLES, warmYamlRecovery } from '../../server/src/parse/yaml/warm.js';

describe('warming the recovering parser', () => {
  it('runs texts that are each broken, so the recovering path is the one warmed', () => {
    assert.equal(new Set(WARM_SAMPLES).size, WARM_SAMPLES.length);
    for (const text of WARM_SAMPLES) {
      const read = readYaml(text);
      assert.equal(read.clean, false, text);
      assert.ok(read.root, 'a tree is still read');
    }
    warmYamlRecovery(WARM_SAMPLES.length);
  });
});
