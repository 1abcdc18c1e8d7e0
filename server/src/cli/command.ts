import { USAGE } from './args.js';

/**
 * What every subcommand does with its arguments: `--help` prints the usage (exit 0); arguments
 * it cannot take are named, with the usage, on stderr (exit 2); otherwise it runs.
 */
export async function runCommand<A>(
  argv: string[],
  out: (s: string) => void,
  err: (s: string) => void,
  parse: (argv: string[]) => A | string,
  run: (args: A) => Promise<number>,
): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    out(`${USAGE}\n`);
    return 0;
  }
  const args = parse(argv);
  if (typeof args === 'string') {
    err(`mimspec: ${args}\n${USAGE}\n`);
    return 2;
  }
  return run(args);
}
