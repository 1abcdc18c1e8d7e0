import { isAlias, isMap, isScalar, isSeq, Scalar, type Node } from 'yaml';
import { blockEnd, blockScalarSpans, trimEnd, type ScalarStyle, type YamlNode } from './tree.js';

const STYLES: Record<string, ScalarStyle> = {
  [Scalar.PLAIN]: 'plain',
  [Scalar.QUOTE_SINGLE]: 'single',
  [Scalar.QUOTE_DOUBLE]: 'double',
  [Scalar.BLOCK_LITERAL]: 'literal',
  [Scalar.BLOCK_FOLDED]: 'folded',
};

/** The tree of a document read by `yaml`, the recovering parser: what it could make of a file, broken or not. */
export function fullTree(node: unknown, text: string): YamlNode | null {
  if (isScalar(node)) return scalar(node, text);
  if (isAlias(node)) {
    const [start, end] = node.range ?? [0, 0];
    return { kind: 'alias', start, end: trimEnd(text, start, end) };
  }
  if (isMap(node)) {
    const pairs = node.items.map((p) => ({ key: fullTree(p.key, text), value: fullTree(p.value, text) }));
    return { kind: 'map', pairs, ...extent(node, text, pairs.flatMap((p) => [p.key, p.value])) };
  }
  if (isSeq(node)) {
    const items = node.items.map((item) => fullTree(item, text));
    return { kind: 'seq', items, ...extent(node, text, items) };
  }
  return null;
}

function extent(node: Node & { flow?: boolean }, text: string, children: (YamlNode | null)[]): { start: number; end: number } {
  const [start, end] = node.range ?? [0, 0];
  // A block collection ends with its last node, as the fast path has it: not with the comments and blank lines after it.
  return { start, end: node.flow ? trimEnd(text, start, end) : blockEnd(start, children) };
}

function scalar(node: Scalar, text: string): YamlNode | null {
  const [start, valueEnd] = node.range ?? [0, 0];
  const end = trimEnd(text, start, valueEnd);
  const value = node.value;
  // `yaml` puts an empty scalar where nothing is written (`title:`); the tree has no node there.
  if (value === null && end === start) return null;
  const style = STYLES[node.type ?? Scalar.PLAIN] ?? 'plain';
  const data = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null ? value : String(value);
  if (style === 'single' || style === 'double') {
    return { kind: 'scalar', value: data, style, start, end, valueStart: start + 1, valueEnd: Math.max(start + 1, end - 1) };
  }
  if (style === 'literal' || style === 'folded') {
    const lineEnd = text.indexOf('\n', start);
    return { kind: 'scalar', value: data, style, ...blockScalarSpans(text, start, lineEnd < 0 ? end : lineEnd + 1, end) };
  }
  return { kind: 'scalar', value: data, style, start, end, valueStart: start, valueEnd: end };
}
