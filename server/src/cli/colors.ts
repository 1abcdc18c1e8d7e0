import type { Severity } from '../model/severity.js';

/** How text is coloured: ANSI escapes on a terminal, nothing in a pipe. */
export interface Palette {
  severity(severity: Severity, text: string): string;
  code(text: string): string;
  file(text: string): string;
  dim(text: string): string;
}

const ansi = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

const COLOURED: Palette = {
  severity: (severity, text) =>
    (severity === 'error' ? ansi(31, 39) : severity === 'warning' ? ansi(33, 39) : ansi(36, 39))(text),
  code: ansi(2, 22),
  file: ansi(4, 24),
  dim: ansi(2, 22),
};

const PLAIN: Palette = { severity: (_, text) => text, code: (t) => t, file: (t) => t, dim: (t) => t };

/**
 * Colours when the output is a terminal, unless `--no-color` or NO_COLOR (https://no-color.org)
 * says otherwise; never in a pipe or a file, so that what a script reads has no escapes.
 */
export function paletteFor(stream: { isTTY?: boolean }, wanted: boolean, env = process.env): Palette {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  return wanted && !noColor && stream.isTTY === true ? COLOURED : PLAIN;
}
