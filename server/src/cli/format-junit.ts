import type { CliDiagnostic, CheckReport } from './report.js';

// JUnit XML for CI systems that read test reports (GitLab, Jenkins, Azure Pipelines): one test
// suite per file checked, one failing test case per finding, one passing case for a clean file.

const xml = (s: string) =>
  s
    // Characters XML 1.0 cannot hold at all.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

function testCase(file: string, d: CliDiagnostic): string {
  const where = `${file}:${d.line}:${d.column}`;
  return (
    `    <testcase classname="${xml(file)}" name="${xml(`${d.code} at ${d.line}:${d.column}`)}">\n` +
    `      <failure type="${xml(d.code)}" message="${xml(d.message)}">${xml(`${where}  ${d.severity}  ${d.message}  ${d.code}`)}</failure>\n` +
    `    </testcase>`
  );
}

export function formatJunit(report: CheckReport): string {
  const byFile = new Map<string, CliDiagnostic[]>(report.checked.map((f) => [f, []]));
  for (const d of report.diagnostics) {
    if (!byFile.has(d.file)) byFile.set(d.file, []);
    byFile.get(d.file)!.push(d);
  }
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const [file, found] of byFile) {
    const cases =
      found.length > 0
        ? found.map((d) => testCase(file, d))
        : [`    <testcase classname="${xml(file)}" name="mimspec"/>`];
    tests += cases.length;
    failures += found.length;
    suites.push(
      `  <testsuite name="${xml(file)}" tests="${cases.length}" failures="${found.length}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="mimspec" tests="${tests}" failures="${failures}" errors="0">\n${suites.join('\n')}\n</testsuites>\n`
  );
}
