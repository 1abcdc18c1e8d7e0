import { CORE_SCHEMA, getScalarValue, SCALAR_STYLE, type ScalarEvent } from 'js-yaml';
import {
  blockEnd,
  blockScalarSpans,
  type ScalarStyle,
  type YamlMap,
  type YamlNode,
  type YamlScalar,
  type YamlSeq,
} from './tree.js';
import { F, FAST, readEvents, RECORD, TYPE } from './yaml-events.js';

/**
 * The fast path of YAML reading: js-yaml's event stream, with source offsets, made into the
 * tree. It takes only what it can read exactly as the recovering parser would: one document,
 * no anchors, aliases or tags, unique plain keys. For anything else (or any error) it
 * answers undefined and the caller reads the file with `yaml`, which reports every problem and
 * keeps what it can of a broken file. `events` are the text's packed events when a worker
 * read them already (null: js-yaml rejected the text).
 */
export function fastTree(text: string, events?: Int32Array | null): { root: YamlNode | null } | undefined {
  if (isAmbiguous(text)) return undefined;
  const packed = events === undefined ? readEvents(text) : events;
  return packed ? new TreeBuilder(text).build(packed) : undefined;
}

/**
 * Text the two parsers read differently, found by comparing them on mutated files: a lone
 * carriage return as a line break, a byte-order mark, a tab in indentation (after nothing but
 * spaces on its line). The same test as /\r(?!\n)|\uFEFF|^ *\t/m, made of native searches
 * for characters most files do not hold, thirty times faster on large files.
 */
export function isAmbiguous(text: string): boolean {
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1))
    if (text.charCodeAt(i + 1) !== 0x0a) return true;
  if (text.indexOf('\uFEFF') !== -1) return true;
  for (let i = text.indexOf('\t'); i !== -1; i = text.indexOf('\t', i + 1)) {
    let j = i - 1;
    while (j >= 0 && text.charCodeAt(j) === 0x20) j--;
    if (j < 0 || isLineTerminator(text.charCodeAt(j))) return true;
  }
  return false;
}

/** What `^` follows in a multiline regular expression. */
const isLineTerminator = (c: number) => c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;

// A map with this many pairs looks its keys up in a set rather than among its pairs.
const LONG_MAP = 16;

/**
 * Whether a plain scalar may be other than a string under the core schema: null, a boolean or
 * a number starts with one of these. Any other is a string, with no resolution to run.
 */
function mayBeData(raw: string): boolean {
  if (raw.length === 0) return true;
  const c = raw.charCodeAt(0);
  // ~ + - . 0-9 n N t T f F
  return (
    c === 0x7e ||
    c === 0x2b ||
    c === 0x2d ||
    c === 0x2e ||
    (c >= 0x30 && c <= 0x39) ||
    c === 0x6e ||
    c === 0x4e ||
    c === 0x74 ||
    c === 0x54 ||
    c === 0x66 ||
    c === 0x46
  );
}

// YAML limits an implicit key to 1024 characters; js-yaml does not check it.
const MAX_KEY_LENGTH = 1000;

const STYLES: Record<number, ScalarStyle> = {
  [SCALAR_STYLE.PLAIN]: 'plain',
  [SCALAR_STYLE.SINGLE_QUOTED]: 'single',
  [SCALAR_STYLE.DOUBLE_QUOTED]: 'double',
  [SCALAR_STYLE.LITERAL_BLOCK]: 'literal',
  [SCALAR_STYLE.FOLDED_BLOCK]: 'folded',
};

interface MapFrame {
  node: YamlMap;
  flow: boolean;
  /** The key read, waiting for its value. */
  key?: YamlScalar;
  /** The keys so far, for maps too long to search their pairs. */
  keys?: Set<string>;
}

interface SeqFrame {
  node: YamlSeq;
  flow: boolean;
}

type Frame = MapFrame | SeqFrame | { node: undefined };

/** Thrown inside the builder when the file needs the recovering parser; never escapes `build`. */
class NeedsFullParser extends Error {}

class TreeBuilder {
  private readonly stack: Frame[] = [];
  private root: YamlNode | null = null;
  /** Where the last node read ends: block scalar headers are searched from here. */
  private lastEnd = 0;

  constructor(private readonly text: string) {}

  build(events: Int32Array): { root: YamlNode | null } | undefined {
    let documents = 0;
    try {
      for (let i = 0; i < events.length; i += RECORD) {
        switch (events[i + F.type]) {
          case TYPE.DOCUMENT:
            if (++documents > 1 || events[i + F.flags] !== 0) return undefined;
            this.stack.push({ node: undefined });
            break;
          case TYPE.MAPPING:
          case TYPE.SEQUENCE: {
            if (events[i + F.anchorStart] >= 0 || events[i + F.tagStart] >= 0) return undefined;
            const start = events[i + F.start];
            const isMap = events[i + F.type] === TYPE.MAPPING;
            const flow = events[i + F.style] === 2;
            if (flow && this.text[start] !== (isMap ? '{' : '[')) return undefined;
            const frame: Frame = isMap
              ? { node: { kind: 'map', pairs: [], start, end: start }, flow, key: undefined }
              : { node: { kind: 'seq', items: [], start, end: start }, flow };
            this.add(frame.node);
            this.stack.push(frame);
            this.lastEnd = start + 1;
            break;
          }
          case TYPE.SCALAR:
            if (events[i + F.anchorStart] >= 0 || events[i + F.tagStart] >= 0) return undefined;
            this.add(this.scalar(events, i));
            break;
          case TYPE.ALIAS:
            return undefined;
          case TYPE.POP:
            this.close();
            break;
        }
      }
    } catch (e) {
      if (e instanceof NeedsFullParser) return undefined;
      throw e;
    }
    return this.stack.length === 0 ? { root: this.root } : undefined;
  }

  /** One event object for js-yaml's value decoder, refilled for each scalar. */
  private readonly event: ScalarEvent = {
    type: TYPE.SCALAR,
    valueStart: -1,
    valueEnd: -1,
    anchorStart: -1,
    anchorEnd: -1,
    tagStart: -1,
    tagEnd: -1,
    style: 1,
    chomping: 1,
    indent: -1,
    fast: false,
  };

  private scalar(events: Int32Array, i: number): YamlScalar | null {
    const valueStart = events[i + F.valueStart];
    const valueEnd = events[i + F.valueEnd];
    // An empty node (`title:`, `-`) has no characters.
    if (valueStart < 0) return null;
    const e = this.event;
    e.valueStart = valueStart;
    e.valueEnd = valueEnd;
    e.style = (events[i + F.style] & ~FAST) as ScalarEvent['style'];
    e.fast = (events[i + F.style] & FAST) !== 0;
    e.chomping = events[i + F.chomping] as ScalarEvent['chomping'];
    e.indent = events[i + F.indent];
    const style = STYLES[e.style];
    const raw = getScalarValue(this.text, e);
    let node: YamlScalar;
    if (style === 'plain') {
      const value = mayBeData(raw) ? CORE_SCHEMA.resolveImplicitScalarTag(raw).value : raw;
      if (value !== null && typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
        throw new NeedsFullParser();
      node = { kind: 'scalar', value, style, start: valueStart, end: valueEnd, valueStart, valueEnd };
    } else if (style === 'single' || style === 'double') {
      const quote = style === 'single' ? "'" : '"';
      if (this.text[valueStart - 1] !== quote || this.text[valueEnd] !== quote) throw new NeedsFullParser();
      // An escaped line break folds lines in ways the parsers do not agree on.
      if (style === 'double' && /\\\r?\n/.test(this.text.slice(valueStart, valueEnd))) throw new NeedsFullParser();
      node = { kind: 'scalar', value: raw, style, start: valueStart - 1, end: valueEnd + 1, valueStart, valueEnd };
    } else {
      const header = this.blockHeader(valueStart);
      // An explicit indentation (`>2`) with lines of spaces is read differently by the two parsers.
      if (/^.[+-]?\d/.test(this.text.slice(header, header + 3))) throw new NeedsFullParser();
      node = { kind: 'scalar', value: raw, style, ...blockScalarSpans(this.text, header, valueStart, valueEnd) };
    }
    this.lastEnd = node.end;
    return node;
  }

  /** The `|` or `>` of a block scalar: past the indicators and comments that follow the last node read. */
  private blockHeader(contentStart: number): number {
    return this.skipTo(this.lastEnd, contentStart, '|>', ':-?');
  }

  /**
   * The first of `wanted` from `from` on, before `limit`, past white space, comments and the
   * `indicators` between; what else comes first means the file is not as the fast path thought.
   */
  private skipTo(from: number, limit: number, wanted: string, indicators: string): number {
    const text = this.text;
    let i = from;
    while (i < limit) {
      const c = text[i];
      if (wanted.includes(c)) return i;
      if (c === '#') {
        const eol = text.indexOf('\n', i);
        i = eol < 0 ? limit : eol + 1;
      } else if (c === ' ' || c === '\t' || c === '\r' || c === '\n' || indicators.includes(c)) i++;
      else break;
    }
    throw new NeedsFullParser();
  }

  private add(node: YamlNode | null): void {
    const frame = this.stack[this.stack.length - 1];
    if (!frame) throw new NeedsFullParser();
    if (frame.node === undefined) {
      this.root = node;
    } else if (frame.node.kind === 'seq') {
      frame.node.items.push(node);
    } else {
      const map = frame as MapFrame;
      if (map.key === undefined) {
        // Keys are plain data: a collection, an empty or a null key, or a repeated one, is for the recovering parser to report.
        if (node?.kind !== 'scalar' || node.value === null || node.end - node.start > MAX_KEY_LENGTH)
          throw new NeedsFullParser();
        if (this.repeats(map, String(node.value))) throw new NeedsFullParser();
        map.key = node;
      } else {
        map.node.pairs.push({ key: map.key, value: node });
        map.key = undefined;
      }
    }
  }

  /** Whether a map has the key already: its few pairs are searched; a long map keeps a set. */
  private repeats(map: MapFrame, name: string): boolean {
    const pairs = map.node.pairs;
    if (map.keys) {
      if (map.keys.has(name)) return true;
      map.keys.add(name);
      return false;
    }
    for (let i = 0; i < pairs.length; i++) if (String((pairs[i].key as YamlScalar).value) === name) return true;
    if (pairs.length >= LONG_MAP) map.keys = new Set([...pairs.map((p) => String((p.key as YamlScalar).value)), name]);
    return false;
  }

  private close(): void {
    const frame = this.stack.pop();
    if (!frame?.node) return;
    if (frame.node.kind === 'map' && (frame as MapFrame).key !== undefined) throw new NeedsFullParser();
    const node = frame.node;
    node.end = frame.flow
      ? this.flowEnd(node.kind === 'map' ? '}' : ']', Math.max(this.lastEnd, node.start + 1))
      : blockEnd(node);
    this.lastEnd = node.end;
  }

  /** Just past the bracket that closes a flow collection, found after its last item. */
  private flowEnd(bracket: string, from: number): number {
    return this.skipTo(from, this.text.length, bracket, ',') + 1;
  }
}

/** The plain data of a tree, for schema validation. */
export function treeData(node: YamlNode | null): unknown {
  if (node === null) return null;
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(treeData);
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const { key, value } of node.pairs) {
        const name = String((key as YamlScalar).value);
        // A key named like the prototype is data, not a prototype.
        if (name === '__proto__')
          Object.defineProperty(out, name, {
            value: treeData(value),
            enumerable: true,
            writable: true,
            configurable: true,
          });
        else out[name] = treeData(value);
      }
      return out;
    }
    case 'alias':
      return undefined;
  }
}
