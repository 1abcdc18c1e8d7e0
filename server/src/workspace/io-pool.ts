/**
 * Bounds the file operations of a scan in flight and retries those the system refused for
 * want of resources. Asking for every read at once opened thousands of files together: past
 * the process's limit on open files (`ulimit -n`, often 256 or 1024) the reads failed with
 * EMFILE and those files were lost. The thread pool that serves the reads runs four at a
 * time, so a few dozen waiting keep it busy as well as thousands do.
 */
export class IoPool {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly limit = 32,
    /** The waits before each retry, in milliseconds: about four seconds in all. */
    private readonly backOff: readonly number[] = [5, 10, 20, 40, 80, 160, 320, 640, 1000, 1000, 1000],
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /** Runs `op` when a place is free, again after a back-off while the system refuses it for want of resources. */
  async run<T>(op: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          return await op();
        } catch (e) {
          if (!isTransient(e) || attempt >= this.backOff.length) throw e;
          await this.sleep(this.backOff[attempt]);
        }
      }
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}

/** Errors that say "not now" rather than "not ever": too many open files (the process's or the system's), try again. */
const TRANSIENT = new Set(['EMFILE', 'ENFILE', 'EAGAIN']);

export function isTransient(e: unknown): boolean {
  return TRANSIENT.has(errorCode(e) ?? '');
}

/** The system's code of an error (`ENOENT`, `EMFILE`...), if it has one. */
export function errorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Why a file or folder could not be read, for a finding: the system's own words. */
export function readFailure(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return `the file could not be read (${message}), so it was not checked`;
}
