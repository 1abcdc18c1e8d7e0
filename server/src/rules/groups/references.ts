import type { Rule } from '../rule.js';
import { gitbookUnbalancedBlock } from '../gitbook/unbalanced-block.js';
import { linkBrokenAnchor } from '../link/broken-anchor.js';
import { linkBrokenFile } from '../link/broken-file.js';
import { traceUnknownRequirement } from '../trace/unknown-requirement.js';

/** Traceability, cross-references, citations, links, GitBook, ITU clauses: rules about what points where. */
export const REFERENCE_RULES: readonly Rule[] = [gitbookUnbalancedBlock, linkBrokenAnchor, linkBrokenFile, traceUnknownRequirement];
