import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixture } from '../support/paths.js';
import { TestClient } from '../support/lsp-client.js';

const WS = fixture('lsp', 'workspace');
const WARNING = 2;

/** Resolves once the server has asked for the settings `count` times and has handled what came back. */
async function settingsRead(client: TestClient, count: number): Promise<void> {
  for (let i = 0; client.configurationRequests < count; i++) {
    if (i > 500)
      throw new Error(`the server asked for the settings ${client.configurationRequests} times, not ${count}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  // A request answered after the settings were read: whatever the server said of them came before.
  await client.request('workspace/symbol', { query: 'R1' });
}

describe('settings the server cannot use', () => {
  it('are named once, in a warning and in the log, with the values they take', async () => {
    const client = new TestClient();
    client.settings = { rules: { x: 'loud', 'id/sequence': 'off' }, numbering: 'oasc-1999', conventions: 'klingon' };
    try {
      await client.initialize(WS);
      await settingsRead(client, 1);
      const shown = client.shown.map((m) => m.message).sort();
      assert.deepEqual(shown, [
        "mimspec: mimspec.conventions: 'klingon' is not one of bcp14, iso, itu; it is ignored",
        "mimspec: mimspec.numbering: 'oasc-1999' is not one of oasc-2022, oasc-2025; it is ignored",
        "mimspec: mimspec.rules: 'x' is not a mimspec rule code (docs/rules/README.md lists them), and x is set to 'loud', not one of error, warning, info, off; it is ignored",
      ]);
      assert.ok(client.shown.every((m) => m.type === WARNING));
      for (const message of shown)
        assert.ok(
          client.logged.some((l) => l.message === message && l.type === WARNING),
          `logged: ${message}`,
        );

      // Another setting changes; the bad ones are the same and are not said again.
      await client.changeSettings({ ...(client.settings as object), exclude: ['drafts/'] });
      await settingsRead(client, 2);
      assert.equal(client.shown.length, 3);

      // A new bad value is said, once.
      await client.changeSettings({ ...(client.settings as object), numbering: 'oasc-2000' });
      await settingsRead(client, 3);
      assert.deepEqual(
        client.shown.slice(3).map((m) => m.message),
        ["mimspec: mimspec.numbering: 'oasc-2000' is not one of oasc-2022, oasc-2025; it is ignored"],
      );
    } finally {
      await client.shutdown();
    }
  });

  it('are quiet when every value is one the server takes', async () => {
    const client = new TestClient();
    client.settings = {
      rules: { 'id/sequence': 'off' },
      numbering: 'oasc-2022',
      conventions: 'iso',
      exclude: ['drafts/'],
    };
    try {
      await client.initialize(WS);
      await settingsRead(client, 1);
      assert.deepEqual(client.shown, []);
    } finally {
      await client.shutdown();
    }
  });
});
