import type { DocumentModel } from '../../model/document.js';
import { PART_ORDER, PART_TITLES, partLabel } from '../../model/elements.js';
import type { Mim } from '../../model/mim.js';
import type { Range } from '../../model/range.js';
import { basename, dirname } from '../../base/paths.js';
import type { MimRule, RuleContext } from '../rule.js';
import { mimName } from '../support/mim-name.js';

/**
 * structure/missing-part: a Y.MIM part that no document of the MIM holds, reported once per
 * part on the MIM's main document (its README, its single page, its *.mim.yaml). A MIM with
 * requirements but no mechanism element has no traceability at all: an absent Mechanisms part
 * says so, and a Mechanisms part that holds no mechanism is reported once, at its heading.
 */
export const structureMissingPart: MimRule = {
  code: 'structure/missing-part',
  severity: 'warning',
  summary: 'One of the five Y.MIM parts is absent',
  scope: 'mim',
  check(mim, ctx) {
    const present = new Set(mim.documents.flatMap((d) => d.parts.map((p) => p.part)));
    const untraced = mim.mechanisms.length === 0 ? untracedRequirements(mim) : undefined;
    if (untraced && present.has('mechanisms')) reportEmptyMechanisms(mim, ctx, untraced);
    if (present.size === PART_ORDER.length) return;
    const main = mainDocument(mim);
    if (!main) return;
    const at = placeIn(main);
    for (const part of PART_ORDER) {
      if (present.has(part)) continue;
      const more = part === 'mechanisms' && untraced ? `: ${untraced}` : '';
      ctx.report({
        code: 'structure/missing-part',
        file: main.file,
        range: at,
        message: `${mimName(mim)} has no ${PART_TITLES[part]} part${more}`,
      });
    }
  },
};

/** What a MIM without mechanisms loses, or undefined when it has no requirement to trace. */
function untracedRequirements(mim: Mim): string | undefined {
  const n = mim.requirements.filter((r) => r.id).length;
  if (n === 0) return undefined;
  return n === 1
    ? 'its one requirement cannot be traced to a mechanism'
    : `none of its ${n} requirements can be traced to a mechanism`;
}

/** A Mechanisms part written without any mechanism in it: once, at its first heading (pages in path order). */
function reportEmptyMechanisms(mim: Mim, ctx: RuleContext, untraced: string): void {
  const docs = [...mim.documents].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const part = docs.flatMap((d) => d.parts).find((p) => p.part === 'mechanisms');
  if (!part) return;
  ctx.report({
    code: 'structure/missing-part',
    file: part.file,
    range: part.range,
    message: `${mimName(mim)} has no mechanism under ${partLabel(part.part, part.title)}: ${untraced}`,
  });
}

function mainDocument(mim: Mim): DocumentModel | undefined {
  const own = mim.documents.find((d) => d.file === mim.root);
  if (own) return own;
  const readme = mim.documents.find(
    (d) => dirname(d.file) === mim.root && basename(d.file).toLowerCase() === 'readme.md',
  );
  return readme ?? [...mim.documents].sort((a, b) => (a.file < b.file ? -1 : 1))[0];
}

/** The first heading; in YAML the `mim:` key, so that a comment above it can silence the finding. */
function placeIn(doc: DocumentModel): Range {
  if (doc.sections.length > 0) return doc.sections[0].headingRange;
  const claim = doc.identity.find((c) => c.source === 'yaml');
  return claim ? claim.range : doc.lines.lineRange(0);
}
