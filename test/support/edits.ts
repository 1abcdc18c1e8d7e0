import type { TextEdit } from '../../server/src/model/finding.js';
import { LineIndex } from '../../server/src/model/range.js';

/** A file's text once the edits meant for it are applied, from the last edit to the first. */
export function applyEdits(path: string, text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  return edits
    .filter((e) => e.file === path)
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start)
    .reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}
