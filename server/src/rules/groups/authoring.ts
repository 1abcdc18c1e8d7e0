import type { Rule } from '../rule.js';
import { capabilityNoRequirements } from '../capability/no-requirements.js';
import { conventionsMismatch } from '../conventions/mismatch.js';
import { idDuplicate } from '../id/duplicate.js';
import { idFormat } from '../id/format.js';
import { idNoTitle } from '../id/no-title.js';
import { idParentMismatch } from '../id/parent-mismatch.js';
import { idSequence } from '../id/sequence.js';
import { normativeInInformative } from '../normative-in-informative/normative-in-informative.js';
import { requirementKeywordCase } from '../requirement/keyword-case.js';
import { requirementMixedLevels } from '../requirement/mixed-levels.js';
import { requirementNoKeyword } from '../requirement/no-keyword.js';
import { structureEmptySection } from '../structure/empty-section.js';
import { structureLostHeading } from '../structure/lost-heading.js';
import { structureMissingPart } from '../structure/missing-part.js';
import { structurePartOrder } from '../structure/part-order.js';

/** Structure, ids, requirements and keywords: rules about how a MIM is written. */
export const AUTHORING_RULES: readonly Rule[] = [
  structureMissingPart,
  structurePartOrder,
  structureEmptySection,
  structureLostHeading,
  idFormat,
  idDuplicate,
  idParentMismatch,
  idSequence,
  idNoTitle,
  capabilityNoRequirements,
  requirementNoKeyword,
  requirementKeywordCase,
  requirementMixedLevels,
  conventionsMismatch,
  normativeInInformative,
];
