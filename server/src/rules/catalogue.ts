import type { Severity } from '../model/severity.js';

/** What every front needs to know about a rule without running it. */
export interface RuleInfo {
  code: string;
  severity: Severity;
  summary: string;
}

/**
 * The rule catalogue (mim-format §6) plus the codes the engine adds. Codes are a contract:
 * never rename one; a new check gets a new code. Each has a page at docs/rules/<code>.md.
 */
export const RULES: readonly RuleInfo[] = [
  { code: 'syntax/yaml', severity: 'error', summary: 'YAML that does not parse' },
  {
    code: 'schema/invalid',
    severity: 'error',
    summary: 'A *.mim.yaml, resource descriptor or mimspec.yaml that breaks its JSON Schema',
  },
  {
    code: 'config/unknown-rule',
    severity: 'warning',
    summary: 'A key under rules in mimspec.yaml that is no rule code',
  },
  { code: 'structure/missing-part', severity: 'warning', summary: 'One of the five Y.MIM parts is absent' },
  { code: 'structure/part-order', severity: 'warning', summary: 'The Y.MIM parts are out of order' },
  {
    code: 'structure/empty-section',
    severity: 'warning',
    summary: 'A heading with no text and no sub-heading, or only a placeholder',
  },
  { code: 'structure/lost-heading', severity: 'warning', summary: 'A section title glued to the end of a sentence' },
  {
    code: 'structure/table-shape',
    severity: 'warning',
    summary: 'A table row with more or fewer cells than its header',
  },
  { code: 'id/format', severity: 'error', summary: 'An id that does not follow the MIM id forms' },
  { code: 'id/duplicate', severity: 'error', summary: 'The same element id twice in one MIM' },
  {
    code: 'id/parent-mismatch',
    severity: 'error',
    summary: 'A requirement whose first number differs from its capability',
  },
  { code: 'id/sequence', severity: 'info', summary: 'A gap or disorder in numbering' },
  {
    code: 'id/no-title',
    severity: 'warning',
    summary: 'A capability, mechanism, guidance or test heading that is only an id',
  },
  { code: 'capability/no-requirements', severity: 'warning', summary: 'A capability with no requirement' },
  {
    code: 'requirement/no-keyword',
    severity: 'warning',
    summary: 'A requirement with no normative keyword of the declared convention',
  },
  {
    code: 'requirement/keyword-case',
    severity: 'warning',
    summary: 'A requirement whose only keyword is in the wrong case for the convention',
  },
  { code: 'requirement/mixed-levels', severity: 'info', summary: 'One requirement mixing levels (SHALL ... SHOULD)' },
  {
    code: 'conventions/mismatch',
    severity: 'warning',
    summary: 'A keyword the declared conventions do not define, or a self-contradicting declaration',
  },
  {
    code: 'normative-in-informative',
    severity: 'warning',
    summary: 'A normative keyword in Mechanisms, Interoperability Guidance or Conformance',
  },
  {
    code: 'trace/unknown-requirement',
    severity: 'error',
    summary: 'A mapping row, satisfies, covers or seeAlso naming a requirement that does not exist',
  },
  { code: 'trace/uncovered-requirement', severity: 'warning', summary: 'A requirement that no mechanism satisfies' },
  { code: 'trace/text-drift', severity: 'info', summary: 'A mapping table quoting a requirement in other words' },
  {
    code: 'trace/level-drift',
    severity: 'warning',
    summary: 'A mapping table quoting a requirement with a keyword of another level',
  },
  { code: 'trace/untested-requirement', severity: 'info', summary: 'A required requirement that no test covers' },
  {
    code: 'trace/unknown-mechanism',
    severity: 'error',
    summary: 'Interoperability guidance naming a mechanism that does not exist',
  },
  {
    code: 'xref/unknown-mim',
    severity: 'error',
    summary: 'A MIM number that the registry and the workspace do not know',
  },
  { code: 'xref/name-mismatch', severity: 'warning', summary: 'A MIM number written beside the name of another MIM' },
  { code: 'xref/unresolved', severity: 'warning', summary: 'A global id that does not exist in its MIM' },
  { code: 'identity/mismatch', severity: 'error', summary: 'The files of one MIM disagree about its number or name' },
  { code: 'cite/undefined', severity: 'error', summary: 'A citation tag that is not in the references' },
  { code: 'cite/unused', severity: 'info', summary: 'A reference that is never cited' },
  {
    code: 'cite/bibliography-prefix',
    severity: 'warning',
    summary: 'A bibliography tag without b-, or a normative one with it',
  },
  { code: 'link/broken-file', severity: 'error', summary: 'A relative link to a file that does not exist' },
  { code: 'link/broken-anchor', severity: 'error', summary: 'A link to a heading or anchor that does not exist' },
  {
    code: 'link/missing-scheme',
    severity: 'warning',
    summary: 'A web address without https://, read as a relative path',
  },
  {
    code: 'link/text-mismatch',
    severity: 'warning',
    summary: 'Link text that is a URL different from the link target',
  },
  { code: 'anchor/duplicate', severity: 'error', summary: 'The same anchor id twice in one page' },
  {
    code: 'gitbook/unbalanced-block',
    severity: 'error',
    summary: 'A GitBook block without its end tag, or an end tag without its block',
  },
  { code: 'gitbook/summary', severity: 'warning', summary: 'SUMMARY.md lists a missing page, or a page is not listed' },
  {
    code: 'hygiene/invisible-char',
    severity: 'info',
    summary: 'Zero-width or other invisible characters in a page: headings, ids, text, code',
  },
  {
    code: 'itu/skeleton',
    severity: 'warning',
    summary: 'An itu: block missing a clause of a draft Recommendation, or out of order',
  },
  { code: 'itu/keywords-order', severity: 'info', summary: 'ITU keywords not in alphabetical order' },
  {
    code: 'itu/abbreviation',
    severity: 'info',
    summary: 'An abbreviation used but not listed, or listed but never used',
  },
  { code: 'file/unreadable', severity: 'info', summary: 'A file skipped because it is binary, not UTF-8 or too large' },
];

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
