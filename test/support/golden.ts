import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from './paths.js';

/** Set MIMSPEC_UPDATE_GOLDEN=1 (npm run golden:update) to rewrite golden files from the current output. */
export const UPDATE = process.env.MIMSPEC_UPDATE_GOLDEN === '1';

/** Compares `actual` with test/golden/<name>; writes it instead when updating or when the file is new. */
export function matchGolden(name: string, actual: string): void {
  const path = join(ROOT, 'test', 'golden', name);
  if (UPDATE || !existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    if (!UPDATE) assert.fail(`golden file ${name} was missing and has been written; review it and run again`);
    return;
  }
  assert.equal(
    actual,
    readFileSync(path, 'utf8'),
    `output differs from test/golden/${name} (npm run golden:update rewrites it)`,
  );
}
