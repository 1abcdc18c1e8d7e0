/**
 * What the CLI does when the reader of its output goes away (`mimspec check | grep -q MIM`,
 * `| head`): the rest of the output is dropped and the command ends with its own exit code, as
 * if it had been read, so a script with `set -o pipefail` still sees the check's result. Any
 * other failure to write is said on stderr, once, and the command exits 2 when it ends.
 */
export interface Output {
  /** Writes unless the reader has gone. */
  write(s: string): void;
  /** Calls back once what was written is out, or at once if the reader has gone. */
  flush(done: () => void): void;
  /** Whether a write failed otherwise than by a closed pipe. */
  readonly failed: boolean;
}

export function guardedOutput(stream: NodeJS.WritableStream, name: string, err: (s: string) => void): Output {
  let gone = false;
  let failed = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') gone = true;
    else if (!failed) {
      failed = true;
      gone = true;
      err(`mimspec: cannot write to ${name}: ${e.message}\n`);
    }
  });
  return {
    write: (s) => {
      if (!gone) stream.write(s);
    },
    flush: (done) => {
      if (gone) done();
      else stream.write('', () => done());
    },
    get failed() {
      return failed;
    },
  };
}
