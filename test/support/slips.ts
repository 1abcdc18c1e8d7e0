/** The one-character slips a writer makes in a YAML text, each on every line where it applies. */

export interface Slip {
  name: string;
  /** The line it is on, 0-based; the text keeps its lines. */
  line: number;
  text: string;
}

/** Each slip of the kinds writers make, on every line of `text` where it applies. */
export function slips(text: string): Slip[] {
  const lines = text.split('\n');
  const out: Slip[] = [];
  const slip = (name: string, n: number, line: string) =>
    out.push({
      name: `${name} on line ${n + 1}`,
      line: n,
      text: [...lines.slice(0, n), line, ...lines.slice(n + 1)].join('\n'),
    });
  for (const [n, l] of lines.entries()) {
    if (/^\s*(#|$)/.test(l)) continue;
    const indent = /^ */.exec(l)![0].length;
    slip('one column in', n, ` ${l}`);
    if (indent > 0) slip('one column out', n, l.slice(1));
    slip('a tab before the node', n, `${l.slice(0, indent)}\t${l.slice(indent)}`);
    if (indent > 0) slip('a tab in the indentation', n, `\t${l.slice(1)}`);
    const key = /^ *(?:- )?[A-Za-z]+(?=:)/.exec(l);
    if (key) slip('no colon', n, l.slice(0, key[0].length) + l.slice(key[0].length + 1));
    for (const [open, close] of ['[]', '{}']) {
      if (l.includes(open))
        slip(`no ${close}`, n, l.slice(0, l.lastIndexOf(close)) + l.slice(l.lastIndexOf(close) + 1));
    }
    const quote = Math.max(l.lastIndexOf('"'), l.lastIndexOf("'"));
    if (quote >= 0) slip('no closing quote', n, l.slice(0, quote) + l.slice(quote + 1));
  }
  return out;
}
