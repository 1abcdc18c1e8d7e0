import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { partLabel } from '../../server/src/model/elements.js';

describe('partLabel', () => {
  it('names a part by its title as written, with the part it is read as where the wording is another one', () => {
    assert.equal(partLabel('mechanisms', 'Specifications'), 'Specifications (read as Mechanisms)');
    assert.equal(partLabel('conformance', 'Verification'), 'Verification (read as Conformance and Compliance Testing)');
    assert.equal(partLabel('guidance', 'Guidance'), 'Guidance (read as Interoperability Guidance)');
  });

  it('gives the part title for its own wording, shortened, numbered or with &, and where nothing is written', () => {
    const own: [Parameters<typeof partLabel>[0], string | undefined][] = [
      ['objective', 'Objectives'],
      ['capabilities', 'Capabilities & Requirements'],
      ['capabilities', 'Capabilities'],
      ['mechanisms', '3. Mechanisms:'],
      ['mechanisms', 'Mechanism'],
      ['conformance', 'Conformance'],
      ['guidance', undefined],
    ];
    assert.deepEqual(
      own.map(([part, title]) => partLabel(part, title)),
      [
        'Objective',
        'Capabilities and Requirements',
        'Capabilities and Requirements',
        'Mechanisms',
        'Mechanisms',
        'Conformance and Compliance Testing',
        'Interoperability Guidance',
      ],
    );
  });
});
