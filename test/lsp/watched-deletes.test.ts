import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Edit, ProtocolEvent } from '../support/fuzz/protocol-events.js';
import { runSession, sessionFiles } from '../support/fuzz/protocol-session.js';
import { PROTOCOL_SEED } from '../support/fuzz/seed.js';

/**
 * A read of a file under way while the file is deleted, closed or reopened: the server must
 * end where a fresh check of the same texts ends. The server's test seam (node/slow-reads.ts)
 * makes every read of one page come back 1.5 s after the disk gave it, so the deletion or the
 * reopening always lands while the read is under way, however fast the machine.
 */
const SLOW = 'mechanisms.md';
const DELAY = 1500;
const env = { MIMSPEC_TEST_SLOW_READS: `${SLOW}:${DELAY}` };
const file = sessionFiles(PROTOCOL_SEED).indexOf(`docs/${SLOW}`);
const edit: Edit = { at: 0.5, remove: 0, insert: '\n[a link](missing.md)\n' };
/** Long enough for every slow read started before it to have come back. */
const settle: ProtocolEvent = { kind: 'pause', ms: DELAY + 700 };

async function problems(events: ProtocolEvent[], waitFor: 'scan-start' | 'scan-end' = 'scan-end'): Promise<string[]> {
  return (await runSession(PROTOCOL_SEED, events, { env, waitFor })).problems;
}

describe('reads overtaken by what the editor and the disk do meanwhile', () => {
  assert.ok(file >= 0, `the seed has no docs/${SLOW}`);

  it('a change on disk, then the file deleted while the change is read: the file stays gone', async () => {
    assert.deepEqual(
      await problems([
        { kind: 'disk-write', file, edit },
        { kind: 'pause', ms: 300 },
        { kind: 'disk-delete', file },
        settle,
      ]),
      [],
    );
  });

  it('a page closed, then deleted while the disk is read for it: the page stays gone', async () => {
    assert.deepEqual(
      await problems([
        { kind: 'open', file },
        { kind: 'close', file },
        { kind: 'pause', ms: 300 },
        { kind: 'disk-delete', file },
        settle,
      ]),
      [],
    );
  });

  it('a page closed, then opened again and edited while the disk is read for it: the buffer stays', async () => {
    assert.deepEqual(
      await problems([
        { kind: 'open', file },
        { kind: 'close', file },
        { kind: 'pause', ms: 300 },
        { kind: 'open', file },
        { kind: 'change', file, edit, outOfRange: false },
        settle,
      ]),
      [],
    );
  });

  it('a file deleted while the first scan reads it: the file stays gone', async () => {
    // The scan starts its reads as soon as it has listed the few folders of the seed: well within the pause.
    assert.deepEqual(
      await problems([{ kind: 'pause', ms: 500 }, { kind: 'disk-delete', file }, settle], 'scan-start'),
      [],
    );
  });
});
