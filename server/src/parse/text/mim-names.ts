/** The pattern a MIM id field has in the JSON Schemas (`schemas/`): an error against it is about a MIM id. */
export const MIM_ID_PATTERN = '^MIM(0|[1-9][0-9]*)$';

// `mim` as a word of its own, then the number: `MIM 6`, `mim-6`, `MIM_06`, `securing-data-mim-6`.
const MIM_IN_NAME = /(?<![\p{L}\p{N}])mim[\s_-]*(\d+)(?![\p{L}\p{N}])/giu;

/**
 * The MIM id a name stands for where a MIM id belongs: `MIM 6`, `mim6`, `MIM06`, or the name
 * of a MIM's repository (`securing-data-mim-6`). Undefined when the name holds no MIM number,
 * or two different ones.
 */
export function mimIdInName(text: string): string | undefined {
  const found = new Set<string>();
  for (const m of text.matchAll(MIM_IN_NAME)) found.add(`MIM${m[1].replace(/^0+(?=\d)/, '')}`);
  return found.size === 1 ? [...found][0] : undefined;
}
