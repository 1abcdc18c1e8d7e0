// The nodes and arrows of the MIM graph, apart from the code that finds them (mim-graph.ts),
// its expansion of a MIM (mim-graph-expand.ts) and its narrowing (mim-graph-limit.ts).

/** Where a node or an arrow comes from: a file and a 0-based line, for click-to-source. */
export interface GraphSource {
  file: string;
  line: number;
}

/**
 * `mim`: a MIM of the workspace; `registry`: a MIM only the registry of numbers knows;
 * `unknown`: a MIM number that neither knows. The others are the elements of an expanded MIM.
 */
export type GraphNodeKind = 'mim' | 'registry' | 'unknown' | 'capability' | 'requirement' | 'mechanism';

export interface GraphNode {
  /** `MIM7`, or the global key of an element: `MIM7.R1.2`. */
  id: string;
  kind: GraphNodeKind;
  /** What the box says first: `MIM7`, `R1.2`. */
  label: string;
  title?: string;
  /** The MIM the node is or belongs to. */
  mim: string;
  source?: GraphSource;
  /** A workspace MIM, which can be shown with its requirements and mechanisms. */
  expandable?: boolean;
  expanded?: boolean;
}

/**
 * How a reference names another MIM or element: a whole MIM in prose (`see MIM2`), a global id
 * (`MIM3.R1.2`) in prose or a list, a requirement's `seeAlso`, a mapping row or `satisfies`
 * entry, a test's `covers`, a link, a resource descriptor's `mims`; `contains` ties an
 * expanded MIM to its capabilities and mechanisms and a capability to its requirements.
 */
export type GraphEdgeKind = 'prose' | 'id' | 'seeAlso' | 'satisfies' | 'covers' | 'link' | 'resource' | 'contains';

/** All references from one node to another, counted by kind. */
export interface GraphEdge {
  from: string;
  to: string;
  count: number;
  kinds: Partial<Record<GraphEdgeKind, number>>;
  /** The first reference, in path and line order. */
  source?: GraphSource;
}
