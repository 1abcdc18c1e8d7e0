import type { Capability, Mechanism, Requirement } from '../model/elements.js';
import { globalKey } from '../model/ids.js';
import type { Mim } from '../model/mim.js';
import type { Range } from '../model/range.js';
import type { GraphEdgeKind, GraphNode, GraphSource } from './mim-graph-types.js';
import type { SymbolIndex } from './symbol-index.js';

/** One MIM drawn with its elements. */
export interface Expansion {
  nodes: GraphNode[];
  edges: { from: string; to: string; kind: GraphEdgeKind; source?: GraphSource }[];
  /** For each requirement node, the node it folds into when requirements are not drawn: its capability, else the MIM. */
  capabilityOf: ReadonlyMap<string, string>;
  /** The node of the innermost element whose extent holds a place of the MIM's text, if one is drawn. */
  elementAt(file: string, range: Range): string | undefined;
  /** Internal edges counted when the MIM is chosen (for the limits). */
  readonly edgeCount: number;
}

type Drawn = Capability | Requirement | Mechanism;

/** The capabilities, requirements and mechanisms of a MIM, with `contains` and local `satisfies` edges. */
export function expandMim(index: SymbolIndex, mim: Mim): Expansion {
  const nodes: GraphNode[] = [];
  const edges: Expansion['edges'] = [];
  const capabilityOf = new Map<string, string>();
  const placed: { element: Drawn; node: string }[] = [];
  const seen = new Set<string>();
  const add = (element: Drawn): string | undefined => {
    const id = globalKey(mim.id, element.id);
    if (seen.has(id)) return undefined;
    seen.add(id);
    const title = element.kind === 'requirement' ? element.text : element.title;
    nodes.push({
      id,
      kind: element.kind,
      label: element.id,
      title: title || undefined,
      mim: mim.id,
      source: { file: element.file, line: element.idRange.start.line },
    });
    placed.push({ element, node: id });
    return id;
  };
  for (const c of mim.capabilities) {
    const cap = add(c);
    if (cap) edges.push({ from: mim.id, to: cap, kind: 'contains' });
  }
  for (const r of mim.requirements) {
    const req = add(r);
    if (!req) continue;
    const cap = r.capability !== undefined ? globalKey(mim.id, r.capability) : undefined;
    const parent = cap !== undefined && seen.has(cap) ? cap : mim.id;
    capabilityOf.set(req, parent);
    edges.push({ from: parent, to: req, kind: 'contains' });
  }
  for (const m of mim.mechanisms) {
    const mech = add(m);
    if (!mech) continue;
    edges.push({ from: mim.id, to: mech, kind: 'contains' });
    for (const row of m.satisfies) {
      const r = index.resolve(row.ref, mim);
      // References to other MIMs are drawn with the links between MIMs, once.
      if (r.mimId !== mim.id || r.key === undefined || !seen.has(r.key)) continue;
      edges.push({ from: mech, to: r.key, kind: 'satisfies', source: { file: row.file, line: row.range.start.line } });
    }
  }
  const byFile = new Map<string, { element: Drawn; node: string }[]>();
  for (const p of placed) {
    const list = byFile.get(p.element.file);
    if (list) list.push(p);
    else byFile.set(p.element.file, [p]);
  }
  return {
    nodes,
    edges,
    capabilityOf,
    edgeCount: edges.length,
    elementAt(file, range) {
      let best: { node: string; size: number } | undefined;
      for (const p of byFile.get(file) ?? []) {
        const r = p.element.range;
        if (!holds(r, range)) continue;
        const size = r.end.line - r.start.line;
        if (!best || size <= best.size) best = { node: p.node, size };
      }
      return best?.node;
    },
  };
}

function holds(outer: Range, inner: Range): boolean {
  const a = outer.start;
  const b = outer.end;
  const s = inner.start;
  if (s.line < a.line || (s.line === a.line && s.character < a.character)) return false;
  return s.line < b.line || (s.line === b.line && s.character <= b.character);
}
