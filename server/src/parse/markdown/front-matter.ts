import { collectionKeys } from '../yaml/collection-keys.js';
import { readYaml } from '../yaml/load.js';
import { entries } from '../yaml/nodes.js';

export interface FrontMatter {
  /** Offset just past the closing `---` line. */
  end: number;
  data: Record<string, unknown>;
  /** Offset of each top-level key's value, for ranges. */
  keyOffsets: Record<string, number>;
  error?: { message: string; offset: number };
  /**
   * What reads, but otherwise than written, as the YAML loader reports it in a YAML file:
   * keys that are collections (`syntax/yaml`) and the parser's warnings (`syntax/yaml-warning`).
   * Offsets in the page.
   */
  notes: { code: 'syntax/yaml' | 'syntax/yaml-warning'; message: string; start: number; end: number }[];
}

const OPEN = /^---[ \t]*\r?\n/;
const CLOSE = /^---[ \t]*$/m;

/** YAML front matter between `---` lines at the very start of a page (GitBook's `description:`, our `mim:`). */
export function readFrontMatter(text: string): FrontMatter | undefined {
  const open = OPEN.exec(text);
  if (!open) return undefined;
  const rest = text.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) return undefined;
  const body = rest.slice(0, close.index);
  const end = open[0].length + close.index + close[0].length;
  const read = readYaml(body);
  const data: Record<string, unknown> = {};
  const keyOffsets: Record<string, number> = {};
  const json = read.clean ? read.data : undefined;
  if (json && typeof json === 'object' && !Array.isArray(json)) Object.assign(data, json);
  for (const e of entries(read.root)) {
    if (e.key) keyOffsets[e.key] = open[0].length + (e.value?.start ?? e.keyNode.start);
  }
  const err = read.errors[0];
  const at = open[0].length;
  const note =
    (code: FrontMatter['notes'][number]['code']) => (e: { message: string; start: number; end: number }) => ({
      code,
      message: e.message,
      start: at + e.start,
      end: at + e.end,
    });
  return {
    end,
    data,
    keyOffsets,
    error: err ? { message: err.message, offset: at + err.start } : undefined,
    notes: [...collectionKeys(read.root).map(note('syntax/yaml')), ...read.warnings.map(note('syntax/yaml-warning'))],
  };
}

/** Blanks the front matter (keeping line breaks) so the Markdown parser sees neither an hr nor a setext heading. */
export function blankFrontMatter(text: string, fm: FrontMatter | undefined): string {
  if (!fm) return text;
  return text.slice(0, fm.end).replace(/[^\r\n]/g, ' ') + text.slice(fm.end);
}
