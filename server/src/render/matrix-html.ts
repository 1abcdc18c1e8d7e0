import type { Coverage, CoverageCount } from '../query/trace-coverage.js';
import {
  isSatisfied,
  isTested,
  type SourceLine,
  type TraceItem,
  type TraceRow,
  type UnknownRef,
} from '../query/traceability.js';

/** The file URI of an engine path, as the front speaks it (the view's click-to-source sends it back). */
export type UriOf = (file: string) => string;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content and attribute values alike. */
export function escapeHtml(text: string): string {
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]) : text;
}

const SPECIAL = /[&<>"']/;

/** A view's column headings, in the order of the cells of `matrixRowsHtml`. */
export const MATRIX_COLUMNS = ['Requirement', 'MIM', 'Capability', 'Level', 'Mechanisms', 'Tests'] as const;

/** The `data-uri` attribute of a file, made once per file: a page of rows names few files many times. */
function memo(uriOf: UriOf): UriOf {
  const seen = new Map<string, string>();
  return (file) => {
    let u = seen.get(file);
    if (u === undefined) seen.set(file, (u = ` data-uri="${escapeHtml(uriOf(file))}"`));
    return u;
  };
}

const at = (uri: UriOf, s: SourceLine) => `${uri(s.file)} data-line="${s.line}"`;

/**
 * Table rows (`<tr>`, no table around them) for some rows of the matrix. Every cell carries the
 * `data-uri`/`data-line` of what it shows (the requirement, its capability, each mechanism's
 * mapping row and each test's `covers` entry); a requirement nothing satisfies or tests bears
 * the class `unsatisfied` / `untested` and says so in its cell.
 */
export function matrixRowsHtml(rows: readonly TraceRow[], uriOf: UriOf): string {
  const uri = memo(uriOf);
  const out: string[] = [];
  for (const r of rows) {
    const req = at(uri, r);
    const classes = ['trace-row', ...(isSatisfied(r) ? [] : ['unsatisfied']), ...(isTested(r) ? [] : ['untested'])];
    out.push(
      `<tr class="${classes.join(' ')}" data-id="${escapeHtml(`${r.mim}.${r.id}`)}"${req}>` +
        `<td class="req"${req} title="${escapeHtml(r.text)}">${escapeHtml(r.id)}</td>` +
        `<td class="mim"${req}>${escapeHtml(r.mim)}</td>` +
        `<td class="capability"${at(uri, r.capabilitySource ?? r)}>${escapeHtml(r.capability ?? '')}</td>` +
        `<td class="level level-${escapeHtml(r.level)}"${req}>${escapeHtml(r.level)}</td>` +
        `<td class="mechanisms"${req}>${items(uri, r.mechanisms, 'unsatisfied', 'no mechanism')}</td>` +
        `<td class="tests"${req}>${items(uri, r.tests, 'untested', 'no test')}</td>` +
        '</tr>',
    );
  }
  return out.join('\n');
}

function items(uri: UriOf, list: readonly TraceItem[], mark: string, none: string): string {
  if (list.length === 0) return `<span class="mark ${mark}">${none}</span>`;
  return list.map((i) => `<a class="trace-item" href="#"${at(uri, i)}>${escapeHtml(i.id)}</a>`).join(', ');
}

const pct = (p: number | null) => (p === null ? '–' : `${p}%`);

function counts(c: CoverageCount): string {
  return (
    `<td class="num">${c.requirements}</td>` +
    `<td class="num">${c.satisfied} (${pct(c.satisfiedPercent)})</td>` +
    `<td class="num">${c.tested} (${pct(c.testedPercent)})</td>`
  );
}

const COUNT_HEADS = '<th>Requirements</th><th>Satisfied</th><th>Tested</th>';

/**
 * The header of the matrix view: coverage in all, per MIM and per capability, and the trace
 * references that name no requirement, each with its source.
 */
export function matrixSummaryHtml(coverage: Coverage, unknown: readonly UnknownRef[], uriOf: UriOf): string {
  const uri = memo(uriOf);
  const t = coverage.total;
  const parts = [
    `<section class="matrix-summary">`,
    `<p class="matrix-total">${t.requirements} requirements: ${t.satisfied} satisfied (${pct(t.satisfiedPercent)}), ` +
      `${t.tested} tested (${pct(t.testedPercent)}); ${unknown.length} unknown ${unknown.length === 1 ? 'id' : 'ids'} in mapping rows and tests</p>`,
    `<table class="coverage coverage-mims"><thead><tr><th>MIM</th><th>Title</th>${COUNT_HEADS}</tr></thead><tbody>`,
    ...coverage.mims.map(
      (m) =>
        `<tr data-mim="${escapeHtml(m.mim)}"><td>${escapeHtml(m.mim)}</td><td>${escapeHtml(m.title ?? '')}</td>${counts(m)}</tr>`,
    ),
    '</tbody></table>',
    `<table class="coverage coverage-capabilities"><thead><tr><th>MIM</th><th>Capability</th><th>Title</th>${COUNT_HEADS}</tr></thead><tbody>`,
    ...coverage.capabilities.map(
      (c) =>
        `<tr${c.source ? at(uri, c.source) : ''}><td>${escapeHtml(c.mim)}</td>` +
        `<td>${c.capability === null ? '<span class="mark">(none)</span>' : escapeHtml(c.capability)}</td>` +
        `<td>${escapeHtml(c.title ?? '')}</td>${counts(c)}</tr>`,
    ),
    '</tbody></table>',
  ];
  if (unknown.length > 0) {
    parts.push('<ul class="unknown-ids">');
    for (const u of unknown) {
      const where = `${u.mim}${u.from ? `.${u.from}` : ''}`;
      const what = u.why === 'not-an-id' ? 'is not a requirement id' : 'names no requirement that exists';
      parts.push(
        `<li class="unknown"${at(uri, u)}><code>${escapeHtml(u.text)}</code> (${escapeHtml(u.role)} in ${escapeHtml(where)}) ${what}</li>`,
      );
    }
    parts.push('</ul>');
  }
  parts.push('</section>');
  return parts.join('\n');
}
