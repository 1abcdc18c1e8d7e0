/**
 * Positions are zero-based lines and UTF-16 columns, the same unit as a JavaScript string
 * index, so the LSP front converts them without arithmetic and the CLI adds one.
 */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** A place in the workspace: an absolute, '/'-separated file path and a range in it. */
export interface Location {
  file: string;
  range: Range;
}

/**
 * A range as four numbers: one object where a range of two positions is three. The model
 * holds hundreds of thousands of them, and fewer objects is less memory and shorter
 * collections. Positions are made when read; JSON has the usual `{ start, end }` shape.
 * Nearly every range fits in one or two small integers (`ShortRange`, `NearRange`), which
 * take 32 or 40 bytes where four numbers take 56; this one holds any other.
 */
class PackedRange implements Range {
  constructor(
    readonly startLine: number,
    readonly startCharacter: number,
    readonly endLine: number,
    readonly endCharacter: number,
  ) {}

  get start(): Position {
    return { line: this.startLine, character: this.startCharacter };
  }

  get end(): Position {
    return { line: this.endLine, character: this.endCharacter };
  }

  toJSON(): { start: Position; end: Position } {
    return { start: this.start, end: this.end };
  }
}

/** On one line below 32,768, from a column below 256, less than 256 long (an id, most references): line, column and length in one integer. */
class ShortRange implements Range {
  constructor(private readonly packed: number) {}

  get start(): Position {
    return { line: this.packed >> 16, character: (this.packed >> 8) & 255 };
  }

  get end(): Position {
    return { line: this.packed >> 16, character: ((this.packed >> 8) & 255) + (this.packed & 255) };
  }

  toJSON(): { start: Position; end: Position } {
    return { start: this.start, end: this.end };
  }
}

/**
 * Starting on a line below 524,288 at a column below 4,096, and ending fewer than 2,048 lines
 * further at a column below 1,048,576: the start in one integer, the end in another.
 */
class NearRange implements Range {
  constructor(
    private readonly from: number,
    private readonly to: number,
  ) {}

  get start(): Position {
    return { line: this.from >> 12, character: this.from & 4095 };
  }

  get end(): Position {
    return { line: (this.from >> 12) + (this.to >> 20), character: this.to & 0xfffff };
  }

  toJSON(): { start: Position; end: Position } {
    return { start: this.start, end: this.end };
  }
}

/** The smallest form that holds a range; the same numbers always give the same form, so equal ranges compare equal. */
export function range(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  // `(x & mask) === x` holds for an integer from 0 to the mask, and for nothing else (not NaN).
  const length = endChar - startChar;
  if (
    endLine === startLine &&
    (startLine & 0x7fff) === startLine &&
    (startChar & 255) === startChar &&
    (length & 255) === length
  )
    return new ShortRange((startLine << 16) | (startChar << 8) | length);
  const lines = endLine - startLine;
  if (
    (startLine & 0x7ffff) === startLine &&
    (startChar & 4095) === startChar &&
    (lines & 2047) === lines &&
    (endChar & 0xfffff) === endChar
  )
    return new NearRange(startLine * 4096 + startChar, lines * 0x100000 + endChar);
  return new PackedRange(startLine, startChar, endLine, endChar);
}

/** The range between two positions. */
export function rangeBetween(start: Position, end: Position): Range {
  return range(start.line, start.character, end.line, end.character);
}

export function comparePositions(a: Position, b: Position): number {
  return a.line !== b.line ? a.line - b.line : a.character - b.character;
}

export function containsPosition(r: Range, p: Position): boolean {
  return comparePositions(r.start, p) <= 0 && comparePositions(p, r.end) <= 0;
}

export function compareRanges(a: Range, b: Range): number {
  return comparePositions(a.start, b.start) || comparePositions(a.end, b.end);
}

/**
 * Maps string offsets to positions. Built once per parsed text; lookups are a binary
 * search over line starts, so parsers may store offsets and resolve ranges lazily.
 */
export class LineIndex {
  /** Held as 32-bit integers of the exact length: half of what an array of numbers, grown push by push, takes. */
  private readonly starts: Int32Array;

  constructor(readonly text: string) {
    const starts = [0];
    if (!text.includes('\r')) {
      // The usual text, with LF breaks only: the native search is many times faster than a loop.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
    }
    this.starts = Int32Array.from(starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset of the first character of a line (clamped to the text). */
  lineStart(line: number): number {
    if (line <= 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    return this.starts[line];
  }

  /** Offset just past the last character of a line, before its line break. */
  lineEnd(line: number): number {
    if (line >= this.starts.length - 1) return this.text.length;
    let end = this.starts[line + 1];
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  positionAt(offset: number): Position {
    const o = this.clamp(offset);
    const line = this.lineOf(o);
    return { line, character: o - this.starts[line] };
  }

  private clamp(offset: number): number {
    return Math.max(0, Math.min(offset, this.text.length));
  }

  /** The line an offset (within the text) is on. */
  private lineOf(o: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  offsetAt(p: Position): number {
    const start = this.lineStart(p.line);
    return Math.min(
      start + Math.max(0, p.character),
      p.line >= this.starts.length ? this.text.length : this.lineEnd(p.line),
    );
  }

  rangeOf(start: number, end: number): Range {
    const s = this.clamp(start);
    const e = this.clamp(end);
    const startLine = this.lineOf(s);
    // Most ranges sit on one line: the end is looked up only when it lies past it.
    const endLine =
      e >= s && (startLine + 1 >= this.starts.length || e < this.starts[startLine + 1]) ? startLine : this.lineOf(e);
    return range(startLine, s - this.starts[startLine], endLine, e - this.starts[endLine]);
  }

  /** The whole of a line as a range (without its line break). */
  lineRange(line: number): Range {
    return range(line, 0, line, this.lineEnd(line) - this.lineStart(line));
  }
}
