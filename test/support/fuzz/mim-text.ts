import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, fixture } from '../paths.js';
import { applyEdit, type Edit } from './protocol-events.js';

/** Texts of MIM documents to fuzz: built from the grammar of mim-format, and random edits of real ones. */

const id = fc
  .tuple(fc.constantFrom('R', 'C', 'M', 'T', 'RC'), fc.nat({ max: 4 }), fc.nat({ max: 4 }))
  .map(([k, a, b]) => (k === 'C' || k === 'M' ? `${k}${a}` : `${k}${a}.${b}`));
const words = fc.constantFrom(
  'Systems SHALL expose data',
  'Systems should log',
  'The twin MAY accept',
  'is required to',
  'see [R1.1](#r11)',
  'as in [b-ISO 37106]',
  'see MIM3',
  'café ✓',
  '\ud83d\ude00 \u200b',
  '`code`',
  '*stress*',
  '',
);
const line = fc.oneof(
  fc.tuple(id, words).map(([i, w]) => `* **${i}** ${w}.`),
  fc.tuple(id, words).map(([i, w]) => `## ${i} ${w}`),
  fc.constantFrom(
    '# Objective',
    '# Capabilities and Requirements',
    '# Mechanisms',
    '# Interoperability Guidance',
    '# Conformance and Compliance Testing',
    '## Terminology',
    'The key words SHALL, SHOULD and MAY in this document are to be interpreted as described in BCP 14.',
    '| Requirement | Mechanism |',
    '|---|---|',
    '',
    '```',
    '> quote',
    '{% hint style="info" %}',
    '{% endhint %}',
    '<a id="x"></a>',
    '<!-- mimspec-disable-next-line link/broken-file -->',
  ),
  fc.tuple(id, id).map(([a, b]) => `| ${a} | ${b} |`),
  fc
    .tuple(words, fc.constantFrom('missing.md', '#objective', '../x.md', 'https://example.org', 'www.example.org'))
    .map(([w, t]) => `${w} [link](${t}).`),
  words,
);
const lineEnd = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');

/** A Markdown page made of MIM headings, requirements, tables, links and prose. */
export const markdownPage: fc.Arbitrary<string> = fc
  .array(fc.tuple(line, lineEnd), { maxLength: 30 })
  .map((ls) => ls.map(([l, e]) => l + e).join(''));

const scalar = fc.oneof(
  words,
  id,
  fc.constantFrom('|\n  block text\n', '"quoted: text"', "'single'", '[a, b]', '{}', '&a x', '*a'),
);
const yamlItem = fc
  .tuple(id, words, fc.array(fc.tuple(id, words), { maxLength: 3 }))
  .map(
    ([i, t, reqs]) =>
      `  - id: ${i}\n    title: ${t}\n    requirements:\n${reqs.map(([r, w]) => `      - id: ${r}\n        text: ${w}\n`).join('')}`,
  );

/** A *.mim.yaml in the structure of §3.3, with random values. */
export const mimYaml: fc.Arbitrary<string> = fc
  .tuple(
    fc.nat({ max: 12 }),
    scalar,
    scalar,
    fc.array(yamlItem, { maxLength: 4 }),
    fc.array(yamlItem, { maxLength: 2 }),
  )
  .map(
    ([n, title, objective, caps, mechs]) =>
      `mim: MIM${n}\ntitle: ${title}\nobjective: ${objective}\ncapabilities:\n${caps.join('')}mechanisms:\n${mechs.join('')}`,
  );

function documentsUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) documentsUnder(path, out);
    else if (/\.(md|mim\.yaml)$/.test(name)) out.push(path);
  }
  return out;
}

/** The fixtures' and examples' documents: real texts to mutate. */
export const REAL_TEXTS: readonly { file: string; text: string }[] = [
  ...documentsUnder(join(ROOT, 'examples')),
  ...documentsUnder(fixture('lsp')),
  ...documentsUnder(fixture('rules', 'structure')),
].map((file) => ({ file, text: readFileSync(file, 'utf8') }));

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat({ max: 60 }),
  insert: fc.oneof(line, scalar, fc.string({ maxLength: 8 }), fc.constantFrom(':', '- ', '  ', '\t', '"', '[', '\n')),
});

/** A real document with a few random edits: its kind follows its name. */
export const editedReal: fc.Arbitrary<{ kind: 'markdown' | 'mim-yaml'; text: string }> = fc
  .tuple(fc.constantFrom(...REAL_TEXTS), fc.array(edit, { minLength: 1, maxLength: 4 }))
  .map(([{ file, text }, edits]) => ({
    kind: file.endsWith('.md') ? ('markdown' as const) : ('mim-yaml' as const),
    text: edits.reduce(applyEdit, text),
  }));

/** Any document text the parsers may meet, with its kind. */
export const anyDocument = fc.oneof(
  markdownPage.map((text) => ({ kind: 'markdown' as const, text })),
  mimYaml.map((text) => ({ kind: 'mim-yaml' as const, text })),
  editedReal,
);
