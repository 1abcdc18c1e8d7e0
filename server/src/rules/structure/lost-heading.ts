import type { DocumentRule } from '../rule.js';
import { rangeBetween } from '../../model/range.js';

// Section titles of MIM pages, old and new formats, as they appear once their line break is lost.
const TITLES = [
  'Objectives?',
  'Capabilities(?: [Aa]nd [Rr]equirements)?',
  'Requirements',
  'Mechanisms',
  'Specifications',
  'Verification',
  'Interoperability Guidance',
  'Conformance(?: [Aa]nd [Cc]ompliance [Tt]esting)?',
  'Status',
  'Resources',
  'References',
  'Terminology',
].join('|');

/** The end of a sentence (a lower-case letter or digit, then `.`, `!` or `?`) with a title glued to it, at the end of a line. */
const GLUED = new RegExp(`[\\p{Ll}\\p{N}][.!?](${TITLES})[ \\t]*$`, 'gmu');

/**
 * structure/lost-heading: `...in data analytics.Capabilities`, a heading that lost its line
 * break and its `#` in a conversion. The quick fix puts it back on a line of its own.
 */
export const structureLostHeading: DocumentRule = {
  code: 'structure/lost-heading',
  severity: 'warning',
  summary: 'A section title glued to the end of a sentence',
  scope: 'document',
  check(doc, ctx) {
    let eol: string | undefined;
    const blocks = doc.blocks;
    for (let b = 0; b < blocks.length; b++) {
      if (blocks.kind(b) !== 'paragraph') continue;
      const blockStart = blocks.start(b);
      const text = doc.text.slice(blockStart, blocks.end(b));
      GLUED.lastIndex = 0;
      for (let m = GLUED.exec(text); m; m = GLUED.exec(text)) {
        const start = blockStart + m.index + m[0].lastIndexOf(m[1]);
        const range = doc.lines.rangeOf(start, start + m[1].length);
        eol ??= doc.text.includes('\r\n') ? '\r\n' : '\n';
        ctx.report({
          code: 'structure/lost-heading',
          file: doc.file,
          range,
          message: `"${m[1]}" looks like a section title glued to the previous sentence`,
          fixes: [
            {
              title: `Make "${m[1]}" a heading`,
              edits: [{ file: doc.file, range: rangeBetween(range.start, range.start), newText: `${eol}${eol}## ` }],
            },
          ],
        });
      }
    }
  },
};
