import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../server/src/model/finding.js';
import { applyEdits } from '../support/edits.js';
import { memoryWorkspace } from '../support/memory-fs.js';

const PAGE = '/ws/docs/README.md';
const H1 = '# Geospatial Data (MIM7)\n\n';

async function findings(files: Record<string, string>, code: string): Promise<Finding[]> {
  const ws = await memoryWorkspace(files);
  return [...ws.check().values()].flat().filter((f) => f.code === code);
}

/** Applies the preferred fix of every finding of `code` on the page; returns the findings, the new text and the findings it leaves. */
async function fixed(page: string, code: string, others: Record<string, string> = {}) {
  const before = await findings({ ...others, [PAGE]: page }, code);
  const edits = before.flatMap((f) => f.fixes?.find((x) => x.preferred)?.edits ?? f.fixes?.[0]?.edits ?? []);
  const text = applyEdits({ [PAGE]: page }, edits)[PAGE];
  const after = await findings({ ...others, [PAGE]: text }, code);
  return { before, text, after };
}

describe('hygiene/invisible-char fixes', () => {
  const Z = '\u200B';
  const placements: [string, string, string, string][] = [
    [
      'inside bold markup',
      `**${Z}Requirements:** maps are current.\n`,
      '**Requirements:** maps are current.\n',
      'in the text',
    ],
    [
      'on a line of its own, keeping the line break',
      `First paragraph.\n\n${Z}\n\nSecond paragraph.\n`,
      'First paragraph.\n\n\n\nSecond paragraph.\n',
      'on a line of its own',
    ],
    ['as an entity, the entity text with it', 'Streets&#x200B; and parks.\n', 'Streets and parks.\n', 'in the text'],
    ['in a list item', `* A note${Z} about tiles.\n`, '* A note about tiles.\n', 'in the text'],
    [
      'in a table cell',
      `| A | B |\n| --- | --- |\n| tile${Z} | map |\n`,
      '| A | B |\n| --- | --- |\n| tile | map |\n',
      'in the text',
    ],
    ['in a heading', `## Stre${Z}ets\n`, '## Streets\n', 'in a heading'],
    [
      'in a code span, where it is no entity',
      `Send \`GetMap${Z}\` requests.\n`,
      'Send `GetMap` requests.\n',
      'in code',
    ],
  ];
  for (const [what, body, clean, where] of placements) {
    it(`removes one ${what}`, async () => {
      const { before, text, after } = await fixed(H1 + body, 'hygiene/invisible-char');
      assert.equal(before.length, 1, before.map((f) => f.message).join('\n'));
      assert.match(before[0].message, new RegExp(`\\) ${where}$`));
      assert.equal(before[0].fixes?.[0].preferred, true);
      assert.equal(text, H1 + clean);
      assert.deepEqual(after, []);
    });
  }

  it('replaces a space entity between two words of a heading with a space', async () => {
    const { text, after } = await fixed(`${H1}## Mechanism&#x20;1: Tiles\n`, 'hygiene/invisible-char');
    assert.equal(text, `${H1}## Mechanism 1: Tiles\n`);
    assert.deepEqual(after, []);
  });

  it('leaves entities in code and space entities in text, which render as written', async () => {
    const page = `${H1}Write \`&#x200B;\` or \\&#x200B; in HTML;&nbsp;a tab&#x20;here.\n\n\`\`\`html\n<p>a&#x200B;b</p>\n\`\`\`\n\nThe team 👩\u200D💻 works.\n`;
    assert.deepEqual(await findings({ [PAGE]: page }, 'hygiene/invisible-char'), []);
  });
});

describe('xref/name-mismatch fixes', () => {
  const NOTES = (line: string) => `# Notes on the MIMs\n\n${line}\n`;

  /** The fix of the first finding whose title starts so, applied; the page text and what a new check finds. */
  async function applyFix(line: string, title: string, others: Record<string, string> = {}) {
    const page = NOTES(line);
    const [finding, ...rest] = await findings({ ...others, [PAGE]: page }, 'xref/name-mismatch');
    assert.ok(finding, `no finding on: ${line}`);
    assert.deepEqual(rest, []);
    const fix = finding.fixes?.find((f) => f.title.startsWith(title));
    assert.ok(fix, `no fix '${title}' among: ${finding.fixes?.map((f) => f.title).join(', ')}`);
    const text = applyEdits({ [PAGE]: page }, fix.edits)[PAGE];
    return { finding, fix, text, after: await findings({ ...others, [PAGE]: text }, 'xref/name-mismatch') };
  }

  const renumbered: [string, string, string][] = [
    ['Consent follows MIM3 Personal Data.', 'Change MIM3 to MIM4', 'Consent follows MIM4 Personal Data.'],
    ['Consent follows MIM-3 (Personal Data).', 'Change MIM-3 to MIM-4', 'Consent follows MIM-4 (Personal Data).'],
    ['Consent follows MIM 3: Personal Data.', 'Change MIM 3 to MIM 4', 'Consent follows MIM 4: Personal Data.'],
    [
      'Consent follows Personal Data MIM (**MIM3**).',
      'Change MIM3 to MIM4',
      'Consent follows Personal Data MIM (**MIM4**).',
    ],
    [
      'Consent follows [MIM3 Personal Data](https://example.org/mim3).',
      'Change MIM3 to MIM4',
      'Consent follows [MIM4 Personal Data](https://example.org/mim3).',
    ],
  ];
  for (const [line, title, expected] of renumbered) {
    it(`renumbers, keeping the written form: ${line}`, async () => {
      const { fix, text, after } = await applyFix(line, title);
      assert.equal(fix.title, title);
      assert.equal(text, NOTES(expected));
      assert.deepEqual(after, []);
    });
  }

  it('renames instead, to the title the number has', async () => {
    const { text, after } = await applyFix('Consent follows MIM3 - Personal Data.', 'Name it');
    assert.equal(text, NOTES('Consent follows MIM3 - Exchanging Data.'));
    assert.deepEqual(after, []);
  });

  it("says a name is the other edition's, and offers only the current name", async () => {
    const { finding, text, after } = await applyFix('Algorithms follow MIM-5 (Transparency).', 'Name it Fair AI');
    assert.match(
      finding.message,
      /^Transparency is the oasc-2022 name of MIM5: no MIM has that name in the oasc-2025 numbering; MIM5 is Fair AI/,
    );
    assert.deepEqual(
      finding.fixes?.map((f) => f.title),
      ['Name it Fair AI'],
    );
    assert.equal(text, NOTES('Algorithms follow MIM-5 (Fair AI).'));
    assert.deepEqual(after, []);
  });

  it("takes the title a MIM's own pages give it as the authority for its number", async () => {
    const trust = { '/ws/trust/README.md': '# MIM4 - Trust\n\nCities share trust frameworks.\n' };
    assert.deepEqual(
      await findings({ ...trust, [PAGE]: NOTES('Frameworks follow MIM4 (Trust).') }, 'xref/name-mismatch'),
      [],
    );
    const { finding, text, after } = await applyFix('Frameworks follow MIM3 (Trust).', 'Change MIM3 to MIM4', trust);
    assert.equal(
      finding.message,
      "Trust is MIM4 in this workspace (the title MIM4's pages give it), not MIM3; MIM3 is Exchanging Data",
    );
    assert.equal(text, NOTES('Frameworks follow MIM4 (Trust).'));
    assert.deepEqual(after, []);
  });

  it('reads no name into a following sentence, a lower-case phrase or a lone word after a space', async () => {
    const lines = [
      'See MIM3. Personal Data is kept apart.',
      'The MIM3 personal data rules apply.',
      'The MIM6 Security considerations apply.',
      'See MIM3, Personal Data and MIM4.',
      'Exchanging Personal Data (MIM3) is a topic.',
    ];
    for (const line of lines) assert.deepEqual(await findings({ [PAGE]: NOTES(line) }, 'xref/name-mismatch'), [], line);
  });
});
