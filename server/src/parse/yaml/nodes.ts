import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { TextSpan } from '../../model/elements.js';

/**
 * Small readers over the yaml AST. Aliases are never followed: the model keeps what is
 * written where it is written, and following aliases is how alias bombs explode.
 */
export type YamlNode = Node | null | undefined;

export interface Entry {
  key: string;
  keyNode: Scalar;
  value: YamlNode;
  pair: Pair;
}

/** The entries of a map with a plain key, in written order; none for anything else. */
export function entries(node: YamlNode): Entry[] {
  if (!isMap(node)) return [];
  const out: Entry[] = [];
  for (const pair of (node as YAMLMap).items) {
    if (isScalar(pair.key) && pair.key.range) out.push({ key: String(pair.key.value), keyNode: pair.key, value: pair.value as YamlNode, pair });
  }
  return out;
}

export function field(node: YamlNode, name: string): Entry | undefined {
  return entries(node).find((e) => e.key === name);
}

/** The items of a sequence; none for anything else. */
export function items(node: YamlNode): YamlNode[] {
  return isSeq(node) ? (node.items as YamlNode[]) : [];
}

/** The value of a scalar as a string; undefined for collections, aliases and null. */
export function str(node: YamlNode): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  return String(node.value);
}

/** The node's extent without the line breaks and blank lines that yaml counts into it. */
export function nodeSpan(node: Node, text: string): TextSpan {
  const [start, valueEnd] = node.range ?? [0, 0];
  let end = valueEnd;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/**
 * Where a scalar's characters are in the text: inside the quotes of a quoted scalar, after
 * the header line of a block scalar, the node itself for a plain one.
 */
export function scalarSpan(node: Scalar, text: string): TextSpan {
  const span = nodeSpan(node, text);
  if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') return { start: span.start + 1, end: Math.max(span.start + 1, span.end - 1) };
  if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
    const lineEnd = text.indexOf('\n', span.start);
    let start = lineEnd < 0 || lineEnd > span.end ? span.end : lineEnd + 1;
    while (start < span.end && /\s/.test(text[start])) start++;
    return { start, end: span.end };
  }
  return span;
}

/** The extent of a key and its value, as one span. */
export function entrySpan(entry: Entry, text: string): TextSpan {
  const start = entry.keyNode.range![0];
  const end = entry.value?.range ? nodeSpan(entry.value, text).end : entry.keyNode.range![1];
  return { start, end: Math.max(start, end) };
}
