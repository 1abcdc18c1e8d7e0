import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { protocolEvent, type ProtocolEvent } from '../support/fuzz/protocol-events.js';
import { runSession } from '../support/fuzz/protocol-session.js';
import { PROTOCOL_SEED } from '../support/fuzz/seed.js';
import { fixture } from '../support/paths.js';

/**
 * Random sessions against the real server over stdio: every request answered, the server
 * alive, and its diagnostics equal to a fresh check of the same texts at the end. Seeded, so
 * that CI runs the same sessions each time (MIMSPEC_FUZZ_SESSIONS sets how many); `npm run
 * fuzz` runs more with random seeds and writes each failure, shrunk, where this suite replays it.
 */
const FOUND = fixture('fuzz', 'protocol');

describe('protocol fuzzing', () => {
  it('keeps the server equal to a fresh check through random sessions (fixed seed)', async () => {
    const runs = Number(process.env.MIMSPEC_FUZZ_SESSIONS ?? 8);
    await fc.assert(
      fc.asyncProperty(fc.array(protocolEvent, { minLength: 1, maxLength: 40 }), async (events) => {
        const { problems } = await runSession(PROTOCOL_SEED, events);
        assert.deepEqual(problems, []);
      }),
      { seed: 1414, numRuns: runs },
    );
  });

  for (const name of existsSync(FOUND) ? readdirSync(FOUND).filter((n) => n.endsWith('.json')) : []) {
    it(`replays the shrunk session ${name}`, async () => {
      const found = JSON.parse(readFileSync(join(FOUND, name), 'utf8')) as { events: ProtocolEvent[]; about?: string };
      const { problems } = await runSession(PROTOCOL_SEED, found.events);
      assert.deepEqual(problems, [], found.about);
    });
  }
});
