import { isSplit, type Region } from './region-plan.js';
import type { Entry } from './regions.js';
import { sameTree } from './tree-map.js';
import { blockEnd, type YamlMap, type YamlNode, type YamlPair, type YamlSeq } from './tree.js';

/** Thrown where the reduced text's tree does not show the regions where they are: the text is then read whole. */
export class NotAssembled extends Error {}

/**
 * The whole text's tree from the reduced text's (its offsets already those of the whole text):
 * each key where the reduced tree has it, and in each sequence the items read alone where the
 * reduced text left them out. Every key must be where it is written and every item kept two
 * away from a broken one must read as it reads alone: else what is broken reached them, and may
 * reach the items left out.
 */
export function assemble(reduced: YamlNode | null, entries: Entry[], regions: Map<Entry, Region[]>): YamlMap {
  if (reduced?.kind !== 'map' || reduced.pairs.length !== entries.length) throw new NotAssembled();
  const pairs = reduced.pairs.map((pair, i): YamlPair => {
    const entry = entries[i];
    if (pair.key?.start !== entry.key) throw new NotAssembled();
    const items = regions.get(entry);
    return items ? { key: pair.key, value: sequence(items, pair.value) } : pair;
  });
  const map: YamlMap = { kind: 'map', pairs, start: reduced.start, end: reduced.start };
  map.end = blockEnd(map);
  return map;
}

function sequence(regions: Region[], value: YamlNode | null): YamlSeq {
  const present = regions.filter((r) => r.kept || isSplit(r));
  if (present.length === 0 ? value !== null : value?.kind !== 'seq') throw new NotAssembled();
  const nodes = new Map<Region, YamlNode[]>(present.map((r) => [r, []]));
  for (const node of value?.kind === 'seq' ? value.items : []) {
    const region = node && present.find((r) => node.start >= r.item.start && node.start < r.item.end);
    if (!region) throw new NotAssembled();
    nodes.get(region)!.push(node!);
  }
  const items = regions.flatMap((r): YamlNode[] => {
    const got = nodes.get(r);
    if (!got) return [r.tree!];
    // A split item whose items are all kept is in the reduced text as it is written: it reads as it would whole.
    if (r.near || (isSplit(r) && allKept(r))) return got;
    if (got.length !== 1) throw new NotAssembled();
    if (isSplit(r)) return [assemble(got[0], r.split!.entries, r.split!.regions)];
    if (!sameTree(got[0], r.tree!)) throw new NotAssembled();
    return got;
  });
  const start = nodes.has(regions[0]) ? (value as YamlSeq).start : regions[0].seqStart!;
  const seq: YamlSeq = { kind: 'seq', items, start, end: start };
  seq.end = blockEnd(seq);
  return seq;
}

const allKept = (r: Region) => [...r.split!.regions.values()].every((items) => items.every((i) => i.kept));
