export type Format = 'text' | 'json' | 'sarif';

export interface CheckArgs {
  command: 'check' | 'model';
  paths: string[];
  format: Format;
  config?: string;
}

export type ParsedArgs =
  CheckArgs | { command: 'help' } | { command: 'version' } | { command: 'error'; message: string };

export const USAGE = `Usage:
  mimspec check [paths...] [--format text|json|sarif] [--config FILE]
  mimspec model [paths...] [--config FILE]
  mimspec export [paths...] --to markdown|html -o FOLDER [--force] [--config FILE]
  mimspec new --template yaml|gitbook|itu [--id MIM21] --title TITLE [FOLDER] [--force]
  mimspec graph [paths...] [--focus MIM2] [--expand MIM2,...] [--format svg|json|dot] [-o FILE] [--config FILE]
  mimspec matrix [paths...] --format csv|markdown|json [--config FILE]
  mimspec --help | --version

check   validates MIM documents (Markdown pages, *.mim.yaml, resource descriptors);
        exit 0: no errors, 1: errors found, 2: bad usage or an internal failure.
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

export function parseArgs(argv: string[]): ParsedArgs {
  if (argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') return { command: 'help' };
  if (argv.includes('--version') || argv.includes('-v')) return { command: 'version' };
  const [command, ...rest] = argv;
  if (command !== 'check' && command !== 'model') {
    return { command: 'error', message: command ? `unknown command '${command}'` : 'no command given' };
  }
  const out: CheckArgs = { command, paths: [], format: 'text' };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    const value = () => inline ?? rest[++i];
    if (flag === '--format' || flag === '-f') {
      const v = value();
      if (v !== 'text' && v !== 'json' && v !== 'sarif')
        return { command: 'error', message: `--format takes text, json or sarif${v ? `, not '${v}'` : ''}` };
      out.format = v;
    } else if (flag === '--config' || flag === '-c') {
      const v = value();
      if (!v) return { command: 'error', message: '--config takes a file' };
      out.config = v;
    } else if (a.startsWith('-')) {
      return { command: 'error', message: `unknown option '${a}'` };
    } else out.paths.push(a);
  }
  if (out.paths.length === 0) out.paths.push('.');
  return out;
}
