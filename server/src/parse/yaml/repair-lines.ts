import { LineIndex } from '../../model/range.js';

// How a repair reads the lines around an error: where a line's node starts, its key's colon,
// what it leaves open. Read line by line, not as YAML: the text around an error does not parse.

/** What a line holds, as far as its repairs need: offsets are within the line. */
export interface LineShape {
  indent: number;
  /** Where the node starts: past the indentation and any `- ` of sequence items. */
  content: number;
  /** Just past the colon of a `key:` that opens the line's node. */
  colon?: number;
  /** Past the last character that is not white space or a comment. */
  end: number;
  /** The brackets that close what the line leaves open, innermost first. */
  closers: string;
  /** The quote of a quoted scalar the line leaves open. */
  quote?: '"' | "'";
  /** Tabs in the indentation, after a `- ` or after the colon. */
  tabs: number[];
}

const CLOSER: Record<string, string> = { '[': ']', '{': '}' };

/** A line's shape; a line inside a block scalar or a multi-line scalar is read as if it stood alone. */
function shapeOf(line: string): LineShape {
  const tabs: number[] = [];
  const indent = leadingSpaces(line);
  let i = indent;
  const blanks = () => {
    while (line[i] === ' ' || line[i] === '\t') {
      if (line[i] === '\t') tabs.push(i);
      i++;
    }
  };
  blanks();
  while (line[i] === '-' && (i + 1 === line.length || line[i + 1] === ' ' || line[i + 1] === '\t')) {
    i++;
    blanks();
  }
  const content = i;
  const stack: string[] = [];
  let colon: number | undefined;
  let end = content;
  let quote: '"' | "'" | undefined;
  // Whether a node may start here: a quote or a bracket there opens one.
  let nodeStart = true;
  while (i < line.length) {
    const c = line[i];
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) break;
    if (nodeStart && (c === '"' || c === "'")) {
      const close = closingQuote(line, i);
      if (close < 0) {
        quote = c;
        end = line.trimEnd().length;
        break;
      }
      i = close + 1;
      end = i;
      nodeStart = false;
      continue;
    }
    if ((nodeStart || stack.length > 0) && (c === '[' || c === '{')) {
      stack.push(CLOSER[c]);
      nodeStart = true;
    } else if (stack.length > 0 && (c === ']' || c === '}')) {
      stack.pop();
      nodeStart = false;
    } else if (stack.length > 0 && c === ',') nodeStart = true;
    else if (
      c === ':' &&
      (i + 1 === line.length ||
        line[i + 1] === ' ' ||
        line[i + 1] === '\t' ||
        (stack.length > 0 && /[,\]}]/.test(line[i + 1])))
    ) {
      if (stack.length === 0 && colon === undefined) {
        colon = i + 1;
        if (line[i + 1] === '\t') tabs.push(i + 1);
      }
      nodeStart = true;
    } else nodeStart = false;
    i++;
    end = i;
  }
  return {
    indent,
    content,
    ...(colon !== undefined && { colon }),
    end,
    closers: stack.reverse().join(''),
    ...(quote && { quote }),
    tabs,
  };
}

/** The closing quote of the quoted scalar opened at `open`, on this line; -1 when it stays open. */
function closingQuote(line: string, open: number): number {
  const q = line[open];
  for (let i = open + 1; i < line.length; i++) {
    if (q === '"' && line[i] === '\\') i++;
    else if (line[i] === q) {
      if (q === "'" && line[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

export interface Line {
  start: number;
  text: string;
  shape: LineShape;
}

/** The lines of a text, each read when asked for: a repair looks at a few lines around one offset. */
export class Lines {
  private readonly index: LineIndex;

  constructor(text: string) {
    this.index = new LineIndex(text);
  }

  get count(): number {
    return this.index.lineCount;
  }

  lineOf(offset: number): number {
    return this.index.positionAt(offset).line;
  }

  line(n: number): Line {
    const text = this.index.lineText(n);
    return { start: this.index.lineStart(n), text, shape: shapeOf(text) };
  }

  /** The spaces a line starts with, without reading the rest of it: a parent may be looked for far up. */
  indent(n: number): number {
    return leadingSpaces(this.index.lineText(n));
  }

  /** Whether a line holds a node: not blank, not only a comment. */
  holdsNode(n: number): boolean {
    const t = this.index.lineText(n).trimStart();
    return t.length > 0 && !t.startsWith('#');
  }

  /** The nearest line before (step -1) or after (step 1) `n` that holds a node. */
  neighbour(n: number, step: 1 | -1): number | undefined {
    for (let k = n + step; k >= 0 && k < this.count; k += step) if (this.holdsNode(k)) return k;
    return undefined;
  }
}

function leadingSpaces(line: string): number {
  let i = 0;
  while (line[i] === ' ') i++;
  return i;
}
