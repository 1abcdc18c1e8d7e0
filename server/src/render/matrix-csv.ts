import { isSatisfied, isTested, type TraceRow } from '../query/traceability.js';

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
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The matrix as CSV: a header line, then one line per requirement, lines ended by CRLF
 * (RFC 4180). Mechanisms and tests are their ids joined by `; `; `satisfied` and `tested` are
 * `yes` or `no`; `file` is as `pathOf` gives it, `line` 1-based, as editors and people count.
 */
export function matrixCsv(rows: readonly TraceRow[], pathOf: (file: string) => string = (f) => f): string {
  const paths = new Map<string, string>();
  const path = (file: string) => {
    let p = paths.get(file);
    if (p === undefined) paths.set(file, (p = csvField(pathOf(file))));
    return p;
  };
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push(
      [
        csvField(r.mim),
        csvField(r.id),
        csvField(r.capability ?? ''),
        r.level,
        csvField(r.mechanisms.map((m) => m.id).join('; ')),
        csvField(r.tests.map((t) => t.id).join('; ')),
        isSatisfied(r) ? 'yes' : 'no',
        isTested(r) ? 'yes' : 'no',
        path(r.file),
        String(r.line + 1),
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
