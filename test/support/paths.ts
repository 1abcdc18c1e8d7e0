import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root: tests run from dist/test/..., so walk up to the folder holding package.json. */
function findRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above the test bundle');
    dir = up;
  }
  return dir;
}

export const ROOT = findRoot();

export function fixture(...parts: string[]): string {
  return join(ROOT, 'test', 'fixtures', ...parts);
}

/** The published corpus beside the project (read-only), or undefined where it is absent. */
export const CORPUS = ((): string | undefined => {
  const dir = join(ROOT, '..', 'shared', 'corpus');
  return existsSync(dir) ? dir : undefined;
})();
