import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { dirname, normalizePath } from '../base/paths.js';
import { RULES, ruleUrl } from '../rules/catalogue.js';
import { NodeFileSystem } from '../node/file-system.js';
import { Workspace } from '../workspace/workspace.js';
import type { Palette } from './colors.js';

interface RuleRow {
  code: string;
  severity: string;
  /** The severity under the config that governs the folder: a mimspec.yaml's `rules`, or --config. */
  inForce: string;
  summary: string;
  url: string;
}

/** `mimspec rules [FOLDER] [--format text|json] [--config FILE]`: the catalogue, and what is in force here. */
export async function runRules(
  folder: string,
  format: 'text' | 'json',
  configFile: string | undefined,
  readText: (file: string) => string,
  palette: Palette,
): Promise<string> {
  const dir = normalizePath(resolve(folder));
  const config = configFile
    ? { file: normalizePath(resolve(configFile)), text: readText(resolve(configFile)) }
    : undefined;
  const ws = new Workspace(new NodeFileSystem(), { roots: [dir], config, incremental: false });
  // Only the config that governs the folder is read: it decides the severities in force.
  const governing = nearestConfig(dir);
  if (governing) ws.setDocument(governing, readText(governing), 'disk');
  const inForce = ws.configFor(`${dir}/x.md`).rules;
  const rows: RuleRow[] = RULES.map((r) => ({
    code: r.code,
    severity: r.severity,
    inForce: inForce[r.code] ?? r.severity,
    summary: r.summary,
    url: ruleUrl(r.code),
  }));
  if (format === 'json') return `${JSON.stringify({ rules: rows }, null, 2)}\n`;
  const width = Math.max(...rows.map((r) => r.code.length));
  const lines = rows.map((r) => {
    const changed = r.inForce !== r.severity ? ` (here: ${r.inForce})` : '';
    const sev = r.inForce === 'off' ? 'off' : r.inForce;
    return `${palette.code(r.code.padEnd(width))}  ${palette.severity(sev === 'off' ? 'info' : (sev as 'error'), r.severity.padEnd(7))}${changed}  ${r.summary}`;
  });
  lines.push(`${rows.length} rules; each has a page: ${ruleUrl('<code>')}`);
  return `${lines.join('\n')}\n`;
}

/** The mimspec.yaml (or .mimspec.yaml) of the folder or the nearest folder above it. */
function nearestConfig(dir: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    for (const name of ['mimspec.yaml', '.mimspec.yaml']) if (existsSync(`${d}/${name}`)) return `${d}/${name}`;
    if (d === dirname(d)) return undefined;
  }
}
