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
  const text = applyEdits(PAGE, page, edits);
  const after = await findings({ ...others, [PAGE]: text }, code);
  return { before, text, after };
}

describe('hygiene/invisible-char fixes', () => {
  const Z = '\u200B';
  const placements: [string, string, string, string][] = [
    ['inside bold markup', `**${Z}Requirements:** maps are current.\n`, '**Requirements:** maps are current.\n', 'in the text'],
    ['on a line of its own, keeping the line break', `First paragraph.\n\n${Z}\n\nSecond paragraph.\n`, 'First paragraph.\n\n\n\nSecond paragraph.\n', 'on a line of its own'],
    ['as an entity, the entity text with it', 'Streets&#x200B; and parks.\n', 'Streets and parks.\n', 'in the text'],
    ['in a list item', `* A note${Z} about tiles.\n`, '* A note about tiles.\n', 'in the text'],
    ['in a table cell', `| A | B |\n| --- | --- |\n| tile${Z} | map |\n`, '| A | B |\n| --- | --- |\n| tile | map |\n', 'in the text'],
    ['in a heading', `## Stre${Z}ets\n`, '## Streets\n', 'in a heading'],
    ['in a code span, where it is no entity', `Send \`GetMap${Z}\` requests.\n`, 'Send `GetMap` requests.\n', 'in code'],
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
