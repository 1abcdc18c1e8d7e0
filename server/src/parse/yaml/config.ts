import { posix } from 'node:path';
import { isConvention } from '../../model/conventions.js';
import { LineIndex } from '../../model/range.js';
import type { SeveritySetting } from '../../model/severity.js';
import { defaultConfig, type Numbering, type ProjectConfig } from '../../workspace/config.js';
import { normalizeMimId } from '../text/ids.js';
import { neverThrow } from './guard.js';
import { loadYaml } from './load.js';
import { entries, field, items, str } from './nodes.js';
import { checkSchema } from './schema.js';
import type { MaybeNode } from './tree.js';

const NUMBERINGS: readonly string[] = ['oasc-2022', 'oasc-2025'] satisfies Numbering[];
const SETTINGS: readonly string[] = ['error', 'warning', 'info', 'off'] satisfies SeveritySetting[];

/**
 * `mimspec.yaml` (mim-format §8). Problems are kept on the config; values of the wrong
 * shape are left out, so a broken key falls back to its default rather than stopping checks.
 */
export function parseConfig(file: string, text: string): ProjectConfig {
  const config: ProjectConfig = { ...defaultConfig(posix.dirname(file)), file };
  return neverThrow(
    () => {
      const lines = new LineIndex(text);
      const loaded = loadYaml(text, lines);
      config.problems.push(...loaded.problems, ...checkSchema('config', file, loaded, lines));
      readConfig(config, loaded.root, lines);
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
  if (numbering && NUMBERINGS.includes(numbering)) config.numbering = numbering as Numbering;
  const conventions = str(field(root, 'conventions')?.value);
  if (isConvention(conventions)) config.conventions = conventions;
  for (const e of entries(field(root, 'rules')?.value)) {
    const setting = str(e.value);
    if (setting && SETTINGS.includes(setting)) config.rules[e.key] = setting as SeveritySetting;
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

function strings(node: MaybeNode): string[] {
  return items(node).flatMap((item) => str(item) ?? []);
}
