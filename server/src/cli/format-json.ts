import type { CheckReport } from './report.js';

/** The JSON contract of mim-format §7. */
export function formatJson(report: CheckReport): string {
  return `${JSON.stringify({ version: 1, files: report.files, diagnostics: report.diagnostics, summary: report.summary }, null, 2)}\n`;
}
