import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Workspace } from '../workspace/workspace.js';

export interface FeatureHost {
  workspace(): Workspace;
  /** Resolves once the first scan of the workspace is done. */
  ready(): Promise<void>;
  documents: TextDocuments<TextDocument>;
  pathOf(uri: string): string | undefined;
  uriOf(path: string): string;
}

/** Wires the engine's features to protocol requests. */
export function registerFeatures(connection: Connection, host: FeatureHost): void {
  void connection;
  void host;
}
