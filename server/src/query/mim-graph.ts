import type { RegistryEntry } from '../config/project-config.js';
import type { IdRef, MimElement } from '../model/elements.js';
import { compareIds } from '../model/ids.js';
import type { Mim } from '../model/mim.js';
import type { Range } from '../model/range.js';
import { expandMim, type Expansion } from './mim-graph-expand.js';
import { DEFAULT_GRAPH_LIMITS, narrow, type GraphLimits } from './mim-graph-limit.js';
import type { SymbolIndex } from './symbol-index.js';

import type { GraphEdge, GraphEdgeKind, GraphNode, GraphNodeKind, GraphSource } from './mim-graph-types.js';

export type { GraphEdge, GraphEdgeKind, GraphNode, GraphNodeKind, GraphSource };

export interface MimGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** What was left out to keep the drawing within its limits, and how to narrow it; absent when nothing was. */
  truncated?: string;
}

export interface MimGraphOptions {
  /** Show this MIM and its neighbours only. */
  focus?: string;
  /** MIMs shown with their capabilities, requirements and mechanisms. */
  expand?: readonly string[];
  /** The MIM the graph centres on when it must be narrowed and no focus was asked for (the active file's). */
  near?: string;
  limits?: GraphLimits;
}

/** A reference between two MIMs, with the elements at either end where they are known. */
export interface MimLink {
  from: string;
  to: string;
  ref: IdRef;
  kind: GraphEdgeKind;
  /** The global key the reference names, when it names an element. */
  key?: string;
}

const ROLE_KIND: Record<IdRef['role'], GraphEdgeKind> = {
  prose: 'prose',
  mapping: 'satisfies',
  satisfies: 'satisfies',
  covers: 'covers',
  seeAlso: 'seeAlso',
  'guidance-mechanisms': 'id',
  'resource-mims': 'resource',
  link: 'link',
};

export function edgeKindOf(ref: IdRef): GraphEdgeKind {
  const kind = ROLE_KIND[ref.role];
  return kind === 'prose' && ref.target ? 'id' : kind;
}

const sourceOf = (file: string, range: Range): GraphSource => ({ file, line: range.start.line });

/** Natural order of node ids (`MIM2` before `MIM10`, `MIM7` before `MIM7.C1`). */
export const compareNodeIds = (a: string, b: string): number => compareIds(a, b) || (a < b ? -1 : a > b ? 1 : 0);

/**
 * The graph of the workspace's MIMs, the registry MIMs they name and the references between
 * them, one edge per ordered pair with its count by kind; expanded MIMs shown with their
 * elements, where satisfies edges and references from other MIMs land on the requirement.
 * `registryFor` gives the registry of numbers in force for a file.
 */
export function buildMimGraph(
  index: SymbolIndex,
  registryFor: (file: string) => ReadonlyMap<string, RegistryEntry>,
  options: MimGraphOptions = {},
): MimGraph {
  const mimNodes = new Map<string, GraphNode>();
  for (const mim of index.mims) if (!mimNodes.has(mim.id)) mimNodes.set(mim.id, mimNode(mim));
  const links: MimLink[] = [];
  for (const r of index.refs) {
    const from = r.from?.id;
    const to = r.ref.mim;
    if (from === undefined || to === undefined || to === from) continue;
    if (!mimNodes.has(to)) {
      const entry = registryFor(r.ref.file).get(to);
      mimNodes.set(to, {
        id: to,
        kind: entry ? 'registry' : 'unknown',
        label: to,
        title: entry?.title,
        mim: to,
      });
    }
    links.push({ from, to, ref: r.ref, kind: edgeKindOf(r.ref), key: r.ref.target ? r.key : undefined });
  }
  links.sort(
    (a, b) =>
      (a.ref.file < b.ref.file ? -1 : a.ref.file > b.ref.file ? 1 : 0) ||
      a.ref.range.start.line - b.ref.range.start.line ||
      a.ref.range.start.character - b.ref.range.start.character,
  );
  const expandable = new Set(index.mims.map((m) => m.id));
  const wanted = (options.expand ?? []).filter((id) => expandable.has(id));
  const mimLevel = aggregate(
    links.map((l) => ({ from: l.from, to: l.to, kind: l.kind, source: sourceOf(l.ref.file, l.ref.range) })),
  );
  const expansions = new Map<string, Expansion>();
  for (const id of wanted) expansions.set(id, expandMim(index, index.byId.get(id)![0]));
  const chosen = narrow(mimNodes, mimLevel, expansions, {
    ...options,
    focus: mimNodes.has(options.focus ?? '') ? options.focus : undefined,
  });
  return capEdges(assemble(mimNodes, links, expansions, chosen), options.limits ?? DEFAULT_GRAPH_LIMITS);
}

/** References landing on elements can split a MIM's arrows: past the limit, the arrows that carry fewest references go. */
function capEdges(graph: MimGraph, limits: GraphLimits): MimGraph {
  if (graph.edges.length <= limits.edges) return graph;
  const kept = new Set([...graph.edges].sort((a, b) => b.count - a.count).slice(0, limits.edges));
  const note = `${graph.edges.length - kept.size} arrows that carry the fewest references are left out, to keep within ${limits.edges}: expand fewer MIMs.`;
  return {
    ...graph,
    edges: graph.edges.filter((e) => kept.has(e)),
    truncated: graph.truncated ? `${graph.truncated} ${note}` : note,
  };
}

function mimNode(mim: Mim): GraphNode {
  const claim = mim.identity[0];
  const doc = mim.documents[0];
  const source = claim ? sourceOf(claim.file, claim.range) : doc ? { file: doc.file, line: 0 } : undefined;
  return { id: mim.id, kind: 'mim', label: mim.id, title: mim.title, mim: mim.id, source, expandable: true };
}

interface RawEdge {
  from: string;
  to: string;
  kind: GraphEdgeKind;
  source?: GraphSource;
}

/** One edge per ordered pair, in the order the pairs first appear, counting each kind. */
export function aggregate(raw: Iterable<RawEdge>): GraphEdge[] {
  const byPair = new Map<string, GraphEdge>();
  for (const e of raw) {
    const pair = `${e.from}\u0000${e.to}`;
    let edge = byPair.get(pair);
    if (!edge) byPair.set(pair, (edge = { from: e.from, to: e.to, count: 0, kinds: {}, source: e.source }));
    edge.count++;
    edge.kinds[e.kind] = (edge.kinds[e.kind] ?? 0) + 1;
  }
  return [...byPair.values()];
}

/** The nodes and edges of the chosen MIMs, elements of the expanded ones in place. */
function assemble(
  mimNodes: ReadonlyMap<string, GraphNode>,
  links: readonly MimLink[],
  expansions: ReadonlyMap<string, Expansion>,
  chosen: { mims: ReadonlySet<string>; folded: boolean; truncated?: string },
): MimGraph {
  const nodes: GraphNode[] = [];
  const raw: RawEdge[] = [];
  const shown = new Set<string>();
  for (const id of [...chosen.mims].sort(compareNodeIds)) {
    const expansion = expansions.get(id);
    nodes.push({ ...mimNodes.get(id)!, ...(expansion ? { expanded: true } : {}) });
    shown.add(id);
    if (!expansion) continue;
    for (const n of expansion.nodes) {
      if (chosen.folded && n.kind === 'requirement') continue;
      nodes.push(n);
      shown.add(n.id);
    }
    for (const e of expansion.edges) raw.push(chosen.folded ? foldEdge(e, expansion) : e);
  }
  /** Where a reference lands: its element when that is shown, else the element's capability, else the MIM. */
  const endpoint = (mim: string, element: string | undefined): string => {
    if (element === undefined) return mim;
    const expansion = expansions.get(mim);
    const at = chosen.folded ? (expansion?.capabilityOf.get(element) ?? element) : element;
    return shown.has(at) ? at : mim;
  };
  for (const l of links) {
    if (!chosen.mims.has(l.from) || !chosen.mims.has(l.to)) continue;
    const fromExpansion = expansions.get(l.from);
    const from = endpoint(l.from, fromExpansion?.elementAt(l.ref.file, l.ref.range));
    const to = expansions.has(l.to) ? endpoint(l.to, l.key) : l.to;
    raw.push({ from, to, kind: l.kind, source: sourceOf(l.ref.file, l.ref.range) });
  }
  const edges = aggregate(raw.filter((e) => e.from !== e.to));
  return { nodes, edges, ...(chosen.truncated ? { truncated: chosen.truncated } : {}) };
}

/** An edge of an expansion drawn with requirements folded into their capabilities. */
function foldEdge(e: RawEdge, expansion: Expansion): RawEdge {
  return { ...e, to: expansion.capabilityOf.get(e.to) ?? e.to, from: expansion.capabilityOf.get(e.from) ?? e.from };
}

export type { Expansion, GraphLimits, MimElement };
