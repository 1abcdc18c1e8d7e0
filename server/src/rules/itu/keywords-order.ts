import type { DocumentRule } from '../rule.js';

const collator = new Intl.Collator('en', { sensitivity: 'base' });

/**
 * itu/keywords-order: the keywords of an `itu:` block out of alphabetical order (case aside).
 * The quick fix writes the sorted keywords into the places the keywords hold, whatever the layout.
 */
export const ituKeywordsOrder: DocumentRule = {
  code: 'itu/keywords-order',
  severity: 'info',
  summary: 'ITU keywords not in alphabetical order',
  scope: 'document',
  check(doc, ctx) {
    const keywords = doc.itu?.keywords ?? [];
    const at = keywords.findIndex((k, i) => i > 0 && collator.compare(keywords[i - 1].text, k.text) > 0);
    if (at < 0) return;
    const source = (k: (typeof keywords)[number]) =>
      doc.text.slice(doc.lines.offsetAt(k.range.start), doc.lines.offsetAt(k.range.end));
    const sorted = [...keywords].sort((a, b) => collator.compare(a.text, b.text));
    ctx.report({
      code: 'itu/keywords-order',
      file: doc.file,
      range: keywords[at].range,
      message: `Keywords are not in alphabetical order: "${keywords[at].text}" belongs before "${keywords[at - 1].text}"`,
      fixes: [
        {
          title: 'Sort the keywords',
          edits: keywords.map((k, i) => ({ file: doc.file, range: k.range, newText: source(sorted[i]) })),
          preferred: true,
        },
      ],
    });
  },
};
