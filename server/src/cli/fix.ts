import { createTwoFilesPatch } from 'diff';
import type { Finding, TextEdit } from '../model/finding.js';
import { safeEdits } from '../features/code-actions.js';
import type { Workspace } from '../workspace/workspace.js';

/** What `--fix` changed in one file: its text before and after, and the codes whose fixes it took. */
export interface FixedFile {
  before: string;
  after: string;
  edits: number;
  codes: Set<string>;
}

/** Fixes that overlap wait for the next pass, as the editor's fix-all leaves them for the next run. */
const MAX_PASSES = 10;

/** A file whose text could not be read or parsed is never written: its fixes could be built on a misreading. */
const unreadable = (findings: readonly Finding[]) =>
  findings.some((f) => f.code.startsWith('syntax/') || f.code.startsWith('file/'));

/**
 * Applies, in the workspace, the fixes that the editor's `source.fixAll` applies (the
 * preferred fixes of the findings, never two that overlap), pass after pass until none is
 * left, to the findings of the files asked about. Nothing is written here: the caller writes
 * the files (or prints the diff) from what comes back.
 */
export function applyFixes(ws: Workspace, wanted: (file: string) => boolean): Map<string, FixedFile> {
  const fixed = new Map<string, FixedFile>();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const findings = ws.check();
    const blocked = new Set([...findings].filter(([, fs]) => unreadable(fs)).map(([file]) => file));
    const candidates = [...findings]
      .filter(([file]) => wanted(file) && !blocked.has(file))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .flatMap(([, fs]) => fs);
    const edits = safeEdits(candidates).filter((e) => !blocked.has(e.file) && ws.document(e.file));
    if (edits.length === 0) break;
    const codes = codesOf(candidates, edits);
    for (const [file, fileEdits] of groupByFile(edits)) {
      const doc = ws.document(file)!;
      const after = applyEdits(doc.text, fileEdits, (p) => doc.lines.offsetAt(p));
      if (after === doc.text) continue;
      const entry = fixed.get(file) ?? { before: doc.text, after: doc.text, edits: 0, codes: new Set<string>() };
      entry.after = after;
      entry.edits += fileEdits.length;
      for (const code of codes.get(file) ?? []) entry.codes.add(code);
      fixed.set(file, entry);
      ws.setDocument(file, after, `fix-${pass}`);
    }
  }
  return fixed;
}

/** A unified diff of the fixes, with paths as the output names them. */
export function fixDiff(fixed: Map<string, FixedFile>, rel: (file: string) => string): string {
  return [...fixed]
    .map(([file, f]) =>
      createTwoFilesPatch(`a/${rel(file)}`, `b/${rel(file)}`, f.before, f.after, '', '', { context: 3 }),
    )
    .map((patch) => patch.replace(/^=+\n/, ''))
    .join('');
}

function groupByFile(edits: readonly TextEdit[]): Map<string, TextEdit[]> {
  const out = new Map<string, TextEdit[]>();
  for (const e of edits) out.set(e.file, [...(out.get(e.file) ?? []), e]);
  return out;
}

/** The codes of the findings whose preferred fix contributed an edit, by the file edited. */
function codesOf(findings: readonly Finding[], edits: readonly TextEdit[]): Map<string, Set<string>> {
  const taken = new Set(edits);
  const out = new Map<string, Set<string>>();
  for (const f of findings) {
    const fix = f.fixes?.find((x) => x.preferred && x.edits.some((e) => taken.has(e)));
    for (const e of fix?.edits ?? []) out.set(e.file, (out.get(e.file) ?? new Set()).add(f.code));
  }
  return out;
}

/** The edits applied from the last to the first, so that each offset is still that of the text it was made for. */
function applyEdits(
  text: string,
  edits: readonly TextEdit[],
  offsetAt: (p: TextEdit['range']['start']) => number,
): string {
  const spans = edits
    .map((e) => ({ start: offsetAt(e.range.start), end: offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + s.newText + out.slice(s.end);
  return out;
}
