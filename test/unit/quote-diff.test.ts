import assert from 'node:assert/strict';
import { codeActions } from '../../server/src/features/code-actions.js';
import { range } from '../../server/src/model/range.js';
import { describe, it } from 'node:test';
import type { KeywordView } from '../../server/src/rules/support/keyword-classes.js';
import { compareQuote } from '../../server/src/rules/support/quote-diff.js';
import { memoryWorkspace } from '../support/memory-fs.js';

const BCP14: KeywordView = { convention: 'bcp14' };
const ISO: KeywordView = { convention: 'iso' };
const ANY: KeywordView = { convention: undefined };

const MIXED = 'Systems shall serve maps over the web and should compress the tiles they send.';

function compare(quote: string, statement: string, view = BCP14) {
  return compareQuote(quote, statement, 'R1.1', view);
}

describe('compareQuote: abbreviated quotes', () => {
  // Each of these quoted 'should' where the statement's first keyword, 'shall', stood.
  it('finds the words after a leading ellipsis in the statement', () => {
    assert.deepEqual(compare('… serve maps over the web and should compress the tiles they send.', MIXED, ISO), {});
    assert.deepEqual(compare('... should compress the tiles they send', MIXED, ISO), {});
  });
  it('finds the words before a trailing ellipsis', () => {
    assert.deepEqual(compare('Systems shall serve maps over the web and should compress …', MIXED, ISO), {});
  });
  it('finds a fragment between a leading and a trailing ellipsis', () => {
    assert.deepEqual(compare('… the web and should compress …', MIXED, ISO), {});
    assert.deepEqual(compare('"[...] shall serve maps [...]"', MIXED, ISO), {});
  });
  it('finds fragments apart from each other, each in its place', () => {
    assert.deepEqual(compare('… shall serve maps … should compress …', MIXED, ISO), {});
    assert.deepEqual(compare('Systems shall … compress the tiles they send.', MIXED, ISO), {});
  });
  it('takes a word cut short at a glued ellipsis as the start or end of a word', () => {
    assert.deepEqual(compare('Systems shall serve maps over the w…', MIXED, ISO), {});
    assert.deepEqual(compare('…ystems shall serve maps …', MIXED, ISO), {});
  });
  it('still finds a changed keyword inside an abbreviated quote', () => {
    assert.deepEqual(compare('… should serve maps … should compress …', MIXED, ISO), {
      level: "it quotes 'should' (recommended) where R1.1 says 'shall' (required)",
    });
    assert.deepEqual(compare('… the web and shall compress …', MIXED, ISO), {
      level: "it quotes 'shall' (required) where R1.1 says 'should' (recommended)",
    });
  });
  it('reads a fragment quoted without an ellipsis as words left out, not as a change of level', () => {
    assert.deepEqual(compare('should compress the tiles they send', MIXED, ISO), {
      wording: "it leaves out 'Systems shall serve maps over the web and'",
    });
    assert.deepEqual(compare('Systems shall serve maps over the web', MIXED, ISO), {
      wording: "it leaves out 'and should compress the tiles they send'",
    });
    assert.deepEqual(compare('… shall serve maps', MIXED, ISO), {
      wording: "it leaves out 'over the web and should compress the tiles they send'",
    });
  });
});

describe('compareQuote: level and wording', () => {
  const SHALL = 'Systems SHALL serve maps over the web.';
  it('names a keyword of another level as a change of level only', () => {
    assert.deepEqual(compare('Systems SHOULD serve maps over the web.', SHALL), {
      level: "it quotes 'SHOULD' (recommended) where R1.1 says 'SHALL' (required)",
    });
  });
  it('names a keyword of the same level in other words as wording only', () => {
    assert.deepEqual(compare('Systems MUST serve maps over the web.', SHALL), {
      wording: "it quotes 'MUST' where R1.1 says 'SHALL'",
    });
    assert.deepEqual(compare('Systems shall serve maps over the web.', SHALL), {
      wording: "it quotes 'shall' where R1.1 says 'SHALL'",
    });
  });
  it('names a keyword left out or added as a change of level', () => {
    assert.deepEqual(compare('Maps carry a legend.', 'Maps MAY carry a legend.'), {
      level: "it leaves out 'MAY' (optional)",
    });
    assert.deepEqual(compare('Maps MUST carry a legend.', 'Maps carry a legend.', ANY), {
      level: "it adds 'MUST' (required)",
    });
  });
  it('names the first stretch of words where the texts part', () => {
    assert.deepEqual(compare('The API SHALL be documented in OpenAPI.', 'The API SHALL be described in OpenAPI.'), {
      wording: "it quotes 'documented' where R1.1 says 'described'",
    });
    assert.deepEqual(
      compare('Systems SHALL state the projection.', 'Systems SHALL state the coordinate system of every map.'),
      {
        wording: "it quotes 'projection' where R1.1 says 'coordinate system of every map'",
      },
    );
  });
  it('reports a change of level and other changed words as two differences', () => {
    assert.deepEqual(compare('Systems SHOULD serve maps over the internet.', SHALL), {
      level: "it quotes 'SHOULD' (recommended) where R1.1 says 'SHALL' (required)",
      wording: "it quotes 'internet' where R1.1 says 'web'",
    });
    // In one stretch, the keyword goes to the level and the rest of the words to the wording.
    assert.deepEqual(compare('Systems MUST provide maps.', 'Systems SHOULD offer maps.'), {
      level: "it quotes 'MUST' (required) where R1.1 says 'SHOULD' (recommended)",
      wording: "it quotes 'provide' where R1.1 says 'offer'",
    });
    // Under ISO, a lower-case 'must' is plain English: the quote leaves the keyword out.
    assert.deepEqual(compare('Systems must provide maps.', 'Systems should offer maps.', ISO), {
      level: "it quotes 'must provide' where R1.1 says 'should' (recommended)",
      wording: "it quotes 'provide' where R1.1 says 'offer'",
    });
  });
  it('reads multi-word keywords as one word', () => {
    assert.deepEqual(compare('Systems SHALL NOT log tokens.', 'Systems SHALL log tokens.'), {
      level: "it quotes 'SHALL NOT' (prohibited) where R1.1 says 'SHALL' (required)",
    });
    assert.equal(
      compare('The portal is recommended to list datasets.', 'The portal is required to list datasets.', {
        convention: 'itu',
      }).level,
      "it quotes 'is recommended' (recommended) where R1.1 says 'is required to' (required)",
    );
  });
  it('takes a lower-case modal beside a keyword as prose under BCP 14', () => {
    const statement = 'Systems SHALL serve tiles that clients may cache.';
    assert.deepEqual(compare('Systems SHALL serve tiles that clients can cache.', statement), {
      wording: "it quotes 'can' where R1.1 says 'may'",
    });
    assert.deepEqual(compare('Systems SHALL serve tiles that clients MAY cache.', statement), {
      level: "it quotes 'MAY' (optional) where R1.1 says 'may'",
    });
  });
  it('ignores case outside keywords, markup, spacing, surrounding quotes and punctuation around words', () => {
    assert.deepEqual(compare('"systems  SHALL serve **maps**, over the Web"', SHALL), {});
  });
  it('compares texts too long to align by their common start and end', () => {
    const long = Array.from({ length: 600 }, (_, i) => `word${i}`).join(' ');
    assert.deepEqual(compare(`Systems SHOULD ${long}`, `Systems SHALL ${long}`), {
      level: "it quotes 'SHOULD' (recommended) where R1.1 says 'SHALL' (required)",
    });
  });
});

describe('drift findings', () => {
  it('name each difference once and offer the same fix: the requirement text in the quote cell', async () => {
    const page = `# MIM7 - Geospatial Data

## Capabilities and Requirements

### C1: Maps can be retrieved

- **R1.1** Systems SHALL serve maps over the web.

## Mechanisms

### M1: Web map service

| Req. ID | Requirement Text | How |
| --- | --- | --- |
| R1.1 | Systems SHOULD serve maps over the internet. | A tile service. |
| R1.1 | Systems SHOULD serve maps … | Abbreviated. |
`;
    const ws = await memoryWorkspace({ '/ws/geo.md': page });
    const findings = [...ws.check().values()]
      .flat()
      .filter((f) => f.code === 'trace/text-drift' || f.code === 'trace/level-drift');
    const row = (f: (typeof findings)[number]) => f.range.start.line + 1;
    assert.deepEqual(findings.map((f) => `${row(f)} ${f.severity} ${f.code}`).sort(), [
      '15 info trace/text-drift',
      '15 warning trace/level-drift',
      '16 warning trace/level-drift',
    ]);
    for (const f of findings) {
      assert.deepEqual(
        f.fixes?.map((x) => [x.title, x.edits.map((e) => e.newText)]),
        [['Quote the text of R1.1', ['Systems SHALL serve maps over the web.']]],
      );
    }
    // Both findings of line 15 carry that fix: the editor offers it once.
    const actions = codeActions(ws, '/ws/geo.md', range(14, 0, 14, 80)).filter(
      (a) => a.title === 'Quote the text of R1.1',
    );
    assert.equal(actions.length, 1);
  });
});
