import { traceabilityMatrix } from '../query/traceability.js';
import { matrixCsvChunks } from '../render/matrix-csv.js';
import { matrixJson } from '../render/matrix-json.js';
import { matrixMarkdown } from '../render/matrix-markdown.js';
import { runCommand } from './command.js';
import { readArgs } from './read-args.js';
import { scanPaths } from './scan.js';

const FORMATS = ['csv', 'markdown', 'json'] as const;
type MatrixFormat = (typeof FORMATS)[number];

export interface MatrixArgs {
  paths: string[];
  format: MatrixFormat;
  config?: string;
}

/**
 * `mimspec matrix PATH... --format csv|markdown|json [--config FILE]`: the traceability matrix
 * of the MIMs the paths hold, on stdout. Reads the model and its index only: no rule runs.
 * Exit 0, or 2 on bad usage or an unreadable path.
 */
export async function runMatrix(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  return runCommand(argv, out, err, parseMatrixArgs, (args) => runMatrixWith(args, out, err));
}

async function runMatrixWith(args: MatrixArgs, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const scanned = await scanPaths(args.paths, args.config, err);
  if (!scanned) return 2;
  const { ws, wanted, rel } = scanned;
  const mims = ws.mims().filter((m) => m.documents.some((d) => wanted(d.file)));
  const matrix = traceabilityMatrix(ws.index, mims);
  if (args.format === 'csv') for (const chunk of matrixCsvChunks(matrix.rows, rel)) out(chunk);
  else if (args.format === 'markdown') out(matrixMarkdown(matrix.rows, matrix.unknown, matrix.coverage, rel));
  else out(`${JSON.stringify(matrixJson(matrix, rel), null, 2)}\n`);
  return 0;
}

/** The arguments of `matrix`, or what is wrong with them. */
export function parseMatrixArgs(argv: string[]): MatrixArgs | string {
  const args: MatrixArgs = { paths: [], format: 'csv' };
  let format: string | undefined;
  for (const { arg: a, flag, value } of readArgs(argv)) {
    if (flag === '--format' || flag === '-f') {
      format = value();
      if (!FORMATS.includes(format as MatrixFormat))
        return `--format takes ${FORMATS.join(', ')}${format ? `, not '${format}'` : ''}`;
      args.format = format as MatrixFormat;
    } else if (flag === '--config' || flag === '-c') {
      const v = value();
      if (!v) return '--config takes a file';
      args.config = v;
    } else if (a.startsWith('-')) return `unknown option '${a}'`;
    else args.paths.push(a);
  }
  if (format === undefined) return `matrix needs --format ${FORMATS.join(', ')}`;
  if (args.paths.length === 0) args.paths.push('.');
  return args;
}
