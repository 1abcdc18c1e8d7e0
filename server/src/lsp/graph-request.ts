import type { Connection } from 'vscode-languageserver';
import { buildMimGraph } from '../query/mim-graph.js';
import { renderGraphSvg } from '../render/graph-svg.js';
import type { Workspace } from '../workspace/workspace.js';
import { Requests, type GraphParams, type GraphResult } from '../protocol/views.js';
import { pathToUri, uriToPath } from './uri.js';

export interface GraphDeps {
  workspace(): Workspace;
  /** Resolves once the first scan of the workspace is done. */
  ready(): Promise<void>;
}

/**
 * `mimspec/graph`: the MIMs of the workspace and the references between them as an SVG. The
 * MIM of `uri` is what the graph centres on when the whole workspace is too large to draw.
 */
export function registerGraph(connection: Connection, deps: GraphDeps): void {
  // A view asks again when it is shown or the editor changes: while the index and the question are the same, so is the answer.
  let last: { index: object; key: string; result: GraphResult } | undefined;
  connection.onRequest(Requests.graph, async (params: GraphParams | undefined): Promise<GraphResult> => {
    await deps.ready();
    const ws = deps.workspace();
    const index = ws.index;
    const path = typeof params?.uri === 'string' ? uriToPath(params.uri) : undefined;
    const near = path !== undefined ? index.mimOf(path)?.id : undefined;
    const focus = typeof params?.focus === 'string' ? params.focus : undefined;
    const expand = Array.isArray(params?.expand) ? params.expand.filter((x) => typeof x === 'string') : [];
    const key = JSON.stringify([near, focus, expand]);
    if (last?.index === index && last.key === key) return last.result;
    const graph = buildMimGraph(index, (f) => ws.registryFor(f), { focus, expand, near });
    const result = {
      svg: renderGraphSvg(graph, { uriOf: pathToUri }),
      nodes: graph.nodes.length,
      edges: graph.edges.length,
      ...(graph.truncated ? { truncated: graph.truncated } : {}),
    };
    last = { index, key, result };
    return result;
  });
}
