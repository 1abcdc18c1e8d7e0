import type { YamlNode, YamlPair } from './tree.js';

/** Which side of a seam an offset there belongs to: a node's start to what follows, its end to what precedes. */
export type Bias = 'start' | 'end';

/** A tree with every offset mapped: where a node or its value starts with the start bias, where it ends with the end bias. */
export function mapped(node: YamlNode, at: (offset: number, bias: Bias) => number): YamlNode {
  // Objects of the shapes the parsers make, written out: a spread makes them slower to build and to read.
  switch (node.kind) {
    case 'scalar':
      return {
        kind: 'scalar',
        value: node.value,
        style: node.style,
        start: at(node.start, 'start'),
        end: at(node.end, 'end'),
        valueStart: at(node.valueStart, 'start'),
        valueEnd: at(node.valueEnd, 'end'),
      };
    case 'alias':
      return { kind: 'alias', start: at(node.start, 'start'), end: at(node.end, 'end') };
    case 'seq': {
      const items: (YamlNode | null)[] = [];
      for (const item of node.items) items.push(item && mapped(item, at));
      return { kind: 'seq', items, start: at(node.start, 'start'), end: at(node.end, 'end') };
    }
    case 'map': {
      const pairs: YamlPair[] = [];
      for (const p of node.pairs)
        pairs.push({ key: p.key && mapped(p.key, at), value: p.value && mapped(p.value, at) });
      return { kind: 'map', pairs, start: at(node.start, 'start'), end: at(node.end, 'end') };
    }
  }
}

/** Whether two trees are the same, offsets and values alike. */
export function sameTree(a: YamlNode | null, b: YamlNode | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind !== b.kind || a.start !== b.start || a.end !== b.end) return false;
  switch (a.kind) {
    case 'scalar': {
      const s = b as typeof a;
      return (
        Object.is(a.value, s.value) && a.style === s.style && a.valueStart === s.valueStart && a.valueEnd === s.valueEnd
      );
    }
    case 'alias':
      return true;
    case 'seq': {
      const items = (b as typeof a).items;
      return a.items.length === items.length && a.items.every((x, i) => sameTree(x, items[i]));
    }
    case 'map': {
      const pairs = (b as typeof a).pairs;
      return (
        a.pairs.length === pairs.length &&
        a.pairs.every((p, i) => sameTree(p.key, pairs[i].key) && sameTree(p.value, pairs[i].value))
      );
    }
  }
}
