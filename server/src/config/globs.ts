import picomatch from 'picomatch/posix';
import type { ProjectConfig } from './project-config.js';
import { isInside } from '../base/paths.js';

/**
 * Include/exclude globs (mimspec.yaml and the `mimspec.exclude` setting), matched with
 * picomatch against paths relative to the config's folder, read as .gitignore reads them:
 * a pattern without a slash (a trailing one aside) matches at any depth, one with a slash
 * from the config's folder (a leading `/` or `./` says no more); a pattern that names a
 * folder takes everything in it, and a trailing `/` names folders only. Dot files are
 * matched like any other. A pattern that does not compile matches nothing.
 */
export function globMatcher(globs: readonly string[]): (path: string) => boolean {
  const matchers = globs.flatMap((glob) => {
    const patterns = picomatchPatterns(glob);
    if (patterns.length === 0) return [];
    try {
      return [picomatch(patterns, { dot: true })];
    } catch {
      return [];
    }
  });
  return (path) => matchers.some((m) => m(path));
}

/** The picomatch patterns a glob stands for: itself and what lies under it, at any depth when it has no slash. */
function picomatchPatterns(glob: string): string[] {
  const folderOnly = glob.endsWith('/');
  let g = glob.replace(/\/+$/, '');
  const anchored = g.includes('/');
  g = g.replace(/^(?:\.?\/)+/, '');
  if (g === '' || g === '.') return [];
  if (!anchored) g = `**/${g}`;
  return folderOnly ? [`${g}/**/*`] : [g, `${g}/**`];
}

const filters = new WeakMap<ProjectConfig, (file: string) => boolean>();

/**
 * Whether a config leaves a file out: an exclude glob matches it, or include globs are given
 * and none does. The globs of a config are compiled once.
 */
export function isExcludedBy(config: ProjectConfig, file: string): boolean {
  let excluded = filters.get(config);
  if (!excluded) {
    const exclude = config.exclude.length > 0 ? globMatcher(config.exclude) : undefined;
    const include = config.include.length > 0 ? globMatcher(config.include) : undefined;
    excluded = (f) => {
      // Globs are relative to the config's folder: they say nothing about a file outside it.
      if (!isInside(f, config.dir) || f === config.dir) return false;
      const rel = f.slice(config.dir === '/' ? 1 : config.dir.length + 1);
      return (exclude?.(rel) ?? false) || (include !== undefined && !include(rel));
    };
    filters.set(config, excluded);
  }
  return excluded(file);
}
