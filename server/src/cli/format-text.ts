import { paletteFor, type Palette } from './colors.js';
import type { CheckReport } from './report.js';

/** One finding a line, `file:line:col  severity  message  code`, then a summary. */
export function formatText(report: CheckReport, palette: Palette = paletteFor({}, false)): string {
  const lines = report.diagnostics.map(
    (d) =>
      `${palette.file(`${d.file}:${d.line}:${d.column}`)}  ${palette.severity(d.severity, d.severity)}  ${d.message}  ${palette.code(d.code)}`,
  );
  const { errors, warnings, infos } = report.summary;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(
    `${plural(report.files, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}`,
  );
  return `${lines.join('\n')}\n`;
}
