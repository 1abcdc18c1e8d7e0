/** One argument of a command line: `--to=html` and `--to html` give the same flag and value. */
export interface Arg {
  /** As written. */
  arg: string;
  /** The flag without an inline `=value`. */
  flag: string;
  /** The flag's value: inline, else the next argument, which is then consumed. */
  value(): string | undefined;
}

/** The arguments in order, each able to take the one after it as its value. */
export function* readArgs(argv: readonly string[]): Generator<Arg> {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    yield { arg, flag: eq > 0 ? arg.slice(0, eq) : arg, value: () => inline ?? argv[++i] };
  }
}
