/**
 * The code spans of an inline Markdown text as [start, end) offsets, backticks included
 * (CommonMark: a run of backticks opens a span that the next run of the same length closes;
 * a run that nothing closes is literal, and so is a backtick after a backslash).
 */
export function codeSpans(content: string): [number, number][] {
  const out: [number, number][] = [];
  let i = content.indexOf('`');
  while (i >= 0) {
    const n = runLength(content, i);
    if (escaped(content, i)) {
      i = content.indexOf('`', i + 1);
      continue;
    }
    let close = -1;
    for (let j = content.indexOf('`', i + n); j >= 0;) {
      const m = runLength(content, j);
      if (m === n) {
        close = j;
        break;
      }
      j = content.indexOf('`', j + m);
    }
    if (close < 0) {
      i = content.indexOf('`', i + n);
      continue;
    }
    out.push([i, close + n]);
    i = content.indexOf('`', close + n);
  }
  return out;
}

function runLength(text: string, at: number): number {
  let end = at;
  while (text[end] === '`') end++;
  return end - at;
}

function escaped(text: string, at: number): boolean {
  let slashes = 0;
  while (text[at - 1 - slashes] === '\\') slashes++;
  return slashes % 2 === 1;
}
