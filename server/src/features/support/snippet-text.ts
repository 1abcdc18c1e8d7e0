// The text a snippet inserts where no editor fills it in (a client without snippet support):
// a placeholder gives its default text, a choice its first option, a variable its default or
// else its name (as editors do for a variable they do not know); tab stops give nothing, and
// escapes are undone. The grammar is the one LSP and TextMate snippets share.

const TABSTOP = /\$(\d+)|\$\{(\d+)\}/y;
const OPEN = /\$\{(?:\d+|[A-Za-z_]\w*):/y;
const CHOICE = /\$\{\d+\|/y;
/** The options of a choice up to its closing `|}`: the first one captured. */
const OPTIONS = /((?:[^\\,|]|\\.)*)(?:[^\\|]|\\.)*\|\}/y;
const VARIABLE = /\$([A-Za-z_]\w*)|\$\{([A-Za-z_]\w*)\}/y;

function at(re: RegExp, text: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(text);
}

/** Plain text of a snippet: `## C3 ${1:Title}$0` → `## C3 Title`. */
export function snippetText(snippet: string): string {
  let i = 0;
  // Reads until an unescaped `}` that closes the placeholder we are in (at the top level, a `}` is text).
  const body = (inside: boolean): string => {
    let out = '';
    while (i < snippet.length) {
      const c = snippet[i];
      if (c === '\\' && '$}\\'.includes(snippet[i + 1] ?? '')) {
        out += snippet[i + 1];
        i += 2;
      } else if (c === '}' && inside) {
        return out;
      } else if (c === '$') {
        out += dollar();
      } else {
        out += c;
        i++;
      }
    }
    return out;
  };
  const dollar = (): string => {
    let m = at(TABSTOP, snippet, i);
    if (m) {
      i += m[0].length;
      return '';
    }
    if ((m = at(OPEN, snippet, i))) {
      const start = i;
      i += m[0].length;
      const inner = body(true);
      if (snippet[i] === '}') {
        i++;
        return inner;
      }
      // Never closed: the text is no placeholder after all.
      i = start + 1;
      return '$';
    }
    if ((m = at(CHOICE, snippet, i))) {
      const options = at(OPTIONS, snippet, i + m[0].length);
      if (options) {
        i += m[0].length + options[0].length;
        return options[1].replace(/\\([$}\\,|])/g, '$1');
      }
    }
    if ((m = at(VARIABLE, snippet, i))) {
      i += m[0].length;
      return m[1] ?? m[2];
    }
    i++;
    return '$';
  };
  return body(false);
}

/** A snippet placeholder `${n:text}`. */
export function snippetSlot(n: number, text: string): string {
  return `\${${n}:${escapeSnippet(text)}}`;
}

/** Text that a snippet inserts as is: the inverse of what snippetText undoes. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}
