import { AUTHORING_RULES } from './groups/authoring.js';
import { REFERENCE_RULES } from './groups/references.js';
import type { Rule } from './rule.js';

/** Every rule the engine runs. A new rule declares its code, severity and summary itself, is listed in its group, and has its page in docs/rules/. */
export const ALL_RULES: readonly Rule[] = [...AUTHORING_RULES, ...REFERENCE_RULES];
