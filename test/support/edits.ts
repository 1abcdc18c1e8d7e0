import type { TextEdit } from '../../server/src/model/finding.js';
import { LineIndex } from '../../server/src/model/range.js';
import { showLocation } from './cursor.js';

/** The files once the edits are applied, each from its last edit to its first; files without edits are kept. */
export function applyEdits(files: Record<string, string>, edits: readonly TextEdit[]): Record<string, string> {
  const out = { ...files };
  for (const path of new Set(edits.map((e) => e.file))) {
    const text = files[path];
    const lines = new LineIndex(text);
    out[path] = edits
      .filter((e) => e.file === path)
      .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }))
      .sort((a, b) => b.start - a.start)
      .reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
  }
  return out;
}

/** `docs/mechanisms.md:12:3-12:7 "R1.5"`: each edit's place relative to the workspace root, and its text. */
export function showEdits(edits: readonly TextEdit[]): string[] {
  return edits.map((e) => `${showLocation(e)} ${JSON.stringify(e.newText)}`);
}
