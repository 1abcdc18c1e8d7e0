import { defaultConfig, type ProjectConfig } from './config.js';
import { dirname, isInside } from './paths.js';

/**
 * Finds the config that governs a file: the nearest mimspec.yaml walking up from its folder
 * to the workspace root (mim-format §8), else the defaults. Answers are cached per folder.
 */
export class ConfigResolver {
  private readonly byDir = new Map<string, ProjectConfig>();
  private readonly cache = new Map<string, ProjectConfig>();

  constructor(
    private readonly roots: readonly string[],
    private readonly override?: ProjectConfig,
  ) {}

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
    const config = found ?? defaultConfig(root ?? start);
    this.cache.set(start, config);
    return config;
  }
}
