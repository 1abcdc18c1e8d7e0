import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { InsertTextFormat, type ClientCapabilities, type CompletionItem } from 'vscode-languageserver-protocol';
import { fixture } from '../support/paths.js';
import { TestClient, uri } from '../support/lsp-client.js';

const WS = fixture('lsp', 'workspace');
const MECH = join(WS, 'docs', 'mechanisms.md');
const TWIN = join(WS, 'twin.mim.yaml');

/** A client that opens a mapping table with a new line below it, and a *.mim.yaml with a new test item begun. */
async function start(capabilities: ClientCapabilities): Promise<TestClient> {
  const client = new TestClient();
  await client.initialize(WS, {
    textDocument: { publishDiagnostics: { relatedInformation: true }, ...capabilities.textDocument },
  });
  await client.open(MECH, `${readFileSync(MECH, 'utf8').trimEnd()}\n\n`);
  await client.open(TWIN, `${readFileSync(TWIN, 'utf8').trimEnd()}\n  - \n`);
  // Completion answers during the scan from what is read so far; these tests check the full answers.
  await client.indexed();
  return client;
}

async function completions(client: TestClient): Promise<{ markdown: CompletionItem[]; yaml: CompletionItem[] }> {
  const lastLine = (path: string) => readFileSync(path, 'utf8').trimEnd().split('\n').length;
  const markdown = await client.request<CompletionItem[]>('textDocument/completion', {
    textDocument: { uri: uri(MECH) },
    position: { line: lastLine(MECH), character: 0 },
  });
  const yaml = await client.request<CompletionItem[]>('textDocument/completion', {
    textDocument: { uri: uri(TWIN) },
    position: { line: lastLine(TWIN), character: 4 },
  });
  return { markdown, yaml };
}

const text = (i: CompletionItem) => (i.textEdit && 'newText' in i.textEdit ? i.textEdit.newText : (i.insertText ?? ''));
const find = (items: CompletionItem[], label: string) => {
  const found = items.find((i) => i.label === label);
  assert.ok(found, `${label} in ${items.map((i) => i.label).join(', ')}`);
  return found;
};

describe("completion and the client's snippet support", () => {
  let plain: TestClient;
  let snippets: TestClient;
  before(async () => {
    plain = await start({});
    snippets = await start({ textDocument: { completion: { completionItem: { snippetSupport: true } } } });
  });
  after(async () => {
    await plain.shutdown();
    await snippets.shutdown();
  });

  // The mechanism's cursor follows a table row: the new block is parted from it by a blank line.
  it('sends a client without snippet support the plain text of each snippet', async () => {
    const { markdown, yaml } = await completions(plain);
    for (const i of [...markdown, ...yaml]) {
      assert.ok(!text(i).includes('${'), `${i.label}: ${text(i)}`);
      assert.notEqual(i.insertTextFormat, InsertTextFormat.Snippet, i.label);
    }
    assert.equal(
      text(find(markdown, 'mapping row R1.1')),
      '| R1.1 | Systems SHALL expose kerb segments with their permitted uses. | How the mechanism meets it |',
    );
    assert.match(
      text(find(markdown, 'mechanism M2')),
      /^\n## Mechanism 2: Name\n\nWhat the mechanism is\n\n\| Req\. ID /,
    );
    assert.equal(text(find(yaml, 'test T2')), 'id: T2\n    title: Title\n    covers: [R1.1]\n    method: automated');
  });

  it('sends a client with snippet support the snippets', async () => {
    const { markdown, yaml } = await completions(snippets);
    const row = find(markdown, 'mapping row R1.1');
    assert.equal(row.insertTextFormat, InsertTextFormat.Snippet);
    assert.match(text(row), /\$\{1:How the mechanism meets it\}/);
    const test = find(yaml, 'test T2');
    assert.equal(test.insertTextFormat, InsertTextFormat.Snippet);
    assert.match(text(test), /\$\{3\|automated,manual,self-assessment\|\}/);
    assert.equal(find(yaml, 'id').insertTextFormat, InsertTextFormat.PlainText);
  });
});
