/**
 * The first index from 0 to `length` at which `before` no longer holds, for a `before` that
 * holds for a run of indexes from 0 and for none after it (a sorted list searched for a key):
 * a binary search. `length` when it holds for every index.
 */
export function firstNotBefore(length: number, before: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
