import {
  CodeActionKind,
  LSPErrorCodes,
  ResponseError,
  CompletionItemKind,
  FoldingRangeKind,
  InsertTextFormat,
  MarkupKind,
  SymbolKind as LspSymbolKind,
  type CancellationToken,
  type CodeAction as LspCodeAction,
  type ClientCapabilities,
  type CompletionItem as LspCompletionItem,
  type Connection,
  type DocumentSymbol,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions, fixAll } from '../features/code-actions.js';
import { codeLenses } from '../features/code-lens.js';
import { asPlainText, complete, type CompletionKind } from '../features/completion.js';
import { definition } from '../features/definition.js';
import { documentLinks } from '../features/document-links.js';
import { foldingRanges } from '../features/folding.js';
import { hover } from '../features/hover.js';
import { references } from '../features/references.js';
import { prepareRename, rename, renameFileEdits } from '../features/rename.js';
import { semanticTokens, TOKEN_MODIFIERS, TOKEN_TYPES } from '../features/semantic-tokens.js';
import { documentSymbols, workspaceSymbols, type SymbolKind, type SymbolNode } from '../features/symbols.js';
import type { Workspace } from '../workspace/workspace.js';
import { toLocation, toRenameEdit, toWorkspaceEdit } from './convert.js';
import { rangeBetween } from '../model/range.js';

export interface FeatureHost {
  workspace(): Workspace;
  /** Resolves once the first scan of the workspace is done. */
  ready(): Promise<void>;
  documents: TextDocuments<TextDocument>;
  pathOf(uri: string): string | undefined;
  uriOf(path: string): string;
  /** What the client declared at initialize. */
  clientCapabilities(): ClientCapabilities;
  /** Whether the client expands snippets (`completionItem.snippetSupport`); others get the snippets' plain text. */
  snippets(): boolean;
}

const COMPLETION_KIND: Record<CompletionKind, CompletionItemKind> = {
  id: CompletionItemKind.Reference,
  mim: CompletionItemKind.Module,
  citation: CompletionItemKind.Reference,
  keyword: CompletionItemKind.Keyword,
  snippet: CompletionItemKind.Snippet,
  key: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
};

const SYMBOL_KIND: Record<SymbolKind, LspSymbolKind> = {
  mim: LspSymbolKind.Module,
  part: LspSymbolKind.Namespace,
  capability: LspSymbolKind.Class,
  requirement: LspSymbolKind.Field,
  mechanism: LspSymbolKind.Interface,
  guidance: LspSymbolKind.Event,
  test: LspSymbolKind.Method,
  section: LspSymbolKind.String,
};

function toDocumentSymbol(n: SymbolNode): DocumentSymbol {
  return {
    name: n.name,
    detail: n.detail,
    kind: SYMBOL_KIND[n.kind],
    range: n.range,
    selectionRange: n.selectionRange,
    children: n.children.map(toDocumentSymbol),
  };
}

/** A cancelled request is answered with the protocol's RequestCancelled error. */
function throwIfCancelled(token: CancellationToken): void {
  if (token.isCancellationRequested)
    throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled');
}

/**
 * Wires the engine's features to protocol requests. Each handler waits for the first scan
 * (hover, definition, completion and document symbols answer at once, from what is indexed so far),
 * turns the URI into an engine path, asks the feature, converts the answer; a failure in a
 * feature answers "nothing here" and is logged, so one bad document never stops the server.
 * A request cancelled before or during its work is answered RequestCancelled.
 */
export function registerFeatures(connection: Connection, host: FeatureHost): void {
  const on = <P extends { textDocument: { uri: string } }, R>(
    name: string,
    answer: (ws: Workspace, file: string, params: P, token: CancellationToken) => R,
    empty: R,
    /** Answered from what is indexed so far, without waiting for the first scan: what a user asks of the file they just opened. */
    early = false,
  ) => {
    return async (params: P, token: CancellationToken): Promise<R> => {
      if (!early) await host.ready();
      const file = host.pathOf(params.textDocument.uri);
      if (!file) return empty;
      throwIfCancelled(token);
      let result: R;
      try {
        result = answer(host.workspace(), file, params, token);
      } catch (e) {
        connection.console.error(
          `mimspec: ${name} failed on ${file}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
        );
        return empty;
      }
      // Work the client cancelled may have stopped half-way: what it found is not the answer.
      throwIfCancelled(token);
      return result;
    };
  };

  connection.onHover(
    on(
      'hover',
      (ws, file, p) => {
        const h = hover(ws, file, p.position);
        return h ? { range: h.range, contents: { kind: MarkupKind.Markdown, value: h.markdown } } : null;
      },
      null,
      true,
    ),
  );

  connection.onCompletion(
    on(
      'completion',
      (ws, file, p) =>
        complete(ws, file, p.position)
          .map((c) => (host.snippets() ? c : asPlainText(c)))
          .map((c, i): LspCompletionItem => ({
            label: c.label,
            kind: COMPLETION_KIND[c.kind],
            detail: c.detail,
            documentation: c.documentation ? { kind: MarkupKind.Markdown, value: c.documentation } : undefined,
            textEdit: { range: c.range, newText: c.insertText },
            insertTextFormat: c.isSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
            filterText: c.filterText,
            sortText: String(i).padStart(5, '0'),
          })),
      [] as LspCompletionItem[],
      true,
    ),
  );

  connection.onDefinition(
    on('definition', (ws, file, p) => definition(ws, file, p.position).map(toLocation), [], true),
  );

  connection.onReferences(
    on(
      'references',
      (ws, file, p, token) =>
        references(ws, file, p.position, p.context.includeDeclaration, () => token.isCancellationRequested).map(
          toLocation,
        ),
      [],
    ),
  );

  connection.onPrepareRename(on('prepareRename', (ws, file, p) => prepareRename(ws, file, p.position) ?? null, null));

  connection.onRenameRequest(async (params, token) => {
    await host.ready();
    const file = host.pathOf(params.textDocument.uri);
    if (!file) return null;
    const result = rename(host.workspace(), file, params.position, params.newName, () => token.isCancellationRequested);
    throwIfCancelled(token);
    // A refused rename is an error the editor shows, never a partial edit: RequestFailed, with the reason.
    if ('error' in result) throw new ResponseError(LSPErrorCodes.RequestFailed, result.error);
    return toRenameEdit(result, host.clientCapabilities());
  });

  connection.workspace.onWillRenameFiles(async (params) => {
    await host.ready();
    const edits = params.files.flatMap((f) => {
      const from = host.pathOf(f.oldUri);
      const to = host.pathOf(f.newUri);
      return from && to ? renameFileEdits(host.workspace(), from, to) : [];
    });
    return edits.length > 0 ? toWorkspaceEdit(edits) : null;
  });

  connection.onDocumentSymbol(
    on('documentSymbol', (ws, file) => documentSymbols(ws, file).map(toDocumentSymbol), [] as DocumentSymbol[], true),
  );

  connection.onWorkspaceSymbol(async (params, token) => {
    await host.ready();
    const symbols = workspaceSymbols(host.workspace(), params.query, () => token.isCancellationRequested);
    throwIfCancelled(token);
    return symbols.map((s) => ({
      name: s.name,
      kind: SYMBOL_KIND[s.kind],
      location: toLocation(s.location),
      containerName: s.container,
    }));
  });

  connection.onDocumentLinks(
    on(
      'documentLinks',
      (ws, file) =>
        documentLinks(ws, file).map((l) => ({
          range: l.range,
          target:
            'url' in l.target
              ? l.target.url
              : `${host.uriOf(l.target.file)}${l.target.line !== undefined ? `#L${l.target.line + 1}` : ''}`,
          tooltip: l.tooltip,
        })),
      [],
    ),
  );

  connection.onCodeLens(
    on(
      'codeLens',
      (ws, file) =>
        codeLenses(ws, file).map((l) => ({
          range: l.range,
          // A lens with no command is a label; clients that want the places find them in `data`.
          command: { title: l.title, command: '' },
          data: { requirement: l.requirement, locations: l.locations.map(toLocation) },
        })),
      [],
    ),
  );

  connection.onCodeAction(
    on(
      'codeAction',
      (ws, file, p) => {
        const wanted = p.context.only;
        const actions: LspCodeAction[] = [];
        if (!wanted || wanted.some((k) => k.startsWith(CodeActionKind.QuickFix))) {
          for (const a of codeActions(ws, file, rangeBetween(p.range.start, p.range.end))) {
            actions.push({
              title: a.title,
              kind: CodeActionKind.QuickFix,
              isPreferred: a.preferred,
              diagnostics: p.context.diagnostics.filter((d) => d.code === a.diagnosticCode),
              edit: toWorkspaceEdit(a.edits),
            });
          }
        }
        if (!wanted || wanted.some((k) => k.startsWith(CodeActionKind.SourceFixAll) || k === CodeActionKind.Source)) {
          const all = fixAll(ws, file);
          if (all)
            actions.push({ title: all.title, kind: CodeActionKind.SourceFixAll, edit: toWorkspaceEdit(all.edits) });
        }
        return actions;
      },
      [] as LspCodeAction[],
    ),
  );

  connection.onFoldingRanges(
    on(
      'folding',
      (ws, file) =>
        foldingRanges(ws, file).map((f) => ({
          startLine: f.startLine,
          endLine: f.endLine,
          kind:
            f.kind === 'code'
              ? FoldingRangeKind.Region
              : f.kind === 'section' || f.kind === 'part'
                ? FoldingRangeKind.Region
                : undefined,
        })),
      [],
    ),
  );

  connection.languages.semanticTokens.on(
    on(
      'semanticTokens',
      (ws, file) => {
        // Relative encoding of LSP 3.17: each token's line and start are deltas from the previous one.
        const data: number[] = [];
        let line = 0;
        let char = 0;
        for (const t of semanticTokens(ws, file)) {
          const dl = t.line - line;
          data.push(
            dl,
            dl === 0 ? t.character - char : t.character,
            t.length,
            TOKEN_TYPES.indexOf(t.type),
            t.modifiers.reduce((m, x) => m | (1 << TOKEN_MODIFIERS.indexOf(x)), 0),
          );
          line = t.line;
          char = t.character;
        }
        return { data };
      },
      { data: [] as number[] },
    ),
  );
}

export const SEMANTIC_LEGEND = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };
