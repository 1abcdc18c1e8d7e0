import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { limitHeapGrowth, limitInlining } from '../node/process-tuning.js';
import { runCheck } from './check.js';
import { runInit } from './init.js';
import { paletteFor } from './colors.js';
import { runRules } from './rules-command.js';
import { parseArgs, USAGE, type CheckArgs } from './args.js';
import { runExport } from './export.js';
import { runNew } from './new.js';
import { runGraph } from './graph.js';
import { runMatrix } from './matrix.js';
import { modelJson } from './model-json.js';
import { reportIncomplete } from './incomplete.js';
import { scanPaths } from './scan.js';
import { guardedOutput } from './closed-pipe.js';

declare const MIMSPEC_VERSION: string | undefined;
const VERSION = typeof MIMSPEC_VERSION === 'string' ? MIMSPEC_VERSION : '0.1.0';

/** Runs one command; returns the exit code (0 clean, 1 errors found, 2 usage or internal failure, or files that could not be read). */
export async function main(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  if (argv[0] === 'export') return runExport(argv.slice(1), out, err);
  if (argv[0] === 'new') return runNew(argv.slice(1), out, err);
  if (argv[0] === 'init') return runInit(argv.slice(1), out, err, process.stdin.isTTY ? askOnTerminal : undefined);
  if (argv[0] === 'graph') return runGraph(argv.slice(1), out, err);
  if (argv[0] === 'matrix') return runMatrix(argv.slice(1), out, err);
  const args = parseArgs(argv);
  switch (args.command) {
    case 'help':
      out(`${USAGE}\n`);
      return 0;
    case 'version':
      out(`${VERSION}\n`);
      return 0;
    case 'error':
      err(`mimspec: ${args.message}\n${USAGE}\n`);
      return 2;
    default:
      return run(args, out, err);
  }
}

async function run(args: CheckArgs, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  if (args.command === 'rules') {
    const palette = paletteFor(process.stdout, args.color);
    out(await runRules(args.paths[0], args.format === 'json' ? 'json' : 'text', args.config, readText, palette));
    return 0;
  }
  if (args.command === 'check') {
    return runCheck(args, {
      out,
      err,
      stdout: process.stdout,
      stderr: process.stderr,
      readStdin: () => readStream(process.stdin),
      version: VERSION,
    });
  }
  const scanned = await scanPaths(args.paths, args.config, err);
  if (!scanned) return 2;
  const { ws, wanted, rel } = scanned;
  const mims = ws.mims().filter((m) => m.documents.some((d) => wanted(d.file)));
  out(`${JSON.stringify(modelJson(mims, rel), null, 2)}\n`);
  return reportIncomplete(ws, rel, err) ? 2 : 0;
}

const readText = (file: string) => readFileSync(file, 'utf8');

async function askOnTerminal(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** The process entry: runs main on argv and sets the exit code. */
export function cli(): void {
  limitHeapGrowth(50);
  limitInlining(150);
  const stderr = guardedOutput(process.stderr, 'stderr', () => undefined);
  const stdout = guardedOutput(process.stdout, 'stdout', stderr.write);
  main(process.argv.slice(2), stdout.write, stderr.write).then(
    (code) => {
      process.exitCode = code;
      // Once the report is out there is nothing left to do, and tearing down a large heap takes a while.
      stderr.flush(() => stdout.flush(() => process.exit(stdout.failed ? 2 : code)));
    },
    (e: unknown) => {
      stderr.write(`mimspec: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}

if (require.main === module) cli();
