import { CORE_SCHEMA, EVENT_ID, getScalarValue, parseEvents, SCALAR_STYLE, type Event, type ScalarEvent } from 'js-yaml';
import { blockEnd, blockScalarSpans, type ScalarStyle, type YamlMap, type YamlNode, type YamlScalar, type YamlSeq } from './tree.js';

/**
 * The fast path of YAML reading: js-yaml's event stream, with source offsets, made into the
 * tree. It takes only what it can read exactly as the recovering parser would: one document,
 * no anchors, aliases or tags, unique plain keys. For anything else (or any error) it
 * answers undefined and the caller reads the file with `yaml`, which reports every problem and
 * keeps what it can of a broken file.
 */
export function fastTree(text: string): { root: YamlNode | null } | undefined {
  if (AMBIGUOUS.test(text)) return undefined;
  let events: Event[];
  try {
    events = parseEvents(text, {});
  } catch {
    return undefined;
  }
  return new TreeBuilder(text).build(events);
}

/**
 * Text the two parsers read differently, found by comparing them on mutated files: a lone
 * carriage return as a line break, a byte-order mark, a tab in indentation.
 */
const AMBIGUOUS = /\r(?!\n)|\uFEFF|^ *\t/m;

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
  keys: Set<string>;
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

  build(events: Event[]): { root: YamlNode | null } | undefined {
    let documents = 0;
    try {
      for (const e of events) {
        switch (e.type) {
          case EVENT_ID.DOCUMENT:
            if (++documents > 1 || e.explicitStart || e.explicitEnd || e.directives.length > 0) return undefined;
            this.stack.push({ node: undefined });
            break;
          case EVENT_ID.MAPPING:
          case EVENT_ID.SEQUENCE: {
            if (e.anchorStart >= 0 || e.tagStart >= 0) return undefined;
            const flow = e.style === 2;
            if (flow && this.text[e.start] !== (e.type === EVENT_ID.MAPPING ? '{' : '[')) return undefined;
            const frame: Frame =
              e.type === EVENT_ID.MAPPING
                ? { node: { kind: 'map', pairs: [], start: e.start, end: e.start }, flow, keys: new Set() }
                : { node: { kind: 'seq', items: [], start: e.start, end: e.start }, flow };
            this.add(frame.node);
            this.stack.push(frame);
            this.lastEnd = e.start + 1;
            break;
          }
          case EVENT_ID.SCALAR:
            if (e.anchorStart >= 0 || e.tagStart >= 0) return undefined;
            this.add(this.scalar(e));
            break;
          case EVENT_ID.ALIAS:
            return undefined;
          case EVENT_ID.POP:
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

  private scalar(e: ScalarEvent): YamlScalar | null {
    // An empty node (`title:`, `-`) has no characters.
    if (e.valueStart < 0) return null;
    const style = STYLES[e.style];
    const raw = getScalarValue(this.text, e);
    let node: YamlScalar;
    if (style === 'plain') {
      const value = CORE_SCHEMA.resolveImplicitScalarTag(raw).value;
      if (value !== null && typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') throw new NeedsFullParser();
      node = { kind: 'scalar', value, style, start: e.valueStart, end: e.valueEnd, valueStart: e.valueStart, valueEnd: e.valueEnd };
    } else if (style === 'single' || style === 'double') {
      const quote = style === 'single' ? "'" : '"';
      if (this.text[e.valueStart - 1] !== quote || this.text[e.valueEnd] !== quote) throw new NeedsFullParser();
      // An escaped line break folds lines in ways the parsers do not agree on.
      if (style === 'double' && /\\\r?\n/.test(this.text.slice(e.valueStart, e.valueEnd))) throw new NeedsFullParser();
      node = { kind: 'scalar', value: raw, style, start: e.valueStart - 1, end: e.valueEnd + 1, valueStart: e.valueStart, valueEnd: e.valueEnd };
    } else {
      const header = this.blockHeader(e.valueStart);
      // An explicit indentation (`>2`) with lines of spaces is read differently by the two parsers.
      if (/^.[+-]?\d/.test(this.text.slice(header, header + 3))) throw new NeedsFullParser();
      node = { kind: 'scalar', value: raw, style, ...blockScalarSpans(this.text, header, e.valueStart, e.valueEnd) };
    }
    this.lastEnd = node.end;
    return node;
  }

  /** The `|` or `>` of a block scalar: past the indicators and comments that follow the last node read. */
  private blockHeader(contentStart: number): number {
    const text = this.text;
    let i = this.lastEnd;
    while (i < contentStart) {
      const c = text[i];
      if (c === '|' || c === '>') return i;
      if (c === '#') {
        const eol = text.indexOf('\n', i);
        i = eol < 0 ? contentStart : eol + 1;
      } else if (c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === ':' || c === '-' || c === '?') i++;
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
        if (node?.kind !== 'scalar' || node.value === null || node.end - node.start > MAX_KEY_LENGTH) throw new NeedsFullParser();
        const name = String(node.value);
        if (map.keys.has(name)) throw new NeedsFullParser();
        map.keys.add(name);
        map.key = node;
      } else {
        map.node.pairs.push({ key: map.key, value: node });
        map.key = undefined;
      }
    }
  }

  private close(): void {
    const frame = this.stack.pop();
    if (!frame?.node) return;
    if ('keys' in frame && frame.key !== undefined) throw new NeedsFullParser();
    const node = frame.node;
    if (frame.flow) node.end = this.flowEnd(node.kind === 'map' ? '}' : ']', Math.max(this.lastEnd, node.start + 1));
    else if (node.kind === 'seq') node.end = blockEnd(node.start, node.items);
    else {
      // The last pair's value, or its key when the value is empty.
      const last = node.pairs[node.pairs.length - 1];
      node.end = last ? (last.value ?? last.key)?.end ?? node.start : node.start;
    }
    this.lastEnd = node.end;
  }

  /** Just past the bracket that closes a flow collection, found after its last item. */
  private flowEnd(bracket: string, from: number): number {
    const text = this.text;
    let i = from;
    while (i < text.length) {
      const c = text[i];
      if (c === bracket) return i + 1;
      if (c === '#') {
        const eol = text.indexOf('\n', i);
        i = eol < 0 ? text.length : eol + 1;
      } else if (c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === ',') i++;
      else break;
    }
    throw new NeedsFullParser();
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
        if (name === '__proto__') Object.defineProperty(out, name, { value: treeData(value), enumerable: true, writable: true, configurable: true });
        else out[name] = treeData(value);
      }
      return out;
    }
    case 'alias':
      return undefined;
  }
}
