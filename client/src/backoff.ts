/**
 * When to start the language server again after it died: at once the first time, then after
 * growing delays; once every delay is used, within `window` ms, not at all (the user is told
 * and can restart it). A death long after the last one starts the count afresh. No vscode here, so
 * that a unit test can hold the policy.
 */
export class Backoff {
  private deaths: number[] = [];

  constructor(
    private readonly delays: readonly number[] = [0, 1000, 2000, 4000, 8000],
    readonly window = 3 * 60_000,
  ) {}

  /** Records a death at `now`: the delay before starting again, or undefined to give up. */
  next(now: number): number | undefined {
    this.deaths = this.deaths.filter((t) => now - t < this.window);
    this.deaths.push(now);
    return this.delays[this.deaths.length - 1];
  }

  /** The deaths counted now (those within the window at the last `next`). */
  get count(): number {
    return this.deaths.length;
  }

  /** A start asked for by the user: the count starts afresh. */
  reset(): void {
    this.deaths = [];
  }
}
