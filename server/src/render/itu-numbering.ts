// How ITU-T numbers what follows the body of a Recommendation: annexes by letter (A, B, ...,
// then AA), appendices by Roman numeral (I, II, ...). Both views of a draft use it: the
// preview and the GitBook pages.

/** The letter of the annex at 0-based `index`. */
export function annexLetter(index: number): string {
  return String.fromCharCode(65 + (index % 26)).repeat(Math.floor(index / 26) + 1);
}

const NUMERALS: readonly [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** The Roman numeral of the appendix at 0-based `index`. */
export function appendixNumeral(index: number): string {
  let n = index + 1;
  let out = '';
  for (const [value, numeral] of NUMERALS) {
    for (; n >= value; n -= value) out += numeral;
  }
  return out;
}
