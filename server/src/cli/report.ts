import type { Finding } from '../model/finding.js';
import type { Severity } from '../model/severity.js';

/** A finding as the CLI prints it: a path relative to the current folder, 1-based positions. */
export interface CliDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
}

export interface CheckReport {
  files: number;
  /** The files checked, as the output names them, in order. */
  checked: string[];
  diagnostics: CliDiagnostic[];
  summary: { errors: number; warnings: number; infos: number };
}

export function buildReport(
  findings: Map<string, Finding[]>,
  checkedFiles: readonly string[],
  relative: (file: string) => string,
): CheckReport {
  const diagnostics: CliDiagnostic[] = [];
  const summary = { errors: 0, warnings: 0, infos: 0 };
  for (const file of [...findings.keys()].sort()) {
    for (const f of findings.get(file)!) {
      diagnostics.push({
        file: relative(f.file),
        line: f.range.start.line + 1,
        column: f.range.start.character + 1,
        endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1,
        severity: f.severity,
        code: f.code,
        message: f.message,
      });
      if (f.severity === 'error') summary.errors++;
      else if (f.severity === 'warning') summary.warnings++;
      else summary.infos++;
    }
  }
  const checked = checkedFiles.map(relative).sort();
  return { files: checked.length, checked, diagnostics, summary };
}
