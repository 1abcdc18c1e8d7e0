import type { Connection } from 'vscode-languageserver';
import { filterRows } from '../query/trace-filter.js';
import { mimsInScope, type MatrixScope } from '../query/trace-scope.js';
import { traceabilityMatrix, type TraceMatrix, type TraceRow } from '../query/traceability.js';
import type { SymbolIndex } from '../query/symbol-index.js';
import { matrixCsv } from '../render/matrix-csv.js';
import { matrixRowsHtml, matrixSummaryHtml } from '../render/matrix-html.js';
import {
  Requests,
  type MatrixCsvParams,
  type MatrixCsvResult,
  type MatrixParams,
  type MatrixResult,
} from '../protocol/views.js';
import type { FeatureHost } from './features.js';

const DEFAULT_LIMIT = 200;
const MAX_LIMIT = 5000;

/** One scope's matrix, with what views ask of it again and again: its summary, its CSV, the last filter's rows. */
interface Cached {
  matrix: TraceMatrix;
  summaryHtml?: string;
  csv?: string;
  filtered?: { filter: string; rows: readonly TraceRow[] };
}

type Host = Pick<FeatureHost, 'workspace' | 'ready' | 'pathOf' | 'uriOf'>;

/**
 * `mimspec/matrix` (a page of rows as HTML, with the summary) and `mimspec/matrixCsv`. The
 * matrix of a scope is computed once per state of the workspace: it is kept with the index it
 * was read from, so paging and filtering are cheap. Its rows are the index's (`ownTrace`), which
 * the trace rules of the last check made already; after a change, only the changed MIMs' are new.
 */
export function registerMatrix(connection: Connection, host: Host): void {
  const cache = new WeakMap<SymbolIndex, Map<string, Cached>>();

  function matrixFor(params: { uri?: string; scope?: unknown }): Cached {
    const index = host.workspace().index;
    const scope: MatrixScope = params.scope === 'mim' ? 'mim' : 'workspace';
    const path = typeof params.uri === 'string' ? host.pathOf(params.uri) : undefined;
    const mims = mimsInScope(index, scope, path);
    const key = scope === 'workspace' ? '*' : mims.map((m) => m.root).join('\n');
    let byScope = cache.get(index);
    if (!byScope) cache.set(index, (byScope = new Map()));
    let hit = byScope.get(key);
    if (!hit) byScope.set(key, (hit = { matrix: traceabilityMatrix(index, mims) }));
    return hit;
  }

  connection.onRequest(Requests.matrix, async (params: MatrixParams): Promise<MatrixResult> => {
    await host.ready();
    const cached = matrixFor(params ?? {});
    const { matrix } = cached;
    const filter = typeof params?.filter === 'string' ? params.filter.trim() : '';
    if (cached.filtered?.filter !== filter) cached.filtered = { filter, rows: filterRows(matrix.rows, filter) };
    const rows = cached.filtered.rows;
    const offset = clamp(params?.offset, 0, rows.length, 0);
    const limit = clamp(params?.limit, 0, MAX_LIMIT, DEFAULT_LIMIT);
    const page = rows.slice(offset, offset + limit);
    const html = matrixRowsHtml(page, host.uriOf);
    const counts = { total: rows.length, offset, count: page.length };
    // The summary and coverage are the larger part of the answer, and the same for every page.
    if (params?.summary === false) return { html, ...counts };
    cached.summaryHtml ??= matrixSummaryHtml(matrix.coverage, matrix.unknown, host.uriOf);
    return { html, summaryHtml: cached.summaryHtml, ...counts, coverage: matrix.coverage };
  });

  connection.onRequest(Requests.matrixCsv, async (params: MatrixCsvParams): Promise<MatrixCsvResult> => {
    await host.ready();
    const cached = matrixFor(params ?? {});
    cached.csv ??= matrixCsv(cached.matrix.rows);
    return { csv: cached.csv };
  });
}

/** A whole number within [min, max], or the fallback for anything else. */
function clamp(value: unknown, min: number, max: number, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return Math.min(fallback, max);
  return Math.max(min, Math.min(max, Math.floor(value)));
}
