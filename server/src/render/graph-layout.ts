import dagre from '@dagrejs/dagre';
import type { GraphNode, MimGraph } from '../query/mim-graph.js';

/** A box's size in pixels; text width is estimated, since no font is measured here. */
export const CHAR_WIDTH = 7;
export const LINE_HEIGHT = 16;
const PADDING = 10;
/** Titles longer than this are cut in the box (the whole title is its tooltip). */
export const TITLE_CHARS = 34;

export interface PlacedNode {
  node: GraphNode;
  /** Centre and size. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** The title as the box shows it. */
  shownTitle?: string;
}

export interface PlacedEdge {
  index: number;
  points: { x: number; y: number }[];
}

export interface GraphLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

/** A title cut to what a box shows, on a character boundary (never half a surrogate pair). */
export function shortTitle(title: string | undefined): string | undefined {
  if (!title) return undefined;
  const chars = [...title.replace(/\s+/g, ' ').trim()];
  return chars.length <= TITLE_CHARS ? chars.join('') : `${chars.slice(0, TITLE_CHARS - 1).join('')}…`;
}

/**
 * Lays the graph out left to right with dagre (synchronous and deterministic: the same
 * graph in the same order gives the same picture). Counts are drawn at the middle of their
 * arrow rather than as dagre labels, which would double the ranks and the time.
 */
export function layoutGraph(graph: MimGraph): GraphLayout {
  const g = new dagre.graphlib.Graph({ multigraph: false, directed: true });
  // References between MIMs go both ways: greedy breaks the cycles with fewer reversed arrows than
  // the default, which gave half the ranks and half the time on the benchmark's workspace.
  // network-simplex ranks best, but its cost climbs fast on larger trees of elements.
  const ranker = graph.nodes.length > 100 ? 'longest-path' : 'network-simplex';
  g.setGraph({
    rankdir: 'LR',
    nodesep: 18,
    ranksep: 70,
    edgesep: 8,
    marginx: 12,
    marginy: 12,
    acyclicer: 'greedy',
    ranker,
  });
  g.setDefaultEdgeLabel(() => ({}));
  const sized = graph.nodes.map((node) => {
    const shownTitle = shortTitle(node.title);
    const chars = Math.max([...node.label].length, shownTitle ? [...shownTitle].length : 0);
    const width = Math.max(60, chars * CHAR_WIDTH + 2 * PADDING);
    const height = (shownTitle ? 2 : 1) * LINE_HEIGHT + PADDING;
    g.setNode(node.id, { width, height });
    return { node, width, height, shownTitle };
  });
  graph.edges.forEach((e, index) => g.setEdge(e.from, e.to, { index }));
  dagre.layout(g);
  const nodes = sized.map((s) => {
    const at = g.node(s.node.id) as { x: number; y: number };
    return { ...s, x: at.x, y: at.y };
  });
  const edges = graph.edges.map((e, index) => {
    const label = g.edge(e.from, e.to) as { points?: { x: number; y: number }[] };
    return { index, points: label.points ?? [] };
  });
  const size = g.graph() as { width?: number; height?: number };
  // dagre gives an empty graph an infinite size.
  const finite = (n: number | undefined) => (n !== undefined && Number.isFinite(n) ? n : 0);
  return { width: finite(size.width), height: finite(size.height), nodes, edges };
}
