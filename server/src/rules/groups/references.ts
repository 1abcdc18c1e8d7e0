import type { Rule } from '../rule.js';
import { anchorDuplicate } from '../anchor/duplicate.js';
import { citeBibliographyPrefix } from '../cite/bibliography-prefix.js';
import { citeUndefined } from '../cite/undefined.js';
import { citeUnused } from '../cite/unused.js';
import { gitbookSummary } from '../gitbook/summary.js';
import { gitbookUnbalancedBlock } from '../gitbook/unbalanced-block.js';
import { hygieneInvisibleChar } from '../hygiene/invisible-char.js';
import { identityMismatch } from '../identity/mismatch.js';
import { ituAbbreviation } from '../itu/abbreviation.js';
import { ituKeywordsOrder } from '../itu/keywords-order.js';
import { ituSkeleton } from '../itu/skeleton.js';
import { linkBrokenAnchor } from '../link/broken-anchor.js';
import { linkBrokenFile } from '../link/broken-file.js';
import { linkMissingScheme } from '../link/missing-scheme.js';
import { linkOutsideRepository } from '../link/outside-repository.js';
import { linkTextMismatch } from '../link/text-mismatch.js';
import { traceLevelDrift } from '../trace/level-drift.js';
import { traceTextDrift } from '../trace/text-drift.js';
import { traceUncoveredRequirement } from '../trace/uncovered-requirement.js';
import { traceUnknownMechanism } from '../trace/unknown-mechanism.js';
import { traceUnknownRequirement } from '../trace/unknown-requirement.js';
import { traceUntestedRequirement } from '../trace/untested-requirement.js';
import { xrefNameMismatch } from '../xref/name-mismatch.js';
import { xrefUnknownMim } from '../xref/unknown-mim.js';
import { xrefUnresolved } from '../xref/unresolved.js';

/** Traceability, cross-references, citations, links, GitBook, ITU clauses: rules about what points where, in the catalogue's order. */
export const REFERENCE_RULES: readonly Rule[] = [
  traceUnknownRequirement,
  traceUncoveredRequirement,
  traceTextDrift,
  traceLevelDrift,
  traceUntestedRequirement,
  traceUnknownMechanism,
  xrefUnknownMim,
  xrefNameMismatch,
  xrefUnresolved,
  identityMismatch,
  citeUndefined,
  citeUnused,
  citeBibliographyPrefix,
  linkBrokenFile,
  linkOutsideRepository,
  linkBrokenAnchor,
  linkMissingScheme,
  linkTextMismatch,
  anchorDuplicate,
  gitbookUnbalancedBlock,
  gitbookSummary,
  hygieneInvisibleChar,
  ituSkeleton,
  ituKeywordsOrder,
  ituAbbreviation,
];
