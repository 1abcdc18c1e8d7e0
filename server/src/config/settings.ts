import { CONVENTIONS, isConvention } from '../model/conventions.js';
import { SEVERITY_SETTINGS, type SeveritySetting } from '../model/severity.js';
import { NUMBERINGS, type Numbering, type ProjectConfig } from './project-config.js';

export interface Settings {
  config: Partial<ProjectConfig>;
  /** What was left out and why, one sentence each, naming the setting and the values it takes. */
  problems: string[];
}

const oneOf = (values: readonly string[]) => values.join(', ');
const shown = (value: unknown) => (typeof value === 'string' ? `'${value}'` : JSON.stringify(value));

/**
 * The `mimspec.*` settings mirror mimspec.yaml: numbering, conventions, rules, exclude.
 * Anything malformed is ignored rather than trusted, and said so. `ruleCodes` are the codes
 * of the catalogue, which the caller knows (configs sit below the rules).
 */
export function readSettings(raw: unknown, ruleCodes: ReadonlySet<string>): Settings {
  const config: Partial<ProjectConfig> = {};
  const problems: string[] = [];
  if (!raw || typeof raw !== 'object') return { config, problems };
  const s = raw as Record<string, unknown>;
  if ((NUMBERINGS as readonly unknown[]).includes(s.numbering)) config.numbering = s.numbering as Numbering;
  else if (s.numbering != null)
    problems.push(`mimspec.numbering: ${shown(s.numbering)} is not one of ${oneOf(NUMBERINGS)}; it is ignored`);
  if (isConvention(s.conventions)) config.conventions = s.conventions;
  else if (s.conventions != null)
    problems.push(`mimspec.conventions: ${shown(s.conventions)} is not one of ${oneOf(CONVENTIONS)}; it is ignored`);
  if (s.rules && typeof s.rules === 'object' && !Array.isArray(s.rules)) {
    const rules: Record<string, SeveritySetting> = {};
    for (const [code, v] of Object.entries(s.rules as Record<string, unknown>)) {
      const known = ruleCodes.has(code);
      const valid = (SEVERITY_SETTINGS as readonly unknown[]).includes(v);
      if (known && valid) {
        rules[code] = v as SeveritySetting;
        continue;
      }
      const faults = [
        ...(known ? [] : [`${shown(code)} is not a mimspec rule code (docs/rules/README.md lists them)`]),
        ...(valid ? [] : [`${code} is set to ${shown(v)}, not one of ${oneOf(SEVERITY_SETTINGS)}`]),
      ];
      problems.push(`mimspec.rules: ${faults.join(', and ')}; it is ignored`);
    }
    config.rules = rules;
  } else if (s.rules != null)
    problems.push(
      `mimspec.rules: ${shown(s.rules)} is not a map of rule codes to ${oneOf(SEVERITY_SETTINGS)}; it is ignored`,
    );
  if (Array.isArray(s.exclude)) {
    config.exclude = s.exclude.filter((x): x is string => typeof x === 'string');
    if (config.exclude.length < s.exclude.length)
      problems.push('mimspec.exclude: only strings (globs) are read; the other items are ignored');
  } else if (s.exclude != null)
    problems.push(`mimspec.exclude: ${shown(s.exclude)} is not a list of globs; it is ignored`);
  return { config, problems };
}
