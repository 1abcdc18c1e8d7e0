import { isConvention } from '../model/conventions.js';
import type { SeveritySetting } from '../model/severity.js';
import type { ProjectConfig } from '../workspace/config.js';

/**
 * The `mimspec.*` settings mirror mimspec.yaml: numbering, conventions, rules, exclude.
 * Anything malformed is ignored rather than trusted.
 */
export function readSettings(raw: unknown): Partial<ProjectConfig> {
  if (!raw || typeof raw !== 'object') return {};
  const s = raw as Record<string, unknown>;
  const out: Partial<ProjectConfig> = {};
  if (s.numbering === 'oasc-2022' || s.numbering === 'oasc-2025') out.numbering = s.numbering;
  if (isConvention(s.conventions)) out.conventions = s.conventions;
  if (s.rules && typeof s.rules === 'object') {
    const rules: Record<string, SeveritySetting> = {};
    for (const [code, v] of Object.entries(s.rules as Record<string, unknown>)) {
      if (v === 'error' || v === 'warning' || v === 'info' || v === 'off') rules[code] = v;
    }
    out.rules = rules;
  }
  if (Array.isArray(s.exclude)) out.exclude = s.exclude.filter((x): x is string => typeof x === 'string');
  return out;
}
