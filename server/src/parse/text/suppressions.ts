import type { Suppression } from '../../model/document.js';
import type { LineIndex } from '../../model/range.js';

const MARKDOWN = /<!--\s*mimspec-disable-next-line\b([^>]*?)-->/g;
const YAML = /#\s*mimspec-disable-next-line\b(.*)$/gm;

/**
 * Inline suppressions (mim-format §6). Each names the codes it silences on the next line;
 * one without codes silences every code there.
 */
export function findSuppressions(text: string, lines: LineIndex, syntax: 'markdown' | 'yaml'): Suppression[] {
  if (!text.includes('mimspec-disable')) return [];
  const re = syntax === 'markdown' ? MARKDOWN : YAML;
  const out: Suppression[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const codes = m[1].split(/[\s,]+/).filter((c) => c.length > 0);
    const end = lines.positionAt(m.index + m[0].length).line;
    out.push({ line: end + 1, codes });
  }
  return out;
}
