import type { Expansion } from './mim-graph-expand.js';
import type { GraphEdge, GraphNode } from './mim-graph-types.js';

/** How many boxes and arrows one drawing may have. */
export interface GraphLimits {
  nodes: number;
  edges: number;
}

/**
 * The layered layout's time grows with the arrows much more than with the boxes (crossings
 * and the bends of long arrows). Measured with dagre on 2 cores (shared, so these are high):
 * the benchmark's 200 MIMs hold 2,404 references between MIMs, still 2,348 arrows once
 * counted per pair, laid out in 115 s; its most linked MIMs within 300 arrows (61) take
 * 0.5 to 1.8 s, 400 arrows 2.7 s, 600 6.1 s, 900 12.8 s (bench/graph.mjs times the request).
 */
export const DEFAULT_GRAPH_LIMITS: GraphLimits = { nodes: 160, edges: 300 };

export interface Chosen {
  mims: ReadonlySet<string>;
  /** Requirements are drawn folded into their capabilities. */
  folded: boolean;
  truncated?: string;
}

/**
 * Which MIMs to draw: all, or the focus and its neighbours; where that is more than the
 * limits, the most linked neighbours of the focus (or of the MIM the graph was asked from),
 * else the most linked MIMs. Expanded MIMs are always drawn; when their elements alone would
 * take half the limits, requirements are folded into their capabilities.
 */
export function narrow(
  mimNodes: ReadonlyMap<string, GraphNode>,
  edges: readonly GraphEdge[],
  expansions: ReadonlyMap<string, Expansion>,
  options: { focus?: string; near?: string; limits?: GraphLimits },
): Chosen {
  const limits = options.limits ?? DEFAULT_GRAPH_LIMITS;
  const weight = new Map<string, Map<string, number>>();
  const degree = new Map<string, number>();
  for (const e of edges) {
    for (const [a, b] of [
      [e.from, e.to],
      [e.to, e.from],
    ]) {
      let m = weight.get(a);
      if (!m) weight.set(a, (m = new Map()));
      m.set(b, (m.get(b) ?? 0) + e.count);
      degree.set(a, (degree.get(a) ?? 0) + e.count);
    }
  }
  const pairs = new Map<string, number>();
  const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
  for (const e of edges) pairs.set(pairKey(e.from, e.to), (pairs.get(pairKey(e.from, e.to)) ?? 0) + 1);
  const pairEdges = (a: string, b: string) => pairs.get(pairKey(a, b)) ?? 0;

  let expandedNodes = 0;
  let expandedEdges = 0;
  let requirements = 0;
  for (const x of expansions.values()) {
    const reqs = x.nodes.filter((n) => n.kind === 'requirement').length;
    requirements += reqs;
    expandedNodes += x.nodes.length;
    expandedEdges += x.edgeCount;
  }
  const folded = expandedNodes > limits.nodes / 2 || expandedEdges > limits.edges / 2;
  if (folded) {
    expandedNodes -= requirements;
    expandedEdges = expandedNodes;
  }

  const focus = options.focus;
  const all = [...mimNodes.keys()];
  const base = focus ? [focus, ...(weight.get(focus)?.keys() ?? []), ...expansions.keys()] : all;
  const baseSet = new Set(base);
  const count = (set: ReadonlySet<string>) => edges.reduce((n, e) => n + (set.has(e.from) && set.has(e.to) ? 1 : 0), 0);
  const baseEdges = count(baseSet);
  const foldNote = folded
    ? ` The requirements of the expanded MIMs (${requirements}) are folded into their capabilities: expand one MIM at a time to see them.`
    : '';
  if (baseSet.size + expandedNodes <= limits.nodes && baseEdges + expandedEdges <= limits.edges) {
    return { mims: baseSet, folded, ...(foldNote ? { truncated: foldNote.trim() } : {}) };
  }

  const centre = focus ?? (options.near !== undefined && mimNodes.has(options.near) ? options.near : undefined);
  const chosen = new Set<string>(expansions.keys());
  if (centre) chosen.add(centre);
  let nodes = chosen.size + expandedNodes;
  let arrows = count(chosen) + expandedEdges;
  const byWeight = (m: ReadonlyMap<string, number>) =>
    [...m.keys()].sort((a, b) => m.get(b)! - m.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
  const candidates = centre ? byWeight(weight.get(centre) ?? new Map()) : byWeight(degree);
  if (!centre) for (const id of all) if (!degree.has(id)) candidates.push(id);
  for (const c of candidates) {
    if (nodes >= limits.nodes) break;
    if (chosen.has(c)) continue;
    let added = 0;
    for (const other of weight.get(c)?.keys() ?? []) if (chosen.has(other)) added += pairEdges(c, other);
    if (arrows + added > limits.edges) continue;
    chosen.add(c);
    nodes++;
    arrows += added;
  }
  const scope = centre ? `${centre} and its neighbours hold` : 'The workspace holds';
  const totalMims = centre ? baseSet.size : all.length;
  const totalArrows = centre ? baseEdges : edges.length;
  const shown = centre
    ? `Shown: ${centre} and the ${chosen.size - 1} MIMs most linked to it.`
    : `Shown: the ${chosen.size} most linked MIMs.`;
  const how = centre
    ? 'Focus on another MIM, or expand fewer, to see other parts.'
    : 'Focus on one MIM (--focus MIM7; in the editor, open the graph from a file of that MIM) to see it with its neighbours.';
  const truncated =
    `${scope} ${totalMims} MIMs and ${totalArrows} arrows between them, more than ` +
    `one drawing lays out quickly (${limits.nodes} boxes, ${limits.edges} arrows): ${chosen.size} MIMs and ` +
    `${count(chosen)} arrows are drawn. ${shown} ${how}${foldNote}`;
  return { mims: chosen, folded, truncated };
}
