import type { Convention } from '../../model/conventions.js';
import type { DocumentModel } from '../../model/document.js';
import { isInformativePart, type KeywordHit, type TextBlock } from '../../model/elements.js';
import type { Mim } from '../../model/mim.js';
import { plainInline } from '../../parse/text/inline-markdown.js';
import { foldSpace } from '../../parse/text/white-space.js';
import { countsUnder, findKeywords } from '../../parse/text/keywords.js';
import type { DocumentRule } from '../rule.js';
import { partLabelAt } from '../support/part-label.js';

/**
 * normative-in-informative: a keyword that counts under the conventions in force, written in
 * Mechanisms, Interoperability Guidance or Conformance. A requirement quoted there (the quote
 * column of a mapping table, or any block that is exactly a requirement's text) is part 2's
 * statement, not the mechanism's.
 */
export const normativeInInformative: DocumentRule = {
  code: 'normative-in-informative',
  severity: 'warning',
  summary: 'A normative keyword in Mechanisms, Interoperability Guidance or Conformance',
  scope: 'document',
  check(doc, ctx) {
    const blocks = doc.blocks;
    let informative = false;
    for (let b = 0; b < blocks.length && !informative; b++) informative = isInformativePart(blocks.part(b));
    if (!informative) return;
    const mim = ctx.index.mimOf(doc.file);
    const convention = mim ? mim.convention : ctx.configFor(doc.file).conventions;
    const skip = declarationSpan(doc);
    for (let b = 0; b < blocks.length; b++) {
      if (!isInformativePart(blocks.part(b)) || blocks.kind(b) === 'code' || blocks.quotesRequirement(b)) continue;
      if (blocks.start(b) < skip.end && blocks.end(b) > skip.start) continue;
      const block = blocks.at(b)!;
      const hits = findKeywords(doc.text.slice(block.start, block.end), block.start).filter((h) =>
        counts(h, convention),
      );
      if (hits.length === 0 || (mim && quotesRequirement(doc, block, mim))) continue;
      const part = partLabelAt(doc, block.part!, block.start);
      for (const hit of hits) {
        ctx.report({
          code: 'normative-in-informative',
          file: doc.file,
          range: doc.lines.rangeOf(hit.offset, hit.offset + hit.length),
          message: `${hit.written.includes(' ') ? `"${hit.written}"` : hit.written} in ${part}: only Capabilities and Requirements are normative`,
        });
      }
    }
  },
};

/**
 * Where nothing declares conventions, lower-case shall/should/may in prose is ordinary English:
 * only capitals (BCP 14) and the ITU phrases, which are unambiguous, count.
 */
function counts(hit: KeywordHit, convention: Convention | undefined): boolean {
  if (convention) return countsUnder(hit, convention);
  return hit.caseOk.includes('bcp14') || hit.caseOk.includes('itu');
}

/** The document's own Terminology block names keywords without using them. */
function declarationSpan(doc: DocumentModel): { start: number; end: number } {
  const decl = doc.conventions;
  if (!decl || decl.source !== 'terminology') return { start: 0, end: 0 };
  return { start: doc.lines.offsetAt(decl.range.start), end: doc.lines.offsetAt(decl.range.end) };
}

const requirementTexts = new WeakMap<Mim, Set<string>>();

const LEADING_ID = /^(?:MIM\d+\.)?R\d+\.\d+[a-z]?\s*[:.–—-]?\s*/;
const QUOTES = /^["“'”]+|["”'“]+$/g;

/** Whether the block is, word for word, the text of one of the MIM's requirements (an id before it allowed). */
function quotesRequirement(doc: DocumentModel, block: TextBlock, mim: Mim): boolean {
  let texts = requirementTexts.get(mim);
  if (!texts) {
    texts = new Set(mim.requirements.map((r) => r.text).filter((t) => t.length > 0));
    requirementTexts.set(mim, texts);
  }
  const raw = doc.text.slice(block.start, block.end).replace(/^[ \t]*>[ \t]?/gm, '');
  const text = foldSpace(plainInline(raw)).replace(LEADING_ID, '').replace(QUOTES, '').trim();
  return texts.has(text);
}
