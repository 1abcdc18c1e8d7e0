// A YAML scalar that the reader takes back to a given string: plain where that is safe,
// double-quoted otherwise (a JSON string is a YAML double-quoted scalar).

// A plain scalar may not start with an indicator or white space, nor hold `: ` or ` #`, nor
// end in `:` or white space; control and line-break characters need escapes.
const PLAIN_START = /^[^\s\-?:,[\]{}#&*!|>'"%@`]/;
const NOT_PLAIN = /: |:$| #|\s$|[\u0000-\u001f\u007f\u0085\u2028\u2029\ufeff]/;
// What a reader takes for null, a boolean, a number or a date (YAML 1.1 readers included): one word.
const DATA = /^(?:~|null|true|false|yes|no|on|off|y|n|[-+.]?\d\S*|[-+]?\.(?:inf|nan)|\d{4}-\d.*)$/i;

/** A scalar for a block mapping's value that reads back as `text`. */
export function yamlScalar(text: string): string {
  if (PLAIN_START.test(text) && !NOT_PLAIN.test(text) && !DATA.test(text)) return text;
  // JSON leaves these as they are; YAML 1.1 reads them as line breaks.
  return JSON.stringify(text).replace(
    /[\u0085\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
