import type { TextSpan } from '../../model/elements.js';
import { isMap, isScalar, isSeq, type MaybeNode, type YamlNode, type YamlPair, type YamlScalar } from './tree.js';

// Small readers over the YAML tree; each takes any node, or none, and answers nothing for the wrong kind.

export interface Entry {
  key: string;
  keyNode: YamlScalar;
  value: YamlNode | null;
  pair: YamlPair;
}

/** The entries of a map with a plain key, in written order; none for anything else. */
export function entries(node: MaybeNode): Entry[] {
  if (!isMap(node)) return [];
  const out: Entry[] = [];
  for (const pair of node.pairs) {
    if (isScalar(pair.key)) out.push({ key: String(pair.key.value), keyNode: pair.key, value: pair.value, pair });
  }
  return out;
}

export function field(node: MaybeNode, name: string): Entry | undefined {
  if (!isMap(node)) return undefined;
  for (const pair of node.pairs) {
    if (isScalar(pair.key) && String(pair.key.value) === name)
      return { key: name, keyNode: pair.key, value: pair.value, pair };
  }
  return undefined;
}

/** The items of a sequence; none for anything else. */
export function items(node: MaybeNode): (YamlNode | null)[] {
  return isSeq(node) ? node.items : [];
}

/** The value of a scalar as a string; undefined for collections, aliases and null. */
export function str(node: MaybeNode): string | undefined {
  if (!isScalar(node) || node.value === null) return undefined;
  return String(node.value);
}

/** The node's extent. */
export function nodeSpan(node: YamlNode): TextSpan {
  return { start: node.start, end: node.end };
}

/** Where a scalar's characters are in the text: inside the quotes of a quoted scalar, after the header line of a block scalar. */
export function scalarSpan(node: YamlScalar): TextSpan {
  return { start: node.valueStart, end: node.valueEnd };
}

/** The extent of a key and its value, as one span. */
export function entrySpan(entry: Entry): TextSpan {
  const start = entry.keyNode.start;
  const end = entry.value ? entry.value.end : entry.keyNode.end;
  return { start, end: Math.max(start, end) };
}
