import type { GraphEdge, GraphEdgeKind, MimGraph } from '../query/mim-graph.js';
import { layoutGraph, LINE_HEIGHT, type PlacedNode } from './graph-layout.js';
import { GRAPH_CSS } from './graph-style.js';

export interface GraphSvgOptions {
  /** The URI a node's file is opened by (the fronts' own conversion of an engine path). */
  uriOf: (file: string) => string;
  /** Put the stylesheet in the SVG (a saved file); a view that serves `GRAPH_CSS` itself leaves it out. */
  style?: boolean;
}

/** Characters XML does not allow at all: a title holding one would make the whole SVG unreadable. */
const NOT_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text for an SVG element or a quoted attribute: nothing in it can open a tag or end the quotes. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The MIM of a node id: `MIM7.R1.2` → `MIM7`. */
const mimOfNode = (id: string) => id.split('.')[0];

const num = (n: number) => String(Math.round(n * 10) / 10);

const KIND_WORDS: Record<GraphEdgeKind, [string, string]> = {
  prose: ['mention in prose', 'mentions in prose'],
  id: ['global id', 'global ids'],
  seeAlso: ['seeAlso', 'seeAlso'],
  satisfies: ['satisfies', 'satisfies'],
  covers: ['covers', 'covers'],
  link: ['link', 'links'],
  resource: ['resource descriptor', 'resource descriptors'],
  contains: ['contains', 'contains'],
};

/** The kind most of an edge's references are, which gives the arrow its class. */
function mainKind(e: GraphEdge): GraphEdgeKind {
  let best: GraphEdgeKind = 'prose';
  let most = -1;
  for (const [kind, n] of Object.entries(e.kinds) as [GraphEdgeKind, number][]) {
    if (n > most) [best, most] = [kind, n];
  }
  return best;
}

/** `MIM8 → MIM7: 2 global ids, 1 seeAlso`. */
export function edgeSummary(e: GraphEdge): string {
  const parts = (Object.entries(e.kinds) as [GraphEdgeKind, number][]).map(
    ([kind, n]) => `${n} ${KIND_WORDS[kind][n === 1 ? 0 : 1]}`,
  );
  return `${e.from} → ${e.to}: ${parts.join(', ')}`;
}

/**
 * The graph as an SVG document: a `<g class="node">` per box carrying its id, the file URI and
 * 0-based line of its source, and `data-expand` on a MIM that can be expanded; a `<g
 * class="edge">` per arrow with the number of references it stands for. All text escaped.
 */
export function renderGraphSvg(graph: MimGraph, options: GraphSvgOptions): string {
  const layout = layoutGraph(graph);
  const out: string[] = [];
  const empty = layout.nodes.length === 0;
  const w = num(empty ? 200 : layout.width);
  const h = num(empty ? 40 : layout.height);
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="mim-graph" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="MIM graph">`,
  );
  if (options.style !== false) out.push(`<style>\n${GRAPH_CSS}</style>`);
  out.push(
    '<defs><marker id="mim-graph-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z"/></marker></defs>',
  );
  for (const placed of layout.edges) {
    const e = graph.edges[placed.index];
    const pts = placed.points;
    if (pts.length === 0) continue;
    const d = pts.map((p, i) => `${i === 0 ? 'M' : 'L'}${num(p.x)},${num(p.y)}`).join('');
    const attrs = `class="edge edge-${mainKind(e)}" data-from="${escapeXml(e.from)}" data-to="${escapeXml(e.to)}"`;
    const source = e.source
      ? ` data-uri="${escapeXml(options.uriOf(e.source.file))}" data-line="${e.source.line}"`
      : '';
    out.push(`<g ${attrs}${source}><title>${escapeXml(edgeSummary(e))}</title>`);
    out.push(`<path d="${d}" marker-end="url(#mim-graph-arrow)"/>`);
    // Counts on the arrows between MIMs; inside an expanded MIM, only where an arrow stands for several references.
    if (e.count > 1 || mimOfNode(e.from) !== mimOfNode(e.to)) {
      const mid = pts[Math.floor(pts.length / 2)];
      const text = String(e.count);
      const bw = text.length * 7 + 6;
      out.push(
        `<rect class="count-bg" x="${num(mid.x - bw / 2)}" y="${num(mid.y - 7)}" width="${bw}" height="14" rx="3"/>` +
          `<text class="count" x="${num(mid.x)}" y="${num(mid.y + 4)}">${text}</text>`,
      );
    }
    out.push('</g>');
  }
  for (const placed of layout.nodes) out.push(nodeSvg(placed, options));
  if (empty) out.push('<text class="empty" x="12" y="24">No MIM found.</text>');
  out.push('</svg>\n');
  return out.join('\n');
}

function nodeSvg(p: PlacedNode, options: GraphSvgOptions): string {
  const n = p.node;
  let attrs = `class="node node-${n.kind}${n.expanded ? ' expanded' : ''}" data-id="${escapeXml(n.id)}"`;
  if (n.source) attrs += ` data-uri="${escapeXml(options.uriOf(n.source.file))}" data-line="${n.source.line}"`;
  if (n.expandable) attrs += ` data-expand="${escapeXml(n.id)}"`;
  const left = p.x - p.width / 2;
  const top = p.y - p.height / 2;
  const tip = n.title ? `${n.label}: ${n.title}` : n.label;
  const lines = [
    `<g ${attrs}><title>${escapeXml(tip)}</title>`,
    `<rect x="${num(left)}" y="${num(top)}" width="${num(p.width)}" height="${num(p.height)}" rx="4"/>`,
    `<text class="label" x="${num(left + 10)}" y="${num(top + 5 + LINE_HEIGHT - 4)}">${escapeXml(n.label)}</text>`,
  ];
  if (p.shownTitle) {
    lines.push(
      `<text class="title" x="${num(left + 10)}" y="${num(top + 5 + 2 * LINE_HEIGHT - 4)}">${escapeXml(p.shownTitle)}</text>`,
    );
  }
  lines.push('</g>');
  return lines.join('');
}
