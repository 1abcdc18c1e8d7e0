import type { Rule } from '../rule.js';
import { idDuplicate } from '../id/duplicate.js';

/** Structure, ids, requirements and keywords: rules about how a MIM is written. */
export const AUTHORING_RULES: readonly Rule[] = [idDuplicate];
