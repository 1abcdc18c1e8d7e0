/**
 * The positioned YAML tree the readers walk: what either YAML parser (the fast one for
 * well-formed files, the recovering one for the rest) is turned into. Offsets are those of the
 * file's text; an extent's `end` never counts the white space after a node.
 */
export type YamlNode = YamlMap | YamlSeq | YamlScalar | YamlAlias;

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';

export interface YamlScalar {
  kind: 'scalar';
  /** The value under the YAML 1.2 core schema. */
  value: string | number | boolean | null;
  style: ScalarStyle;
  /** The node: quotes and block header included. */
  start: number;
  end: number;
  /** The characters of the value: inside the quotes, after the header line of a block scalar. */
  valueStart: number;
  valueEnd: number;
}

export interface YamlPair {
  key: YamlNode | null;
  /** Null when nothing follows the key (`title:`). */
  value: YamlNode | null;
}

export interface YamlMap {
  kind: 'map';
  pairs: YamlPair[];
  start: number;
  end: number;
}

export interface YamlSeq {
  kind: 'seq';
  /** Null for an empty item (`-` with nothing after it). */
  items: (YamlNode | null)[];
  start: number;
  end: number;
}

/** An alias is never followed: the model keeps what is written where it is written, and following aliases is how alias bombs explode. */
export interface YamlAlias {
  kind: 'alias';
  start: number;
  end: number;
}

export type MaybeNode = YamlNode | null | undefined;

export function isMap(node: MaybeNode): node is YamlMap {
  return node?.kind === 'map';
}

export function isSeq(node: MaybeNode): node is YamlSeq {
  return node?.kind === 'seq';
}

export function isScalar(node: MaybeNode): node is YamlScalar {
  return node?.kind === 'scalar';
}

/**
 * Where a block collection ends: with its last written node (a key whose value is empty
 * counts), not with the comments and blank lines after it. Both parsers' trees use this.
 */
export function blockEnd(node: YamlMap | YamlSeq): number {
  if (node.kind === 'seq') {
    for (let i = node.items.length - 1; i >= 0; i--) {
      const item = node.items[i];
      if (item) return item.end;
    }
  } else {
    for (let i = node.pairs.length - 1; i >= 0; i--) {
      const last = node.pairs[i].value ?? node.pairs[i].key;
      if (last) return last.end;
    }
  }
  return node.start;
}

/** The last offset of text before `end` that is not white space, but not before `start`. */
export function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

/** YAML's white space: space, tab and line breaks (a no-break space is content). */
export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/**
 * A block scalar's spans from where its header starts, where the line after the header starts
 * and where its content ends: its value starts at the first character of content; an empty one
 * ends with its header.
 */
export function blockScalarSpans(
  text: string,
  header: number,
  contentStart: number,
  contentEnd: number,
): Pick<YamlScalar, 'start' | 'end' | 'valueStart' | 'valueEnd'> {
  let headerEnd = header + 1;
  while (headerEnd < text.length && /[0-9+-]/.test(text[headerEnd])) headerEnd++;
  let valueStart = contentStart;
  while (valueStart < contentEnd && isSpace(text.charCodeAt(valueStart))) valueStart++;
  const valueEnd = trimEnd(text, valueStart, contentEnd);
  if (valueEnd <= valueStart) return { start: header, end: headerEnd, valueStart: headerEnd, valueEnd: headerEnd };
  return { start: header, end: valueEnd, valueStart, valueEnd };
}
