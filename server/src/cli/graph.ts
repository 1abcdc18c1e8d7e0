import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { buildMimGraph, type MimGraph } from '../query/mim-graph.js';
import { renderGraphDot } from '../render/graph-dot.js';
import { renderGraphSvg } from '../render/graph-svg.js';
import { runCommand } from './command.js';
import { readArgs } from './read-args.js';
import { scanPaths } from './scan.js';

const FORMATS = ['svg', 'json', 'dot'] as const;
type GraphFormat = (typeof FORMATS)[number];

export interface GraphArgs {
  paths: string[];
  format: GraphFormat;
  focus?: string;
  expand: string[];
  out?: string;
  config?: string;
}

/** `mimspec graph PATH... [--focus MIM2] [--expand MIM2,...] [--format svg|json|dot] [-o FILE]`; exit 0, or 2 on bad usage or failure. */
export async function runGraph(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  return runCommand(argv, out, err, parseGraphArgs, (args) => runGraphWith(args, out, err));
}

async function runGraphWith(args: GraphArgs, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const scanned = await scanPaths(args.paths, args.config, err);
  if (!scanned) return 2;
  const { ws, rel } = scanned;
  // A registry MIM that the workspace names may be the focus too: the graph then shows who names it.
  const focus = args.focus;
  if (focus !== undefined && !ws.index.byId.has(focus) && !ws.index.refs.some((r) => r.ref.mim === focus)) {
    err(`mimspec: --focus ${focus}: no MIM of that number in ${args.paths.join(' ')}, nor named there\n`);
    return 2;
  }
  const unknown = args.expand.filter((id) => !ws.index.byId.has(id));
  if (unknown.length > 0) {
    err(`mimspec: --expand ${unknown.join(',')}: no MIM of that number in ${args.paths.join(' ')}\n`);
    return 2;
  }
  const graph = buildMimGraph(ws.index, (f) => ws.registryFor(f), { focus: args.focus, expand: args.expand });
  const text =
    args.format === 'json'
      ? `${JSON.stringify(relativeGraph(graph, rel), null, 2)}\n`
      : args.format === 'dot'
        ? renderGraphDot(graph)
        : renderGraphSvg(graph, { uriOf: (f) => pathToFileURL(f).href });
  if (graph.truncated) err(`mimspec: ${graph.truncated}\n`);
  if (args.out === undefined) {
    out(text);
    return 0;
  }
  try {
    writeFileSync(args.out, text);
  } catch (e) {
    err(`mimspec: cannot write ${args.out}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  out(`${args.out}: ${graph.nodes.length} boxes, ${graph.edges.length} arrows\n`);
  return 0;
}

/** The graph with its files relative to the current folder, as the other commands name them. */
function relativeGraph(graph: MimGraph, rel: (file: string) => string): MimGraph {
  const src = <T extends { source?: { file: string; line: number } }>(x: T): T =>
    x.source ? { ...x, source: { ...x.source, file: rel(x.source.file) } } : x;
  return { ...graph, nodes: graph.nodes.map(src), edges: graph.edges.map(src) };
}

/** The arguments of `graph`, or what is wrong with them. */
export function parseGraphArgs(argv: string[]): GraphArgs | string {
  const args: GraphArgs = { paths: [], format: 'svg', expand: [] };
  for (const { arg: a, flag, value } of readArgs(argv)) {
    if (flag === '--format' || flag === '-f') {
      const v = value();
      if (!FORMATS.includes(v as GraphFormat)) return `--format takes svg, json or dot${v ? `, not '${v}'` : ''}`;
      args.format = v as GraphFormat;
    } else if (flag === '--focus') {
      const v = value();
      if (!v) return '--focus takes a MIM number, e.g. MIM2';
      args.focus = v;
    } else if (flag === '--expand') {
      const v = value();
      if (!v) return '--expand takes MIM numbers, e.g. MIM2,MIM7';
      args.expand.push(
        ...v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      );
    } else if (flag === '--output' || flag === '-o') {
      const v = value();
      if (!v) return `${flag} takes a file`;
      args.out = v;
    } else if (flag === '--config' || flag === '-c') {
      const v = value();
      if (!v) return '--config takes a file';
      args.config = v;
    } else if (a.startsWith('-')) return `unknown option '${a}'`;
    else args.paths.push(a);
  }
  if (args.paths.length === 0) args.paths.push('.');
  return args;
}
