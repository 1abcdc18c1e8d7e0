import type { CheckReport } from './report.js';

// GitHub Actions workflow commands: a workflow that runs `mimspec check --format github` shows
// each finding on the line it concerns in the pull request, with no SARIF upload.
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** A message: %, CR and LF encoded, as the runner decodes them. */
const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** A property value: also the `:` and `,` that separate properties. */
const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(report: CheckReport): string {
  const lines = report.diagnostics.map(
    (d) =>
      `::${COMMAND[d.severity]} file=${property(d.file)},line=${d.line},col=${d.column},endLine=${d.endLine},endColumn=${d.endColumn},title=${property(d.code)}::${data(d.message)}`,
  );
  const { errors, warnings, infos } = report.summary;
  lines.push(`mimspec: ${report.files} files checked: ${errors} errors, ${warnings} warnings, ${infos} infos`);
  return `${lines.join('\n')}\n`;
}
