// Helpers that every part of the HTML views writes through: text is escaped for where it lands,
// and an element that comes from a source line says which (the client's click-to-source and
// scroll sync read `data-uri` and `data-line`).

const MARKUP = /[&<>"']/;
const MARKUP_ALL = /[&<>"']/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for an element's content or an attribute's value: every character that means markup escaped. */
export function esc(text: string): string {
  // Most texts hold none of them: the test is cheaper than a replace that finds nothing.
  return MARKUP.test(text) ? text.replace(MARKUP_ALL, (c) => ENTITIES[c]) : text;
}

/**
 * A file path as a file URI: each segment percent-encoded as a URI path segment is, so a name
 * holding `#`, `?`, `%` or a space still names the file. Pure, for the CLI's export; the server
 * hands its own conversion so that the URIs match the ones its client speaks.
 */
export function fileUri(path: string): string {
  const p = path.replace(/\\/g, '/');
  const segments = (p.startsWith('/') ? p : `/${p}`)
    .split('/')
    .map((s, i) => (i === 1 && /^[A-Za-z]:$/.test(s) ? s : encodeURIComponent(s)));
  return `file://${segments.join('/')}`;
}

/** Where an element comes from: the attributes the client reads. */
export type Source = (file: string, line: number) => string;

/** `data-uri` and `data-line` for a file and a zero-based line. */
export function sourceAttrs(uriOf: (path: string) => string): Source {
  const cache = new Map<string, string>();
  return (file, line) => {
    let uri = cache.get(file);
    if (uri === undefined) {
      uri = esc(uriOf(file));
      cache.set(file, uri);
    }
    return ` data-uri="${uri}" data-line="${line}"`;
  };
}

/** An element's class list from the names given, falsy ones left out. */
export function cls(...names: (string | false | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}
