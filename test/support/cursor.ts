import type { Location, Position, Range } from '../../server/src/model/range.js';
import { LineIndex } from '../../server/src/model/range.js';

/**
 * The cursor marker of feature fixtures. A bare `|` would clash with Markdown tables and
 * YAML block scalars, so the marker is `{|}`.
 */
export const CURSOR = '{|}';

/** Removes every marker from `text`; returns the text and the positions the markers stood at, in order. */
export function placeCursors(text: string): { text: string; positions: Position[] } {
  const offsets: number[] = [];
  let out = '';
  let from = 0;
  for (let at = text.indexOf(CURSOR); at >= 0; at = text.indexOf(CURSOR, from)) {
    out += text.slice(from, at);
    offsets.push(out.length);
    from = at + CURSOR.length;
  }
  out += text.slice(from);
  const lines = new LineIndex(out);
  return { text: out, positions: offsets.map((o) => lines.positionAt(o)) };
}

/** Removes the one marker from `text`; returns the text and the cursor's position. */
export function placeCursor(text: string): { text: string; position: Position } {
  const { text: out, positions } = placeCursors(text);
  if (positions.length !== 1) throw new Error(`expected one cursor marker ${CURSOR}, found ${positions.length}`);
  return { text: out, position: positions[0] };
}

/** `1:5-1:9`: a range with 1-based lines and columns, as editors show them. */
export function showRange(r: Range): string {
  return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
}

/** `docs/mechanisms.md:12:3-12:7`: a location relative to the workspace root. */
export function showLocation(loc: Location, root = '/ws'): string {
  return `${loc.file.startsWith(`${root}/`) ? loc.file.slice(root.length + 1) : loc.file}:${showRange(loc.range)}`;
}

/** The position of the marker in `snippet`, at the first place where the snippet (without its marker) occurs in `text`. */
export function findCursor(text: string, snippet: string): Position {
  const at = snippet.indexOf(CURSOR);
  if (at < 0) throw new Error(`no cursor marker ${CURSOR} in '${snippet}'`);
  const plain = snippet.slice(0, at) + snippet.slice(at + CURSOR.length);
  const found = text.indexOf(plain);
  if (found < 0) throw new Error(`'${plain}' does not occur in the text`);
  return new LineIndex(text).positionAt(found + at);
}
