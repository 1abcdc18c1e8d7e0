import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Convention } from '../../server/src/model/conventions.js';
import type { Finding } from '../../server/src/model/finding.js';
import type { Requirement } from '../../server/src/model/elements.js';
import { findKeywords } from '../../server/src/parse/text/keywords.js';
import { classifyHits } from '../../server/src/rules/support/keyword-classes.js';
import { memoryWorkspace } from '../support/memory-fs.js';
import { range as r } from '../../server/src/model/range.js';

function requirement(text: string): Requirement {
  return { id: 'R1.1', keywords: findKeywords(text) } as Requirement;
}

function classes(text: string, convention: Convention | undefined, declared?: string[]) {
  return classifyHits(requirement(text), { convention, declared: declared && new Set(declared) });
}

describe('classifyHits', () => {
  it('counts every keyword in any case where nothing is declared', () => {
    assert.deepEqual(classes('Systems should cache and MAY log', undefined), ['proper', 'proper']);
  });
  it('reads a lower-case modal beside a proper keyword as prose', () => {
    assert.deepEqual(classes('Systems SHALL serve data that clients may cache', 'bcp14'), ['proper', 'prose']);
  });
  it('keeps a wrong-case keyword when nothing else counts', () => {
    assert.deepEqual(classes('Systems should cache', 'bcp14'), ['wrong-case']);
    assert.deepEqual(classes('Systems SHALL cache', 'iso'), ['wrong-case']);
  });
  it('names keywords of another convention only', () => {
    assert.deepEqual(classes('The catalogue is required to list datasets', 'bcp14'), ['foreign']);
    assert.deepEqual(classes('Systems MUST cache', 'iso'), ['foreign']);
    // Lower-case `must` is no keyword of any convention under ISO: plain English.
    assert.deepEqual(classes('Systems must cache', 'iso'), ['prose']);
  });
  it('keeps an upper-case foreign keyword beside a proper one, but not a lower-case one', () => {
    assert.deepEqual(classes('Systems shall cache what MUST be kept', 'iso'), ['proper', 'foreign']);
    assert.deepEqual(classes('Systems SHALL cache; it is recommended to log', 'bcp14'), ['proper', 'prose']);
  });
  it('separates keywords the declaration does not name', () => {
    assert.deepEqual(classes('Systems MUST cache and SHALL log', 'bcp14', ['SHALL', 'SHOULD', 'MAY']), [
      'undeclared',
      'proper',
    ]);
  });
});

const TERMINOLOGY =
  '## Terminology\n\nThe key words SHALL, SHOULD and MAY in this document are to be interpreted as described in BCP 14.\n\n';

/** One repository page holding the requirements given, under C1. */
async function findingsFor(requirements: string[], terminology = TERMINOLOGY): Promise<Finding[]> {
  const items = requirements.map((t, i) => `* **R1.${i + 1}** ${t}\n`).join('');
  const page = `# Geospatial Data (MIM7)\n\n${terminology}## Capabilities and Requirements\n\n### C1 Data can be retrieved\n\n${items}`;
  const ws = await memoryWorkspace({ '/ws/docs/README.md': page });
  return [...ws.check().values()].flat();
}

const KEYWORD_CODES = [
  'requirement/no-keyword',
  'requirement/keyword-case',
  'requirement/mixed-levels',
  'conventions/mismatch',
];

function own(findings: Finding[]): Finding[] {
  return findings.filter((f) => KEYWORD_CODES.includes(f.code));
}

describe('keyword rules', () => {
  it('flags a wrong-case keyword on the keyword, with a fix that rewrites it', async () => {
    const [f, ...rest] = own(await findingsFor(['Operators should publish positions every minute.']));
    assert.equal(rest.length, 0);
    assert.equal(f.code, 'requirement/keyword-case');
    assert.equal(f.message, 'Requirement R1.1: "should" is not a keyword under bcp14; write SHOULD');
    assert.deepEqual(f.range, r(10, 21, 10, 27));
    assert.deepEqual(f.fixes?.[0].edits, [{ file: '/ws/docs/README.md', range: f.range, newText: 'SHOULD' }]);
  });

  it('reports a keyword split over two lines as one, and rewrites it as written', async () => {
    const [f] = own(await findingsFor(['Operators should\n  not publish raw positions.']));
    assert.equal(f.message, 'Requirement R1.1: "should not" is not a keyword under bcp14; write SHOULD NOT');
    assert.equal(f.fixes?.[0].edits[0].newText, 'SHOULD\n  NOT');
  });

  it('gives each requirement at most one keyword finding per hit', async () => {
    const findings = own(
      await findingsFor([
        'The catalogue is required to list every dataset.',
        'Systems SHALL offer GeoJSON and SHOULD offer CSV.',
        'Systems support CSV.',
      ]),
    );
    assert.deepEqual(
      findings.map((f) => [f.code, f.message]),
      [
        ['conventions/mismatch', 'Requirement R1.1 uses "is required to", an ITU keyword; MIM7 declares bcp14'],
        ['requirement/mixed-levels', 'Requirement R1.2 mixes levels: SHALL (required) and SHOULD (recommended)'],
        ['requirement/no-keyword', 'Requirement R1.3 has no normative keyword (bcp14: MUST, SHALL, SHOULD, MAY, ...)'],
      ],
    );
  });

  it('leaves an undeclared keyword out of the levels it mixes', async () => {
    const findings = own(await findingsFor(['Systems MUST offer GeoJSON and SHALL offer CSV.']));
    assert.deepEqual(
      findings.map((f) => f.code),
      ['conventions/mismatch'],
    );
    assert.match(findings[0].message, /uses MUST, which the conventions do not declare \(SHALL, SHOULD, MAY\)/);
  });

  it('stays silent about case where nothing declares conventions', async () => {
    assert.deepEqual(own(await findingsFor(['Systems should offer CSV.'], '')), []);
  });
});
