import { readArgs } from './read-args.js';

export type Format = 'text' | 'json' | 'sarif' | 'github' | 'junit';
const FORMATS: readonly Format[] = ['text', 'json', 'sarif', 'github', 'junit'];

export type Threshold = 'error' | 'warning' | 'info';
const THRESHOLDS: readonly Threshold[] = ['error', 'warning', 'info'];

export interface CheckArgs {
  command: 'check' | 'model' | 'rules';
  paths: string[];
  format: Format;
  config?: string;
  /** The lowest severity that fails the check (exit 1). */
  failOn: Threshold;
  /** More warnings than this fail the check. */
  maxWarnings?: number;
  /** Colours: forced off by --no-color; otherwise decided by the terminal and NO_COLOR. */
  color: boolean;
  /** Check the text on stdin as this file, the rest of its workspace from disk. */
  stdinFilename?: string;
  fix: boolean;
  fixDryRun: boolean;
}

export type ParsedArgs =
  CheckArgs | { command: 'help' } | { command: 'version' } | { command: 'error'; message: string };

export const USAGE = `Usage:
  mimspec check [paths...] [--format text|json|sarif|github|junit] [--config FILE]
                [--fail-on error|warning|info] [--max-warnings N] [--no-color]
                [--fix | --fix-dry-run] [--stdin --stdin-filename FILE]
  mimspec rules [FOLDER] [--format text|json] [--config FILE]
  mimspec init [FOLDER] [--force]
  mimspec model [paths...] [--config FILE]
  mimspec export [paths...] --to markdown|html -o FOLDER [--force] [--config FILE]
  mimspec new --template yaml|gitbook|itu [--id MIM21] --title TITLE [FOLDER] [--force]
  mimspec graph [paths...] [--focus MIM2] [--expand MIM2,...] [--format svg|json|dot] [-o FILE] [--config FILE]
  mimspec matrix [paths...] --format csv|markdown|json [--config FILE]
  mimspec --help | --version

check   validates MIM documents (Markdown pages, *.mim.yaml, resource descriptors);
        exit 0: nothing at or above --fail-on (default error) and no more warnings than
        --max-warnings, 1: otherwise, 2: bad usage or an internal failure. --format github
        prints GitHub Actions annotations, junit JUnit XML. --fix applies the fixes the
        editor's "fix all" applies and writes the files it changed (never one it could not
        parse); --fix-dry-run prints the diff instead. --stdin checks the text on stdin as
        the file --stdin-filename names, in its repository. Colours on a terminal only
        (off with --no-color or NO_COLOR); a progress line on stderr for long checks.
rules   lists the rule codes: default severity, the severity in force in FOLDER, summary,
        and the address of each rule's page.
init    writes a commented mimspec.yaml for the repository in FOLDER (its MIM number,
        numbering and keyword convention detected) and a GitHub Actions workflow, asking
        before writing over a file (--force: without asking).
model   prints the MIM model as JSON.
export  writes each MIM under FOLDER. markdown: a GitBook repository of a *.mim.yaml, in a
        folder of its own (FOLDER/MIM8/...); html: one self-contained page per MIM, whatever
        its syntax (FOLDER/MIM8.html: inline CSS, no script, prints to PDF). A folder that is
        not empty, or a page that exists, is written over only with --force.
new     writes a new MIM from a template into FOLDER (default: here): yaml, a *.mim.yaml in
        the Y.MIM structure; gitbook, a GitBook repository; itu, a draft ITU-T Recommendation.
        Without --id, the lowest MIM number that neither the registry nor a MIM under FOLDER
        uses. Existing files are written over only with --force.
graph   draws the MIMs and the references between them (SVG, or JSON / DOT for other
        tools); --focus shows one MIM and its neighbours, --expand shows MIMs with their
        capabilities, requirements and mechanisms. A graph too large to draw quickly is
        narrowed, and what was left out is said on stderr.
matrix  prints the traceability matrix of the MIMs: each requirement with the mechanisms
        that satisfy it and the tests that cover it, coverage per MIM and per capability,
        and the mapping rows and tests that name unknown requirements; exit 0, 2: bad usage.`;

const COMMANDS = ['check', 'model', 'rules'] as const;

export function parseArgs(argv: string[]): ParsedArgs {
  if (argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') return { command: 'help' };
  if (argv.includes('--version') || argv.includes('-v')) return { command: 'version' };
  const [command, ...rest] = argv;
  if (!COMMANDS.includes(command as (typeof COMMANDS)[number])) {
    return { command: 'error', message: command ? `unknown command '${command}'` : 'no command given' };
  }
  const out: CheckArgs = {
    command: command as CheckArgs['command'],
    paths: [],
    format: 'text',
    failOn: 'error',
    color: true,
    fix: false,
    fixDryRun: false,
  };
  let stdin = false;
  const error = (message: string): ParsedArgs => ({ command: 'error', message });
  for (const { arg: a, flag, value } of readArgs(rest)) {
    if (flag === '--format' || flag === '-f') {
      const v = value();
      const allowed: readonly string[] = out.command === 'rules' ? ['text', 'json'] : FORMATS;
      if (!v || !allowed.includes(v)) return error(`--format takes ${list(allowed)}${v ? `, not '${v}'` : ''}`);
      out.format = v as Format;
    } else if (flag === '--config' || flag === '-c') {
      const v = value();
      if (!v) return error('--config takes a file');
      out.config = v;
    } else if (flag === '--fail-on' && out.command === 'check') {
      const v = value();
      if (!THRESHOLDS.includes(v as Threshold))
        return error(`--fail-on takes ${list(THRESHOLDS)}${v ? `, not '${v}'` : ''}`);
      out.failOn = v as Threshold;
    } else if (flag === '--max-warnings' && out.command === 'check') {
      const v = value();
      if (!v || !/^\d+$/.test(v)) return error(`--max-warnings takes a number${v ? `, not '${v}'` : ''}`);
      out.maxWarnings = Number(v);
    } else if (flag === '--stdin-filename' && out.command === 'check') {
      const v = value();
      if (!v) return error('--stdin-filename takes the path of the file the text is');
      out.stdinFilename = v;
    } else if (a === '--stdin' && out.command === 'check') stdin = true;
    else if (a === '--fix' && out.command === 'check') out.fix = true;
    else if (a === '--fix-dry-run' && out.command === 'check') out.fixDryRun = true;
    else if (a === '--no-color' || a === '--no-colour') out.color = false;
    else if (a === '--color' || a === '--colour') out.color = true;
    else if (a.startsWith('-'))
      return error(`unknown option '${a}'${out.command === 'check' ? '' : ` for ${out.command}`}`);
    else out.paths.push(a);
  }
  if (stdin !== (out.stdinFilename !== undefined)) return error('--stdin and --stdin-filename go together');
  if (stdin && (out.fix || out.fixDryRun))
    return error('--fix does not apply to --stdin: the text on stdin is not written back');
  if (out.fix && out.fixDryRun) return error('give --fix or --fix-dry-run, not both');
  if (out.paths.length === 0) out.paths.push('.');
  return out;
}

const list = (items: readonly string[]) => `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
