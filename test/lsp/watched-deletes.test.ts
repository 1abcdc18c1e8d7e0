import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProtocolEvent } from '../support/fuzz/protocol-events.js';
import { runSession } from '../support/fuzz/protocol-session.js';
import { PROTOCOL_SEED } from '../support/fuzz/seed.js';

/**
 * Files changed and then deleted on disk, or closed and then deleted, in quick succession:
 * the read that the change (or the close) started must not bring a deleted file back.
 */
const edit = { at: 0.5, remove: 0, insert: '\n' };

describe('watched files deleted while their read is under way', () => {
  it('a change then a delete leaves the file gone, as a fresh check sees it', async () => {
    const events: ProtocolEvent[] = [];
    for (let file = 0; file < 6; file++) events.push({ kind: 'disk-write', file, edit }, { kind: 'disk-delete', file });
    for (let round = 0; round < 3; round++) assert.deepEqual((await runSession(PROTOCOL_SEED, events)).problems, []);
  });

  it('a close then a delete leaves the file gone', async () => {
    const events: ProtocolEvent[] = [];
    for (let file = 0; file < 6; file++)
      events.push({ kind: 'open', file }, { kind: 'close', file }, { kind: 'disk-delete', file });
    for (let round = 0; round < 3; round++) assert.deepEqual((await runSession(PROTOCOL_SEED, events)).problems, []);
  });
});
