import { relative } from 'node:path';
import type { Finding } from '../../server/src/model/finding.js';
import { NodeFileSystem } from '../../server/src/node/file-system.js';
import { normalizePath } from '../../server/src/base/paths.js';
import { Workspace } from '../../server/src/workspace/workspace.js';

/** Scans a folder with the real engine on the real disk, as `mimspec check` does. */
export async function checkFolder(dir: string): Promise<{ ws: Workspace; findings: Finding[] }> {
  const ws = new Workspace(new NodeFileSystem(), { roots: [normalizePath(dir)] });
  await ws.scan();
  const findings = [...ws.check().values()].flat();
  return { ws, findings };
}

/** Findings in the CLI's text form, paths relative to `dir`: the shape of golden files. */
export function findingsText(dir: string, findings: Finding[]): string {
  return (
    findings
      .map(
        (f) =>
          `${relative(dir, f.file)}:${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.line + 1}:${f.range.end.character + 1}  ${f.severity}  ${f.code}  ${f.message}${(f.related ?? []).map((r) => `\n    related ${relative(dir, r.file)}:${r.range.start.line + 1}:${r.range.start.character + 1}  ${r.message}`).join('')}`,
      )
      .sort()
      .join('\n') + '\n'
  );
}
