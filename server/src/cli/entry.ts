import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import type { main as Main } from './main.js';

/**
 * The `mimspec` command's entry. The CLI itself is bundled beside this file (esbuild.mjs);
 * it is compiled here from V8's code cache, which the build makes by running the CLI once
 * on the examples, so a cold start neither parses the bundle nor compiles the functions a
 * check runs. Node rejects a cache made by another version of V8, or for other source, and
 * then compiles as usual.
 */

const BUNDLE = 'mimspec-cli.js';
const CACHE = 'mimspec-cli.cache';

interface Cli {
  cli(): void;
  main: typeof Main;
}

interface Loaded {
  exports: Cli;
  script: Script;
  source: string;
}

// V8 checks a cache against the length of its source only, so the cache starts with a digest
// of the source it was made from, and is used for that source alone.
const DIGEST_BYTES = 20;
const digest = (source: string) => createHash('sha1').update(source).digest();

function load(dir: string, useCache: boolean): Loaded {
  const file = join(dir, BUNDLE);
  const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`;
  let cachedData: Buffer | undefined;
  if (useCache) {
    try {
      const cache = readFileSync(join(dir, CACHE));
      if (cache.subarray(0, DIGEST_BYTES).equals(digest(source))) cachedData = cache.subarray(DIGEST_BYTES);
    } catch {
      // No cache (a watch build, or a copy without it): compiled from source.
    }
  }
  const script = new Script(source, { filename: file, cachedData });
  const bundle = { exports: {} as Cli };
  script.runInThisContext()(bundle.exports, require, bundle, file, dir);
  return { exports: bundle.exports, script, source };
}

/** The CLI, and whether V8 took the code cache for it. */
export function loadCli(dir = __dirname): { cli: Cli; cached: boolean } {
  const { exports, script } = load(dir, true);
  return { cli: exports, cached: script.cachedDataRejected === false };
}

/** Runs `mimspec check` and `mimspec matrix` on a folder, output discarded, and writes the code cache of what they compiled. */
export async function writeCodeCache(folder: string, dir = __dirname): Promise<number> {
  const { exports, script, source } = load(dir, false);
  await exports.main(
    ['check', folder, '--format', 'json'],
    () => {},
    () => {},
  );
  await exports.main(
    ['matrix', folder, '--format', 'csv'],
    () => {},
    () => {},
  );
  const data = Buffer.concat([digest(source), script.createCachedData()]);
  const target = join(dir, CACHE);
  writeFileSync(`${target}.tmp`, data);
  renameSync(`${target}.tmp`, target);
  return data.length;
}

export function cli(): void {
  loadCli().cli.cli();
}

if (require.main === module) cli();
