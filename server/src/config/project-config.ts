import type { Convention } from '../model/conventions.js';
import type { ParseProblem } from '../model/finding.js';
import type { Range } from '../model/range.js';
import type { SeveritySetting } from '../model/severity.js';

export type Numbering = 'oasc-2022' | 'oasc-2025';

export const NUMBERINGS: readonly Numbering[] = ['oasc-2022', 'oasc-2025'];

export interface RegistryEntry {
  id: string;
  title: string;
  url?: string;
}

/** `mimspec.yaml` (mim-format §8): read the same way by the editor and the CLI. */
export interface ProjectConfig {
  /** The config file, or undefined for the defaults. */
  file?: string;
  /** The folder the config governs (its own folder). */
  dir: string;
  mim?: string;
  /** Where the file names its MIM, for findings about that claim. */
  mimRange?: Range;
  numbering: Numbering;
  conventions?: Convention;
  rules: Record<string, SeveritySetting>;
  include: string[];
  exclude: string[];
  registry: RegistryEntry[];
  problems: ParseProblem[];
}

export const CONFIG_FILE_NAMES = ['mimspec.yaml', '.mimspec.yaml'] as const;

export function defaultConfig(dir: string): ProjectConfig {
  return { dir, numbering: 'oasc-2025', rules: {}, include: [], exclude: [], registry: [], problems: [] };
}
