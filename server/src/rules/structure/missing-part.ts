import type { DocumentModel } from '../../model/document.js';
import { PART_ORDER, PART_TITLES } from '../../model/elements.js';
import type { Mim } from '../../model/mim.js';
import type { Range } from '../../model/range.js';
import { basename, dirname } from '../../workspace/paths.js';
import type { MimRule } from '../rule.js';
import { mimName } from '../support/mim-name.js';

/**
 * structure/missing-part: a Y.MIM part that no document of the MIM holds, reported once per
 * part on the MIM's main document (its README, its single page, its *.mim.yaml).
 */
export const structureMissingPart: MimRule = {
  codes: ['structure/missing-part'],
  scope: 'mim',
  check(mim, ctx) {
    const present = new Set(mim.documents.flatMap((d) => d.parts.map((p) => p.part)));
    if (present.size === PART_ORDER.length) return;
    const main = mainDocument(mim);
    if (!main) return;
    const at = placeIn(main);
    for (const part of PART_ORDER) {
      if (!present.has(part)) ctx.report({ code: 'structure/missing-part', file: main.file, range: at, message: `${mimName(mim)} has no ${PART_TITLES[part]} part` });
    }
  },
};

function mainDocument(mim: Mim): DocumentModel | undefined {
  const own = mim.documents.find((d) => d.file === mim.root);
  if (own) return own;
  const readme = mim.documents.find((d) => dirname(d.file) === mim.root && basename(d.file).toLowerCase() === 'readme.md');
  return readme ?? [...mim.documents].sort((a, b) => (a.file < b.file ? -1 : 1))[0];
}

/** The first heading; in YAML the `mim:` key, so that a comment above it can silence the finding. */
function placeIn(doc: DocumentModel): Range {
  if (doc.sections.length > 0) return doc.sections[0].headingRange;
  const claim = doc.identity.find((c) => c.source === 'yaml');
  return claim ? claim.range : doc.lines.lineRange(0);
}
