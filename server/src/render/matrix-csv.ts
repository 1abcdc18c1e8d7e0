import { isSatisfied, isTested, type TraceItem, type TraceRow } from '../query/traceability.js';

/** The columns of the CSV, in order. */
export const CSV_COLUMNS = [
  'mim',
  'requirement',
  'capability',
  'level',
  'mechanisms',
  'tests',
  'satisfied',
  'tested',
  'file',
  'line',
] as const;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes
 * doubled. A field a spreadsheet would take for a formula (starting with `=`, `+`, `-`, `@`,
 * a tab or a carriage return) gets a leading `'`, so that opening the file runs nothing.
 */
export function csvField(value: string): string {
  // Most fields are plain: one test lets them through as they are.
  if (!NEEDS_CARE.test(value)) return value;
  const safe = FORMULA.test(value) ? `'${value}` : value;
  return QUOTED.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const FORMULA = /^[=+\-@\t\r]/;
const QUOTED = /[",\r\n]/;
const NEEDS_CARE = /^[=+\-@\t\r]|[",\r\n]/;

function ids(items: readonly TraceItem[]): string {
  if (items.length === 1) return items[0].id;
  let out = '';
  for (let i = 0; i < items.length; i++) out += i === 0 ? items[i].id : `; ${items[i].id}`;
  return out;
}

/**
 * The matrix as CSV: a header line, then one line per requirement, lines ended by CRLF
 * (RFC 4180). Mechanisms and tests are their ids joined by `; `; `satisfied` and `tested` are
 * `yes` or `no`; `file` is as `pathOf` gives it, `line` 1-based, as editors and people count.
 */
export function matrixCsv(rows: readonly TraceRow[], pathOf: (file: string) => string = (f) => f): string {
  let out = '';
  for (const chunk of matrixCsvChunks(rows, pathOf)) out += chunk;
  return out;
}

/** About this many characters a chunk: enough to write in one go, small enough to be let go at once. */
const CHUNK = 1 << 16;

/**
 * The same CSV in chunks of whole lines, for a writer that sends each on as it comes: a
 * matrix of 40,000 rows is 4 MB of text, which as one string lives until the last line.
 */
export function* matrixCsvChunks(
  rows: readonly TraceRow[],
  pathOf: (file: string) => string = (f) => f,
): Generator<string, void, undefined> {
  const paths = new Map<string, string>();
  const path = (file: string) => {
    let p = paths.get(file);
    if (p === undefined) paths.set(file, (p = csvField(pathOf(file))));
    return p;
  };
  let out = `${CSV_COLUMNS.join(',')}\r\n`;
  for (const r of rows) {
    out +=
      `${csvField(r.mim)},${csvField(r.id)},${csvField(r.capability ?? '')},${r.level},` +
      `${csvField(ids(r.mechanisms))},${csvField(ids(r.tests))},` +
      `${isSatisfied(r) ? 'yes' : 'no'},${isTested(r) ? 'yes' : 'no'},${path(r.file)},${r.line + 1}\r\n`;
    if (out.length >= CHUNK) {
      yield out;
      out = '';
    }
  }
  if (out) yield out;
}
