import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { asProperty, decodeCase, PROPERTIES } from '../support/fuzz/properties.js';
import { fixture } from '../support/paths.js';

/**
 * The properties of the parsers and the rule engine (test/support/fuzz/properties.ts) over
 * random documents and damaged bytes. Seeded and bounded here, so CI runs the same cases each
 * time (MIMSPEC_FUZZ_SCALE multiplies them); `npm run fuzz` runs them long with random seeds
 * and writes each failure, shrunk, to test/fixtures/fuzz/properties/, which this suite replays.
 */
const SCALE = Number(process.env.MIMSPEC_FUZZ_SCALE ?? 1);
const FOUND = fixture('fuzz', 'properties');

describe('properties of the parsers and the rule engine (fixed seed)', () => {
  for (const p of PROPERTIES)
    it(p.name, async () => {
      await fc.assert(asProperty(p), { seed: 2026, numRuns: Math.round(p.runs * SCALE), includeErrorInReport: true });
    });
});

describe('failures the long runs found, replayed', () => {
  for (const name of existsSync(FOUND) ? readdirSync(FOUND).filter((n) => n.endsWith('.json')) : []) {
    it(name, async () => {
      const found = decodeCase(readFileSync(join(FOUND, name), 'utf8')) as { property: string; value: unknown };
      const p = PROPERTIES.find((q) => q.name === found.property);
      if (!p) throw new Error(`${name} names no property: ${found.property}`);
      await p.check(found.value);
    });
  }
});
