/**
 * GitHub-style heading anchors, the form GitBook and GitHub both resolve: lower case,
 * punctuation dropped, spaces to hyphens, and `-1`, `-2` for repeats within a page.
 *
 * The hyphens are put in by a join, not by a replace: V8 builds a global replace's result as a
 * chain of concatenations, a string of some 500 bytes where the slug's own characters take 40,
 * and the model keeps a slug for every heading.
 */
export function slugify(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/<[^>]*>/g, '')
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .split(' ')
    .join('-');
}

export class SlugCounter {
  private readonly seen = new Map<string, number>();

  next(heading: string): string {
    const base = slugify(heading);
    const n = this.seen.get(base);
    if (n === undefined) {
      this.seen.set(base, 0);
      return base;
    }
    this.seen.set(base, n + 1);
    return [base, n + 1].join('-');
  }
}
