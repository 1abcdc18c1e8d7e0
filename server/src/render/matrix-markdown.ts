import type { Coverage, CoverageCount } from '../query/trace-coverage.js';
import { isSatisfied, isTested, type TraceRow, type UnknownRef } from '../query/traceability.js';

/**
 * Text for a cell of a Markdown table: the characters Markdown would read as markup or as a
 * cell's end are escaped, and line breaks become spaces, so a cell shows what it holds.
 */
export function markdownCell(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`);
}

/** A code span that holds any text: its fence is longer than any run of backticks inside. */
function code(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

const pct = (p: number | null) => (p === null ? '–' : `${p}%`);
const counts = (c: CoverageCount) =>
  `${c.requirements} | ${c.satisfied} (${pct(c.satisfiedPercent)}) | ${c.tested} (${pct(c.testedPercent)})`;

/**
 * The matrix as Markdown: the table of requirements (one requiring nothing satisfied or tested
 * says so in bold), coverage per MIM and per capability, and the trace references that name no
 * requirement, with `pathOf`'s file and 1-based line.
 */
export function matrixMarkdown(
  rows: readonly TraceRow[],
  unknown: readonly UnknownRef[],
  coverage: Coverage,
  pathOf: (file: string) => string = (f) => f,
): string {
  const t = coverage.total;
  const out = [
    '# Traceability matrix',
    '',
    `${t.requirements} requirements: ${t.satisfied} satisfied (${pct(t.satisfiedPercent)}), ${t.tested} tested (${pct(t.testedPercent)}).`,
    '',
    '| Requirement | MIM | Capability | Level | Mechanisms | Tests |',
    '|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const mechanisms = isSatisfied(r) ? markdownCell(r.mechanisms.map((m) => m.id).join(', ')) : '**unsatisfied**';
    const tests = isTested(r) ? markdownCell(r.tests.map((x) => x.id).join(', ')) : '**untested**';
    out.push(
      `| ${markdownCell(r.id)} | ${markdownCell(r.mim)} | ${markdownCell(r.capability ?? '')} | ${r.level} | ${mechanisms} | ${tests} |`,
    );
  }
  out.push('', '## Coverage per MIM', '', '| MIM | Requirements | Satisfied | Tested |', '|---|---|---|---|');
  for (const m of coverage.mims) out.push(`| ${markdownCell(m.mim)} | ${counts(m)} |`);
  out.push(
    '',
    '## Coverage per capability',
    '',
    '| MIM | Capability | Requirements | Satisfied | Tested |',
    '|---|---|---|---|---|',
  );
  for (const c of coverage.capabilities)
    out.push(
      `| ${markdownCell(c.mim)} | ${c.capability === null ? '(none)' : markdownCell(c.capability)} | ${counts(c)} |`,
    );
  if (unknown.length > 0) {
    out.push('', '## Unknown requirement ids', '');
    for (const u of unknown)
      out.push(
        `- ${code(u.text)} (${u.role} in ${markdownCell(u.mim + (u.from ? `.${u.from}` : ''))}), ${code(`${pathOf(u.file)}:${u.line + 1}`)}`,
      );
  }
  return `${out.join('\n')}\n`;
}
