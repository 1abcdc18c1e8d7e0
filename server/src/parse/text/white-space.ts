const UNFOLDED = /\s\s|[^\S ]/;

/** Folds runs of white space and trims: the form in which texts are compared and shown. */
export function foldSpace(text: string): string {
  // Most texts hold single spaces only: trimming is all they need, without a new string.
  return UNFOLDED.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
}
