import { defaultConfig, type ProjectConfig } from './project-config.js';
import { dirname, isInside } from '../base/paths.js';

/**
 * Finds the config that governs a file: the nearest mimspec.yaml walking up from its folder
 * to the workspace root (mim-format §8), else the defaults. Answers are cached per folder.
 */
export class ConfigResolver {
  private readonly byDir = new Map<string, ProjectConfig>();
  private readonly cache = new Map<string, ProjectConfig>();

  /** Editor settings: they fill what no mimspec.yaml says; a file's own keys win. */
  private fallback: Partial<ProjectConfig> = {};

  constructor(
    private readonly roots: readonly string[],
    private readonly override?: ProjectConfig,
  ) {}

  setFallback(settings: Partial<ProjectConfig>): void {
    this.fallback = settings;
    this.cache.clear();
  }

  set(config: ProjectConfig): void {
    this.byDir.set(config.dir, config);
    this.cache.clear();
  }

  remove(dir: string): void {
    this.byDir.delete(dir);
    this.cache.clear();
  }

  all(): ProjectConfig[] {
    return [...this.byDir.values()];
  }

  configFor(file: string): ProjectConfig {
    if (this.override) return this.override;
    const start = dirname(file);
    const hit = this.cache.get(start);
    if (hit) return hit;
    const root = this.roots.find((r) => isInside(file, r));
    let found: ProjectConfig | undefined;
    for (let d = start; ; d = dirname(d)) {
      found = this.byDir.get(d);
      if (found || d === '/' || (root !== undefined && d === root)) break;
    }
    const config = withFallback(found ?? defaultConfig(root ?? start), this.fallback, found !== undefined);
    this.cache.set(start, config);
    return config;
  }
}

function withFallback(config: ProjectConfig, fallback: Partial<ProjectConfig>, fromFile: boolean): ProjectConfig {
  if (Object.keys(fallback).length === 0) return config;
  return {
    ...config,
    // Where a mimspec.yaml governs, its numbering (stated or default) stands.
    numbering: fromFile ? config.numbering : (fallback.numbering ?? config.numbering),
    conventions: config.conventions ?? fallback.conventions,
    rules: { ...(fallback.rules ?? {}), ...config.rules },
    exclude: [...config.exclude, ...(fallback.exclude ?? [])],
  };
}
