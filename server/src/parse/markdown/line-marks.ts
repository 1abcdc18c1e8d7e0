import type MarkdownIt from 'markdown-it';
import type { StateBlock, Token } from 'markdown-it';

type Md = InstanceType<typeof MarkdownIt>;

/**
 * The table of lines markdown-it's block parser works from, one entry a line and a sentinel,
 * in 32-bit integers of the exact length: arrays of numbers grown push by push took 50 bytes
 * a line, which a page of a million short lines holds through its whole parse.
 */
export interface LineMarks {
  bMarks: Int32Array;
  eMarks: Int32Array;
  tShift: Int32Array;
  sCount: Int32Array;
  bsCount: Int32Array;
}

/**
 * The lines of a text as markdown-it's block state records them: where each starts and ends,
 * the spaces and tabs that indent it, and its indentation in columns (a tab to the next
 * multiple of four). markdown-it reads every character for this; here each line's indentation
 * is read and the rest is skipped by a native search for its line break, several times faster
 * on pages of prose. A line of nothing but spaces or tabs that ends the text with no line break
 * gets no entry, as in markdown-it. A test holds the two to the same table.
 */
export function markLines(src: string): LineMarks {
  let lines = 1;
  for (let i = src.indexOf('\n'); i !== -1; i = src.indexOf('\n', i + 1)) lines++;
  const size = lines + 1;
  const bMarks = new Int32Array(size);
  const eMarks = new Int32Array(size);
  const tShift = new Int32Array(size);
  const sCount = new Int32Array(size);
  const len = src.length;
  let n = 0;
  let start = 0;
  while (start < len) {
    let pos = start;
    let offset = 0;
    for (; pos < len; pos++) {
      const ch = src.charCodeAt(pos);
      if (ch === 0x20) offset++;
      else if (ch === 0x09) offset += 4 - (offset % 4);
      else break;
    }
    if (pos === len) break;
    const lineBreak = src.indexOf('\n', pos);
    const end = lineBreak === -1 ? len : lineBreak;
    bMarks[n] = start;
    eMarks[n] = end;
    tShift[n] = pos - start;
    sCount[n] = offset;
    n++;
    start = end + 1;
  }
  bMarks[n] = len;
  eMarks[n] = len;
  n++;
  // A view of the entries made: a text whose last line is blank has one entry less than room.
  return {
    bMarks: bMarks.subarray(0, n),
    eMarks: eMarks.subarray(0, n),
    tShift: tShift.subarray(0, n),
    sCount: sCount.subarray(0, n),
    bsCount: new Int32Array(n),
  };
}

/**
 * Makes the block parser's state take its table of lines from markLines. The state is built by
 * markdown-it's own constructor (over an empty text, which has no lines to read), so it has
 * every field markdown-it gives it, in its order; then the text and its lines are set.
 */
export function useLineMarks(md: Md): void {
  const Base = md.block.State;
  class LineMarkedState extends Base {
    constructor(src: string, parser: Md, env: ConstructorParameters<typeof StateBlock>[2], tokens: Token[]) {
      super('', parser, env, tokens);
      this.src = src;
      // markdown-it reads and writes these by index only, which typed arrays answer as arrays do.
      const marks = markLines(src) as unknown as Record<keyof LineMarks, number[]>;
      this.bMarks = marks.bMarks;
      this.eMarks = marks.eMarks;
      this.tShift = marks.tShift;
      this.sCount = marks.sCount;
      this.bsCount = marks.bsCount;
      this.lineMax = marks.bMarks.length - 1;
    }
  }
  md.block.State = LineMarkedState as typeof StateBlock;
}
