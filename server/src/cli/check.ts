import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { normalizePath } from '../base/paths.js';
import { writeFileAtomically } from '../node/write-file.js';
import type { CheckArgs } from './args.js';
import { paletteFor } from './colors.js';
import { contextFolder } from './context.js';
import { applyFixes, fixDiff } from './fix.js';
import { formatGithub } from './format-github.js';
import { reportIncomplete } from './incomplete.js';
import { formatJson } from './format-json.js';
import { formatJunit } from './format-junit.js';
import { formatSarif } from './format-sarif.js';
import { formatText } from './format-text.js';
import { ProgressLine } from './progress.js';
import { buildReport, type CheckReport } from './report.js';
import { scanPaths } from './scan.js';

export interface CheckIo {
  out: (s: string) => void;
  err: (s: string) => void;
  stdout: { isTTY?: boolean };
  stderr: { isTTY?: boolean; write(s: string): unknown };
  /** The text on standard input, for --stdin. */
  readStdin: () => Promise<string>;
  version: string;
}

/** `mimspec check`: the findings of the paths (or of the text on stdin), printed in a format; the exit code. */
export async function runCheck(args: CheckArgs, io: CheckIo): Promise<number> {
  const stdinFile = args.stdinFilename ? normalizePath(resolve(args.stdinFilename)) : undefined;
  // Text on stdin is checked as that file in its repository: the rest of the workspace is read from disk.
  const paths = stdinFile ? [existingContext(stdinFile)] : args.paths;
  const progress = new ProgressLine(io.stderr);
  const scanned = await scanPaths(paths, args.config, io.err, (ws) => progress.watch(ws));
  if (!scanned) {
    progress.done();
    return 2;
  }
  const { ws, rel } = scanned;
  const wanted = stdinFile ? (file: string) => file === stdinFile : scanned.wanted;
  if (stdinFile) ws.setDocument(stdinFile, await io.readStdin(), 'stdin');
  progress.checking([...ws.documents.keys()].filter(wanted).length);

  if (args.fix || args.fixDryRun) {
    const fixed = applyFixes(ws, wanted);
    if (args.fixDryRun) {
      progress.done();
      io.out(fixDiff(fixed, rel));
      return reportIncomplete(ws, rel, io.err) ? 2 : exitCode(report(), args);
    }
    for (const [file, f] of fixed) {
      writeFileAtomically(file, f.after);
      io.err(
        `mimspec: fixed ${rel(file)}: ${f.edits} edit${f.edits === 1 ? '' : 's'} (${[...f.codes].sort().join(', ')})\n`,
      );
    }
  }
  const result = report();
  progress.done();
  io.out(format(result, args, io));
  const incomplete = reportIncomplete(ws, rel, io.err);
  return incomplete ? 2 : exitCode(result, args);

  function report(): CheckReport {
    const findings = new Map([...ws.check()].filter(([file]) => wanted(file)));
    return buildReport(findings, [...ws.documents.keys()].filter(wanted), rel);
  }
}

function format(report: CheckReport, args: CheckArgs, io: CheckIo): string {
  switch (args.format) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, io.version);
    case 'github':
      return formatGithub(report);
    case 'junit':
      return formatJunit(report);
    default:
      return formatText(report, paletteFor(io.stdout, args.color));
  }
}

/** 2: an internal failure; 1: a finding at or above --fail-on, or more warnings than --max-warnings; else 0. */
function exitCode(report: CheckReport, args: CheckArgs): number {
  if (report.diagnostics.some((d) => d.code.startsWith('internal/'))) return 2;
  const { errors, warnings, infos } = report.summary;
  const failing = errors + (args.failOn !== 'error' ? warnings : 0) + (args.failOn === 'info' ? infos : 0);
  if (failing > 0) return 1;
  return args.maxWarnings !== undefined && warnings > args.maxWarnings ? 1 : 0;
}

/** The folder to read around a file that may not exist yet (a new buffer): its context, from the nearest folder that exists. */
function existingContext(file: string): string {
  let dir = dirname(file);
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  return existsSync(file) ? contextFolder(file) : contextFolder(`${dir}/.stdin`);
}
