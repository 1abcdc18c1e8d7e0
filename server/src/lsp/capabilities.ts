import { CodeActionKind, TextDocumentSyncKind, type ServerCapabilities } from 'vscode-languageserver';
import { SEMANTIC_LEGEND } from './features.js';

const FILE_FILTERS = [{ scheme: 'file', pattern: { glob: '**/*.{md,markdown,mim.yaml,mim.yml}' } }];

/** What the server offers; pull diagnostics only to clients that support them. */
export function capabilities(pullDiagnostics: boolean): ServerCapabilities {
  const caps: ServerCapabilities = {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
    completionProvider: { triggerCharacters: ['[', '.', ' ', ',', ':', 'M', 'R', '|'], resolveProvider: false },
    hoverProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    renameProvider: { prepareProvider: true },
    documentSymbolProvider: true,
    workspaceSymbolProvider: true,
    documentLinkProvider: { resolveProvider: false },
    codeLensProvider: { resolveProvider: false },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] },
    foldingRangeProvider: true,
    semanticTokensProvider: { legend: SEMANTIC_LEGEND, full: true, range: false },
    workspace: {
      workspaceFolders: { supported: true, changeNotifications: false },
      fileOperations: { willRename: { filters: FILE_FILTERS } },
    },
  };
  if (pullDiagnostics)
    caps.diagnosticProvider = { identifier: 'mimspec', interFileDependencies: true, workspaceDiagnostics: true };
  return caps;
}
