import { posix } from 'node:path';
import { isConvention } from '../model/conventions.js';
import type { ParseProblem } from '../model/finding.js';
import { LineIndex } from '../model/range.js';
import { SEVERITY_SETTINGS, type SeveritySetting } from '../model/severity.js';
import { defaultConfig, NUMBERINGS, type Numbering, type ProjectConfig } from './project-config.js';
import { normalizeMimId } from '../model/ids.js';
import { neverThrow } from '../parse/yaml/guard.js';
import { loadYaml } from '../parse/yaml/load.js';
import { entries, field, items, str, type Entry } from '../parse/yaml/nodes.js';
import { checkSchema } from '../parse/yaml/schema.js';
import type { MaybeNode } from '../parse/yaml/tree.js';

/**
 * `mimspec.yaml` (mim-format §8). Problems are kept on the config; values of the wrong
 * shape are left out, so a broken key falls back to its default rather than stopping checks.
 * Given the rule codes there are, a code under `rules` that is none of them is reported.
 */
export function parseConfig(file: string, text: string, ruleCodes?: readonly string[]): ProjectConfig {
  const config: ProjectConfig = { ...defaultConfig(posix.dirname(file)), file };
  return neverThrow(
    () => {
      const lines = new LineIndex(text);
      const loaded = loadYaml(text, lines);
      config.problems.push(...loaded.problems, ...checkSchema('config', file, loaded, lines));
      readConfig(config, loaded.root, lines);
      if (ruleCodes)
        config.problems.push(
          ...unknownRules(entries(field(loaded.root, 'rules')?.value), ruleCodes, config.problems, lines),
        );
      return config;
    },
    (problem) => ({ ...defaultConfig(config.dir), file, problems: [...config.problems, problem] }),
  );
}

function readConfig(config: ProjectConfig, root: MaybeNode, lines: LineIndex): void {
  const mimField = field(root, 'mim');
  const mim = normalizeMimId(str(mimField?.value) ?? '');
  if (mim) {
    config.mim = mim;
    const at = mimField?.value;
    if (at) config.mimRange = lines.rangeOf(at.start, at.end);
  }
  const numbering = str(field(root, 'numbering')?.value);
  if (numbering && (NUMBERINGS as readonly string[]).includes(numbering)) config.numbering = numbering as Numbering;
  const conventions = str(field(root, 'conventions')?.value);
  if (isConvention(conventions)) config.conventions = conventions;
  for (const e of entries(field(root, 'rules')?.value)) {
    const setting = str(e.value);
    if (setting && (SEVERITY_SETTINGS as readonly string[]).includes(setting))
      config.rules[e.key] = setting as SeveritySetting;
  }
  config.include = strings(field(root, 'include')?.value);
  config.exclude = strings(field(root, 'exclude')?.value);
  for (const item of items(field(root, 'registry')?.value)) {
    const id = normalizeMimId(str(field(item, 'id')?.value) ?? '');
    const title = str(field(item, 'title')?.value);
    const url = str(field(item, 'url')?.value);
    if (id && title !== undefined) config.registry.push({ id, title, ...(url !== undefined && { url }) });
  }
}

/**
 * config/unknown-rule: a key under `rules` that is no rule code (a typo, or a rule of another
 * version) changes nothing, which nobody would notice. A key the schema already faults is left to it.
 */
function unknownRules(
  rules: Entry[],
  codes: readonly string[],
  problems: readonly ParseProblem[],
  lines: LineIndex,
): ParseProblem[] {
  return rules.flatMap((e): ParseProblem[] => {
    if (codes.includes(e.key)) return [];
    const range = lines.rangeOf(e.keyNode.start, e.keyNode.end);
    if (
      problems.some((p) => p.range.start.line === range.start.line && p.range.start.character === range.start.character)
    )
      return [];
    // A code of the right name in another area, or an area left out: 'sequence' for 'id/sequence'.
    const name = e.key.slice(e.key.lastIndexOf('/') + 1);
    const near = codes.find((c) => c.slice(c.lastIndexOf('/') + 1) === name);
    const hint = near ? `; did you mean '${near}'?` : '; the codes are listed in docs/rules/README.md';
    return [
      {
        code: 'config/unknown-rule',
        message: `'${e.key}' is not a mimspec rule code, so this setting changes nothing${hint}`,
        range,
      },
    ];
  });
}

function strings(node: MaybeNode): string[] {
  return items(node).flatMap((item) => str(item) ?? []);
}
