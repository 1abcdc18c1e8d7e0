// Two white-space characters in a row, or one other than the space: `\s` less the space, spelt
// out, then a space before any white space. The same test as /\s\s|[^\S ]/, twice as fast.
const UNFOLDED = /[\t-\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]| \s/;

/** Folds runs of white space and trims: the form in which texts are compared and shown. */
export function foldSpace(text: string): string {
  // Most texts hold single spaces only: trimming is all they need, without a new string.
  return UNFOLDED.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
}

/** Whether a UTF-16 code is white space as `\s` has it, without a regular expression or a one-character string. */
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
