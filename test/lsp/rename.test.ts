import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type {
  AnnotatedTextEdit,
  ClientCapabilities,
  TextDocumentEdit,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fixture } from '../support/paths.js';
import { TestClient, uri } from '../support/lsp-client.js';

const WS = fixture('lsp', 'workspace');
const CAPS = join(WS, 'docs', 'capabilities-and-requirements.md');
const MECH = join(WS, 'docs', 'mechanisms.md');
const TWIN = join(WS, 'twin.mim.yaml');
const FILES = [CAPS, MECH, TWIN];

/** The rename of C1 (its heading, line 11) to C4. */
const RENAME = { textDocument: { uri: uri(CAPS) }, position: { line: 10, character: 4 }, newName: 'C4' };

/** What the client declares of workspace edits, beside what TestClient declares anyway. */
function declaring(workspaceEdit: NonNullable<ClientCapabilities['workspace']>['workspaceEdit']): ClientCapabilities {
  return { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceEdit } };
}

const name = (u: string) => u.split('/').slice(-2).join('/');
const show = (u: string, e: TextEdit | AnnotatedTextEdit) =>
  `${name(u)}:${e.range.start.line + 1}:${e.range.start.character + 1} ${e.newText}${'annotationId' in e ? ` [${e.annotationId}]` : ''}`;

/** A document's edits; the server sends no snippet edits. */
const editsOf = (d: TextDocumentEdit) => d.edits as (TextEdit | AnnotatedTextEdit)[];

/** The texts of the files once every edit is applied. */
function applied(edits: [string, TextEdit[]][]): Map<string, string> {
  const out = new Map<string, string>();
  for (const [u, list] of edits) {
    const path = FILES.find((p) => uri(p) === u)!;
    out.set(path, TextDocument.applyEdits(TextDocument.create(u, 'text', 1, readFileSync(path, 'utf8')), list));
  }
  return out;
}

describe('rename of a capability over stdio', () => {
  const clients = {
    annotations: new TestClient(),
    documentChanges: new TestClient(),
    plain: new TestClient(),
  };
  before(async () => {
    await Promise.all([
      clients.annotations.initialize(
        WS,
        declaring({ documentChanges: true, changeAnnotationSupport: { groupsOnLabel: true } }),
      ),
      clients.documentChanges.initialize(WS, declaring({ documentChanges: true })),
      clients.plain.initialize(WS),
    ]);
  });
  after(async () => {
    for (const c of Object.values(clients)) assert.equal(await c.shutdown(), 0);
  });

  it('prepares on the capability id with its range and placeholder', async () => {
    const prep = await clients.annotations.request<{ range: unknown; placeholder: string }>(
      'textDocument/prepareRename',
      RENAME,
    );
    assert.deepEqual(prep, {
      range: { start: { line: 10, character: 3 }, end: { line: 10, character: 5 } },
      placeholder: 'C1',
    });
  });

  it('gives the renumbering as annotated edits that need confirmation to a client that takes annotations', async () => {
    const edit = await clients.annotations.request<WorkspaceEdit>('textDocument/rename', RENAME);
    assert.equal(edit.changes, undefined);
    const docs = edit.documentChanges as TextDocumentEdit[];
    assert.deepEqual(
      docs.flatMap((d) => editsOf(d).map((e) => show(d.textDocument.uri, e))),
      [
        'docs/capabilities-and-requirements.md:11:4 C4',
        'docs/capabilities-and-requirements.md:15:5 R4.1 [mimspec.renumbering]',
        'docs/capabilities-and-requirements.md:16:5 R4.2 [mimspec.renumbering]',
        'docs/mechanisms.md:11:3 R4.1 [mimspec.renumbering]',
        'docs/mechanisms.md:12:3 R4.2 [mimspec.renumbering]',
        'workspace/twin.mim.yaml:14:24 R4.1 [mimspec.renumbering]',
      ],
    );
    assert.ok(docs.every((d) => d.textDocument.version === null));
    assert.deepEqual(edit.changeAnnotations, {
      'mimspec.renumbering': {
        label: 'Renumber the requirements of C1 as R4.x',
        description: 'R1.1 → R4.1, R1.2 → R4.2',
        needsConfirmation: true,
      },
    });
    const texts = applied(docs.map((d) => [d.textDocument.uri, editsOf(d)]));
    assert.match(
      texts.get(CAPS)!,
      /## C4 Kerb use can be queried[\s\S]*\* \*\*R4\.1\*\* Systems SHALL[\s\S]*\* \*\*R4\.2\*\* Systems SHOULD/,
    );
    assert.match(texts.get(MECH)!, /\| R4\.1 \|[^\n]*\n\| R4\.2 \|[^\n]*\n\| R2\.1 \|/);
    assert.match(texts.get(TWIN)!, /seeAlso: \[MIM7\.R4\.1\]/);
  });

  for (const kind of ['documentChanges', 'plain'] as const) {
    it(`gives the same edits unannotated to a client without annotation support (${kind === 'plain' ? 'nor document changes' : 'with document changes'})`, async () => {
      const edit = await clients[kind].request<WorkspaceEdit>('textDocument/rename', RENAME);
      assert.equal(edit.documentChanges, undefined);
      assert.equal(edit.changeAnnotations, undefined);
      const changes = Object.entries(edit.changes!);
      assert.deepEqual(
        changes.flatMap(([u, list]) => list.map((e) => show(u, e))),
        [
          'docs/capabilities-and-requirements.md:11:4 C4',
          'docs/capabilities-and-requirements.md:15:5 R4.1',
          'docs/capabilities-and-requirements.md:16:5 R4.2',
          'docs/mechanisms.md:11:3 R4.1',
          'docs/mechanisms.md:12:3 R4.2',
          'workspace/twin.mim.yaml:14:24 R4.1',
        ],
      );
      assert.match(applied(changes).get(TWIN)!, /seeAlso: \[MIM7\.R4\.1\]/);
    });
  }
});
