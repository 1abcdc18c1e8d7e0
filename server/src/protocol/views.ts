/**
 * The custom requests of the views (README, "Views for other editors"): their names, params
 * and results. The one text of the contract between the language server, which answers them
 * (lsp/*-request.ts), and the VS Code client, which asks them (client/src/views/); any other
 * client may ask them too. Types and names only: no code of the engine.
 */

export const Requests = {
  preview: 'mimspec/preview',
  previewStyle: 'mimspec/previewStyle',
  export: 'mimspec/export',
  matrix: 'mimspec/matrix',
  matrixCsv: 'mimspec/matrixCsv',
  graph: 'mimspec/graph',
  newMimOptions: 'mimspec/newMimOptions',
  newMim: 'mimspec/newMim',
  /** { } → { pid }: the server's process, so that a client (and its tests) can tell it apart. */
  processId: 'mimspec/processId',
} as const;

export interface PreviewParams {
  /** Any file of the MIM, or a folder. */
  uri: string;
}
/** The answer to `mimspec/preview`; `null` when the file belongs to no MIM. */
export interface PreviewResult {
  mim: string | null;
  title: string;
  /** A fragment; block elements carry `data-uri` / `data-line` of their source. */
  html: string;
  /**
   * Names the HTML: the same HTML keeps its version, so a client redraws only when it changes.
   * Versions are unique to one server process: a server started again never repeats one.
   */
  version: string;
  /** True while a document of the MIM does not parse: `html` is the last render made without a syntax error, under a banner. */
  stale?: boolean;
}
export interface PreviewStyleResult {
  css: string;
}

export interface ExportParams {
  uri: string;
  to: 'html';
}
export interface ExportResult {
  mim: string;
  fileName: string;
  html: string;
}

export type MatrixScope = 'mim' | 'workspace';
export interface MatrixParams {
  uri?: string;
  scope: MatrixScope;
  offset?: number;
  limit?: number;
  filter?: string;
  /** false: leave out `summaryHtml` and `coverage` (a view asking for its next page has them). */
  summary?: boolean;
}
export interface MatrixResult {
  /** Table rows (`<tr>`) for rows [offset, offset + count) of the filtered matrix. */
  html: string;
  /** The header: coverage per MIM and per capability, unknown ids in mapping rows and tests; absent with `summary: false`. */
  summaryHtml?: string;
  /** Rows the filter keeps. */
  total: number;
  offset: number;
  count: number;
  /** As `mimspec matrix --format json` gives it (paths absolute); absent with `summary: false`. */
  coverage?: object;
}
export interface MatrixCsvParams {
  uri?: string;
  scope: MatrixScope;
}
export interface MatrixCsvResult {
  csv: string;
}

export interface GraphParams {
  uri?: string;
  /** A MIM number: that MIM and its neighbours. */
  focus?: string;
  /** MIM numbers drawn with their capabilities, requirements and mechanisms. */
  expand?: string[];
}
export interface GraphResult {
  svg: string;
  nodes: number;
  edges: number;
  /** What was left out to keep the drawing quick, and how to see it. */
  truncated?: string;
}

export interface NewMimOptionsParams {
  /** The folder the MIM is to be made in. */
  folder?: string;
}
export interface NewMimOptionsResult {
  templates: readonly { name: string; label: string; detail: string }[];
  /** The MIM number to propose. */
  id: string;
}
export interface NewMimParams {
  template: string;
  id: string;
  title: string;
}
export interface NewMimResult {
  /** By path relative to the folder; the first is the one to open. */
  files: { path: string; text: string }[];
}
