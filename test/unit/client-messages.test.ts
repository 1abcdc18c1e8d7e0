import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readMessage } from '../../client/src/views/protocol.js';

/** The extension reads its webviews' messages as untrusted input: only well-formed ones pass. */
describe('client: messages of the views', () => {
  it('passes the messages of the contract, field for field', () => {
    const uri = 'file:///w/docs/a.md';
    assert.deepEqual(readMessage({ type: 'reveal', uri, line: 3 }), { type: 'reveal', uri, line: 3 });
    assert.deepEqual(readMessage({ type: 'scrolled', uri, line: 0 }), { type: 'scrolled', uri, line: 0 });
    assert.deepEqual(readMessage({ type: 'openMim', mim: 'MIM2' }), { type: 'openMim', mim: 'MIM2' });
    assert.deepEqual(readMessage({ type: 'openMim', mim: 'MIM2', uri, line: 4 }), {
      type: 'openMim',
      mim: 'MIM2',
      uri,
      line: 4,
    });
    assert.deepEqual(readMessage({ type: 'expand', id: 'MIM2' }), { type: 'expand', id: 'MIM2' });
    assert.deepEqual(readMessage({ type: 'filter', filter: 'R1 untested' }), { type: 'filter', filter: 'R1 untested' });
    assert.deepEqual(readMessage({ type: 'scope', scope: 'workspace' }), { type: 'scope', scope: 'workspace' });
    for (const type of ['ready', 'more', 'exportCsv', 'collapse']) assert.deepEqual(readMessage({ type }), { type });
  });

  it('drops extra fields', () => {
    assert.deepEqual(readMessage({ type: 'more', command: 'workbench.action.terminal.new' }), { type: 'more' });
  });

  it('refuses malformed messages', () => {
    for (const m of [
      null,
      'reveal',
      42,
      {},
      { type: 'run' },
      { type: 'reveal', uri: 'file:///a.md' },
      { type: 'reveal', uri: 'file:///a.md', line: -1 },
      { type: 'reveal', uri: 'file:///a.md', line: 1.5 },
      { type: 'reveal', uri: 7, line: 1 },
      { type: 'scrolled', uri: 'file:///a.md', line: '3' },
      { type: 'openMim' },
      { type: 'expand', id: ['MIM2'] },
      { type: 'scope', scope: 'everything' },
      { type: 'filter' },
    ])
      assert.equal(readMessage(m), undefined, JSON.stringify(m));
  });

  it('keeps a malformed optional field out of openMim', () => {
    assert.deepEqual(readMessage({ type: 'openMim', mim: 'MIM2', uri: 3, line: -2 }), { type: 'openMim', mim: 'MIM2' });
  });
});
