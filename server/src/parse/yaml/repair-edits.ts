import type { YamlNode } from './tree.js';

// The edits a repair makes, and the way back: the tree is read from the repaired text, but
// every offset the model keeps must point into the text as written.

/** `remove` characters at `at` replaced by `insert`, in the text as it was before this edit. */
export interface Edit {
  at: number;
  remove: number;
  insert: string;
}

export function applyEdit(text: string, edit: Edit): string {
  return text.slice(0, edit.at) + edit.insert + text.slice(edit.at + edit.remove);
}

/** Maps an offset of the repaired text back onto the text before `edits`. */
export function originalOffset(offset: number, edits: readonly Edit[]): number {
  let o = offset;
  for (let i = edits.length - 1; i >= 0; i--) {
    const { at, remove, insert } = edits[i];
    if (o <= at) continue;
    o = o >= at + insert.length ? o - insert.length + remove : at + Math.min(o - at, remove);
  }
  return o;
}

/** The tree read from a repaired text, its offsets moved back onto the text before `edits`. */
export function unrepair(node: YamlNode | null, edits: readonly Edit[]): YamlNode | null {
  if (!node) return node;
  const at = (o: number) => originalOffset(o, edits);
  const extent = { start: at(node.start), end: at(node.end) };
  switch (node.kind) {
    case 'scalar':
      return { ...node, ...extent, valueStart: at(node.valueStart), valueEnd: at(node.valueEnd) };
    case 'alias':
      return { ...node, ...extent };
    case 'seq':
      return { ...node, items: node.items.map((item) => unrepair(item, edits)), ...extent };
    case 'map':
      return {
        ...node,
        pairs: node.pairs.map((p) => ({ key: unrepair(p.key, edits), value: unrepair(p.value, edits) })),
        ...extent,
      };
  }
}
