import type { MimGraph } from '../query/mim-graph.js';
import { edgeSummary } from './graph-svg.js';

/** A DOT string: quotes and backslashes escaped, line breaks as `\n`, so no text leaves its string. */
function dotString(text: string): string {
  return `"${text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\r?\n|\r/g, '\\n')}"`;
}

const SHAPE: Record<string, string> = {
  mim: 'style=solid',
  registry: 'style=dashed',
  unknown: 'style=dotted',
  capability: 'style=rounded',
  requirement: 'style=solid',
  mechanism: 'style=bold',
};

/** The graph in Graphviz's DOT language, for other tools to lay out. */
export function renderGraphDot(graph: MimGraph): string {
  const lines = ['digraph mims {', '  rankdir=LR;', '  node [shape=box];'];
  for (const n of graph.nodes) {
    const label = n.title ? `${n.label}\n${n.title}` : n.label;
    lines.push(`  ${dotString(n.id)} [label=${dotString(label)}, ${SHAPE[n.kind]}];`);
  }
  for (const e of graph.edges) {
    const label = e.kinds.contains && e.count === 1 ? '' : `label=${dotString(String(e.count))}, `;
    lines.push(`  ${dotString(e.from)} -> ${dotString(e.to)} [${label}tooltip=${dotString(edgeSummary(e))}];`);
  }
  lines.push('}', '');
  return lines.join('\n');
}
