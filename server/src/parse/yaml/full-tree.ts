import { isAlias, isMap, isScalar, isSeq, Scalar, type Node } from 'yaml';
import {
  blockEnd,
  blockScalarSpans,
  trimEnd,
  type ScalarStyle,
  type YamlMap,
  type YamlNode,
  type YamlSeq,
} from './tree.js';

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
    const map: YamlMap = {
      kind: 'map',
      pairs: node.items.map((p) => ({ key: fullTree(p.key, text), value: fullTree(p.value, text) })),
      ...extent(node),
    };
    return withEnd(map, node, text);
  }
  if (isSeq(node)) {
    const seq: YamlSeq = { kind: 'seq', items: node.items.map((item) => fullTree(item, text)), ...extent(node) };
    return withEnd(seq, node, text);
  }
  return null;
}

function extent(node: Node): { start: number; end: number } {
  const [start, end] = node.range ?? [0, 0];
  return { start, end };
}

/** A flow collection ends with its bracket; a block one where the fast path ends it too. */
function withEnd(collection: YamlMap | YamlSeq, node: Node & { flow?: boolean }, text: string): YamlMap | YamlSeq {
  collection.end = node.flow ? trimEnd(text, collection.start, collection.end) : blockEnd(collection);
  return collection;
}

function scalar(node: Scalar, text: string): YamlNode | null {
  const [start, valueEnd] = node.range ?? [0, 0];
  const end = trimEnd(text, start, valueEnd);
  const value = node.value;
  // `yaml` puts an empty scalar where nothing is written (`title:`); the tree has no node there.
  if (value === null && end === start) return null;
  const style = STYLES[node.type ?? Scalar.PLAIN] ?? 'plain';
  const data =
    typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null
      ? value
      : String(value);
  if (style === 'single' || style === 'double') {
    return {
      kind: 'scalar',
      value: data,
      style,
      start,
      end,
      valueStart: start + 1,
      valueEnd: Math.max(start + 1, end - 1),
    };
  }
  if (style === 'literal' || style === 'folded') {
    const lineEnd = text.indexOf('\n', start);
    return {
      kind: 'scalar',
      value: data,
      style,
      ...blockScalarSpans(text, start, lineEnd < 0 ? end : lineEnd + 1, end),
    };
  }
  return { kind: 'scalar', value: data, style, start, end, valueStart: start, valueEnd: end };
}
