import type MarkdownIt from 'markdown-it';
import type { StateBlock, Token } from 'markdown-it';

type Md = InstanceType<typeof MarkdownIt>;

/** The table of lines markdown-it's block parser works from, one entry a line and a sentinel. */
export interface LineMarks {
  bMarks: number[];
  eMarks: number[];
  tShift: number[];
  sCount: number[];
  bsCount: number[];
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
  const marks: LineMarks = { bMarks: [], eMarks: [], tShift: [], sCount: [], bsCount: [] };
  const len = src.length;
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
    push(marks, start, end, pos - start, offset);
    start = end + 1;
  }
  push(marks, len, len, 0, 0);
  return marks;
}

function push(marks: LineMarks, start: number, end: number, shift: number, count: number): void {
  marks.bMarks.push(start);
  marks.eMarks.push(end);
  marks.tShift.push(shift);
  marks.sCount.push(count);
  marks.bsCount.push(0);
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
      const marks = markLines(src);
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
