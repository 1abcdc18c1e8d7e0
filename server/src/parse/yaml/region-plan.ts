import { fastTree } from './fast-tree.js';
import { splitItem, type Entry, type Item } from './regions.js';
import { mapped, type Bias } from './tree-map.js';
import type { YamlNode } from './tree.js';

// Which regions of a broken text the recovering parser must read: each item is read alone by the
// fast path; an item that does not read is broken, and is kept with two items on either side.
// A large broken item whose own keys read is split once more, at the items of its sequences.

/** An item, what it reads as alone, and whether the reduced text keeps it. */
export interface Region {
  item: Item;
  /** Its tree when it reads alone (in the whole text's offsets); undefined when it is broken. */
  tree?: YamlNode;
  /** Where its sequence starts, when this is the sequence's first item and reads alone. */
  seqStart?: number;
  /** A broken item split at its keys: the reduced text keeps its keys and the items of its sequences around the broken ones. */
  split?: { entries: Entry[]; regions: Map<Entry, Region[]> };
  /** Whether the reduced text keeps it: a broken item, or one within `radius` + 1 items of it. */
  kept: boolean;
  /** Within `radius` items of a broken one. */
  near: boolean;
  /** A split item kept whole beside a broken one: it is then read whole, and broken itself. */
  whole: boolean;
}

/** The regions of a text and what of them the reduced text keeps. */
export interface Plan {
  regions: Map<Entry, Region[]>;
  /** The parts of the text kept, in order, adjacent ones merged. */
  keep: [number, number][];
  /** Each run of items near a broken one, and each top-level entry that does not read: where it starts and ends. */
  runs: [number, number][];
}

/**
 * The items of a broken text read alone, and its top-level entries that hold no sequence;
 * undefined when none is broken (what breaks the text is between them: a key written twice).
 */
export function readRegions(text: string, entries: Entry[]): Regions | undefined {
  const items = new Map<Entry, Region[]>();
  const broken = new Set<Entry>();
  for (const entry of entries) {
    if (!entry.items) {
      const root = readCached(text.slice(entry.start, entry.end));
      if (root?.kind !== 'map' || root.pairs.length !== 1) broken.add(entry);
      continue;
    }
    const list = entry.items.map((item, i) => readAlone(text, item, i === 0, true));
    items.set(entry, list);
    if (list.some((r) => !r.tree)) broken.add(entry);
  }
  return broken.size > 0 ? { items, broken } : undefined;
}

/** The items of each entry that holds a sequence, and the entries where something does not read alone. */
export interface Regions {
  items: Map<Entry, Region[]>;
  broken: Set<Entry>;
}

/** What the reduced text keeps of the regions when it keeps `radius` + 1 items on either side of a broken one. */
export function planRegions(entries: Entry[], read: Regions, radius: number): Plan {
  const regions = read.items;
  // The items of split items first: what is broken at the end of one may reach the items after it.
  for (const items of regions.values()) {
    for (const r of items) for (const inner of r.split?.regions.values() ?? []) mark(inner, radius, []);
    mark(items, radius, items.map(reachesEnd));
  }
  const plan: Plan = { regions, keep: [], runs: [] };
  const add = (start: number, end: number) => {
    const last = plan.keep[plan.keep.length - 1];
    if (last && last[1] === start) last[1] = end;
    else if (end > start) plan.keep.push([start, end]);
  };
  add(0, entries[0].start);
  const keepMap = (list: Entry[], of: Map<Entry, Region[]>) => {
    for (const entry of list) {
      const items = of.get(entry);
      if (!items) {
        add(entry.start, entry.end);
        // A top-level entry that does not read is kept, as every one is: what is near it is what the reduced text keeps after it.
        if (read.broken.has(entry)) plan.runs.push([entry.start, entry.end]);
        continue;
      }
      add(entry.start, items[0].item.start);
      items.forEach((r, k) => {
        if (isSplit(r)) keepMap(r.split!.entries, r.split!.regions);
        else if (r.kept) add(r.item.start, r.item.end);
        if (!r.near || items[k + 1]?.near) return;
        let first = k;
        while (first > 0 && items[first - 1].near) first--;
        plan.runs.push([items[first].item.start, r.item.end]);
      });
    }
  };
  keepMap(entries, regions);
  return plan;
}

/** Whether a split item ends with an item near a broken one: what is broken may then reach the items after it. */
function reachesEnd(r: Region): boolean {
  const last = r.split?.entries[r.split.entries.length - 1];
  const inner = last && r.split!.regions.get(last);
  return inner !== undefined && inner[inner.length - 1].near;
}

/** Whether the reduced text keeps a region's keys and reads its sequences' items apart. */
export const isSplit = (r: Region) => r.split !== undefined && !r.whole;

/**
 * An item read alone: its tree, as the first item of a sequence under a key; a broken one that
 * may be split (`split`, the sequence's own items only) is split when its keys read and some
 * item of its sequences is broken.
 */
function readAlone(text: string, item: Item, first: boolean, split: boolean): Region {
  const region: Region = { item, kept: false, near: false, whole: false };
  if (item.odd) return region;
  const read = itemTree(text, [[item.start, item.end]]);
  if (read) {
    region.tree = read.tree;
    if (first) region.seqStart = read.seqStart;
    return region;
  }
  const entries = split ? splitItem(text, item) : undefined;
  if (!entries?.some((e) => e.items)) return region;
  // Its keys, the items of its sequences left out, must read alone: what is broken is in those items.
  const own: [number, number][] = [];
  for (const e of entries) own.push([e.start, e.items ? e.items[0].start : e.end]);
  if (!itemTree(text, own)) return region;
  const inner = new Map<Entry, Region[]>();
  for (const e of entries)
    if (e.items)
      inner.set(
        e,
        e.items.map((it, i) => readAlone(text, it, i === 0, false)),
      );
  if ([...inner.values()].every((list) => list.every((r) => r.tree))) return region;
  region.split = { entries, regions: inner };
  return region;
}

/**
 * The tree of the item made of `parts` of the text, read alone by the fast path as the first
 * item of a sequence under a key, in the whole text's offsets; undefined when it does not read.
 */
function itemTree(text: string, parts: [number, number][]): { tree: YamlNode; seqStart: number } | undefined {
  let alone = HEAD;
  const at: number[] = [];
  for (const [start, end] of parts) {
    at.push(alone.length, start);
    alone += text.slice(start, end);
  }
  const root = readCached(alone);
  const seq = root?.kind === 'map' && root.pairs.length === 1 ? root.pairs[0].value : undefined;
  const node = seq?.kind === 'seq' && seq.items.length === 1 ? seq.items[0] : undefined;
  if (!seq || !node) return undefined;
  // Back onto the text: each offset by the part it falls in (parts are whole lines, so no offset is ambiguous but a part's end).
  const whole =
    at.length === 2
      ? (o: number) => o - at[0] + at[1]
      : (o: number, bias: Bias) => {
          let k = 0;
          while (k + 2 < at.length && (o > at[k + 2] || (o === at[k + 2] && bias === 'start'))) k += 2;
          return o - at[k] + at[k + 1];
        };
  return { tree: mapped(node, whole), seqStart: whole(seq.start, 'start') };
}

const HEAD = '_:\n';

/** A text read alone by the fast path: its root, null when it does not read. */
type Alone = YamlNode | null;

/**
 * The texts read alone lately (items, and entries of the top level): typing in a broken file
 * changes one of them at a time, and the others are read again at each keystroke. The least
 * recently used go first once the texts held pass `CACHE_CHARACTERS`.
 */
const cache = new Map<string, Alone>();
let cached = 0;
const CACHE_CHARACTERS = 1_000_000;

function readCached(alone: string): Alone {
  const hit = cache.get(alone);
  if (hit !== undefined) {
    cache.delete(alone);
    cache.set(alone, hit);
    return hit;
  }
  const read = fastTree(alone)?.root ?? null;
  cache.set(alone, read);
  cached += alone.length;
  for (const key of cache.keys()) {
    if (cached <= CACHE_CHARACTERS) break;
    cache.delete(key);
    cached -= key.length;
  }
  return read;
}

/**
 * Marks the items of a sequence within `radius` + 1 of a broken one kept, within `radius` near,
 * and so the items after a split item whose end is near a broken item of its own (`tails`).
 */
function mark(items: Region[], radius: number, tails: boolean[]): void {
  for (const r of items) r.kept = r.near = r.whole = false;
  const around = (from: number, to: number, k: number) => {
    for (let j = Math.max(0, from); j <= Math.min(items.length - 1, to); j++) {
      items[j].kept = true;
      if (Math.abs(j - k) <= radius) items[j].near = true;
    }
  };
  for (;;) {
    items.forEach((r, k) => {
      if (!r.tree && !isSplit(r)) around(k - radius - 1, k + radius + 1, k);
      else if (isSplit(r) && tails[k]) around(k + 1, k + radius + 1, k);
    });
    // An item split, but kept whole beside a broken one, is read whole: it is then broken itself.
    const unsplit = items.filter((r) => isSplit(r) && r.kept);
    if (unsplit.length === 0) break;
    for (const r of unsplit) r.whole = true;
  }
}
