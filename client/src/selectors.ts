import type { DocumentFilter } from 'vscode-languageclient/node';

/** The documents the server reads: Markdown pages, MIM YAML, resource descriptors, configs. */
export const DOCUMENT_SELECTOR: DocumentFilter[] = [
  { scheme: 'file', language: 'markdown' },
  { scheme: 'file', pattern: '**/*.mim.{yaml,yml}' },
  { scheme: 'file', pattern: '**/publiccode.yml' },
  { scheme: 'file', pattern: '**/{mimspec,.mimspec}.yaml' },
];

/** The same files on disk, for the file watcher (Markdown: every `*.md`). */
export const WATCHED_GLOB = '**/{*.md,*.mim.yaml,*.mim.yml,publiccode.yml,mimspec.yaml,.mimspec.yaml}';
