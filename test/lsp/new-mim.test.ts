import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixture } from '../support/paths.js';
import { TestClient, uri } from '../support/lsp-client.js';

const WS = fixture('lsp', 'workspace');

describe('mimspec/newMimOptions and mimspec/newMim', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize(WS);
  });
  after(() => client.shutdown());

  it('offers the three templates and the lowest MIM number free in the registry and the workspace', async () => {
    const options = await client.request<{ templates: { name: string }[]; id: string }>('mimspec/newMimOptions', {
      folder: uri(WS),
    });
    assert.deepEqual(
      options.templates.map((t) => t.name),
      ['yaml', 'gitbook', 'itu'],
    );
    // oasc-2025 registers MIM0 to MIM8; the workspace holds no other.
    assert.equal(options.id, 'MIM9');
  });

  it('answers the files of the new MIM, the one to open first', async () => {
    const answer = await client.request<{ files: { path: string; text: string }[] }>('mimspec/newMim', {
      template: 'gitbook',
      id: 'MIM 21',
      title: 'Noise',
    });
    assert.equal(answer.files[0].path, 'docs/README.md');
    assert.match(answer.files[0].text, /^# Noise \(MIM21\)$/m);
  });

  it('refuses a request it cannot serve with invalid params, naming what is wrong', async () => {
    for (const [params, message] of [
      [{ template: 'pdf', id: 'MIM21', title: 'x' }, /template must be one of yaml, gitbook, itu/],
      [{ template: 'yaml', id: 'M21', title: 'x' }, /id must be a MIM number/],
      [{ template: 'yaml', id: 'MIM21', title: ' ' }, /title must not be empty/],
    ] as const) {
      await assert.rejects(client.request('mimspec/newMim', params), (e: { code: number; message: string }) => {
        assert.equal(e.code, -32602);
        assert.match(e.message, message);
        return true;
      });
    }
  });
});
