import type { RuleInfo } from './rule.js';

/**
 * Codes that the readers report as they read a file (a document's or a config's problems),
 * rather than a rule run on the model: declared here, as a rule declares its own.
 */
export const READER_CODES: readonly RuleInfo[] = [
  { code: 'syntax/yaml', severity: 'error', summary: 'YAML that does not parse' },
  {
    code: 'syntax/yaml-warning',
    severity: 'warning',
    summary: 'YAML that parses, with a tag, directive or anchor name that the parser warns about and reads otherwise',
  },
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
  {
    code: 'structure/table-shape',
    severity: 'warning',
    summary: 'A table row with more or fewer cells than its header',
  },
  { code: 'file/unreadable', severity: 'info', summary: 'A file skipped because it is binary, not UTF-8 or too large' },
];
