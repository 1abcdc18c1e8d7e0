import { ALL_RULES } from './all-rules.js';
import { READER_CODES } from './reader-codes.js';
import type { RuleInfo } from './rule.js';

export type { RuleInfo };

/** The areas of the catalogue, in the order it presents them (mim-format §6, then the codes added since). */
const AREAS = [
  'syntax',
  'schema',
  'config',
  'structure',
  'id',
  'capability',
  'requirement',
  'conventions',
  'normative-in-informative',
  'trace',
  'xref',
  'identity',
  'cite',
  'link',
  'anchor',
  'gitbook',
  'hygiene',
  'itu',
  'file',
];
const area = (code: string) => AREAS.indexOf(code.split('/')[0]);

/**
 * The rule catalogue (mim-format §6) plus the codes the engine adds, gathered from the rules
 * and the readers that declare them: by area, then in the order they are declared. Codes are
 * a contract: never rename one; a new check gets a new code. Each has a page at
 * docs/rules/<code>.md.
 */
export const RULES: readonly RuleInfo[] = [...ALL_RULES, ...READER_CODES]
  .map(({ code, severity, summary }, order) => ({ code, severity, summary, order }))
  .sort((a, b) => area(a.code) - area(b.code) || a.order - b.order)
  .map(({ code, severity, summary }) => ({ code, severity, summary }));

const BY_CODE = new Map(RULES.map((r) => [r.code, r]));

export function ruleInfo(code: string): RuleInfo | undefined {
  return BY_CODE.get(code);
}

/** Where a rule's page lives, relative to the repository root. */
export function rulePagePath(code: string): string {
  return `docs/rules/${code}.md`;
}

/** Public address of a rule's page, for LSP codeDescription and SARIF helpUri. */
export const RULES_BASE_URL = 'https://github.com/mimspec/mimspec/blob/main/';

export function ruleUrl(code: string): string {
  return RULES_BASE_URL + rulePagePath(code);
}
