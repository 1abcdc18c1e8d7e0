import type { DocumentModel } from '../model/document.js';
import { PART_TITLES, type MimElement, type Section } from '../model/elements.js';
import type { Mim } from '../model/mim.js';
import { comparePositions, containsPosition, type Location, type Range, range, rangeBetween } from '../model/range.js';
import { allElements } from '../query/elements.js';
import { basename } from '../base/paths.js';
import type { Workspace } from '../workspace/workspace.js';
import type { IsCancelled } from './references.js';
import { describe, mainDocument } from './support/places.js';
import { topLevelEntryEnd } from './support/yaml-context.js';

export type SymbolKind = 'mim' | 'part' | 'capability' | 'requirement' | 'mechanism' | 'guidance' | 'test' | 'section';

export interface SymbolNode {
  name: string;
  detail?: string;
  kind: SymbolKind;
  /** The whole extent: a section to its end, an element's list item or YAML map. */
  range: Range;
  /** What to highlight: the id, or the heading of a section. */
  selectionRange: Range;
  children: SymbolNode[];
}

const DETAIL_MAX = 100;

function short(text: string | undefined): string | undefined {
  if (!text) return undefined;
  return text.length > DETAIL_MAX ? `${text.slice(0, DETAIL_MAX - 1)}…` : text;
}

function elementNode(e: MimElement, children: SymbolNode[] = []): SymbolNode {
  return { name: e.id, detail: short(describe(e)), kind: e.kind, range: e.range, selectionRange: e.idRange, children };
}

/**
 * The outline of a document: the five parts, the elements in them (C1 › R1.1, M1, G1, T1),
 * and the Markdown sections that hold elements or sit at the top of the page or of a part.
 */
export function documentSymbols(ws: Workspace, file: string): SymbolNode[] {
  const doc = ws.document(file);
  if (!doc) return [];
  if (doc.kind === 'markdown') return markdownSymbols(doc);
  return doc.kind === 'mim-yaml' ? [yamlSymbols(doc)] : [];
}

function markdownSymbols(doc: DocumentModel): SymbolNode[] {
  const headed = new Map<number, MimElement>();
  for (const e of [...doc.capabilities, ...doc.mechanisms, ...doc.guidance, ...doc.tests])
    headed.set(e.idRange.start.line, e);
  const roots: SymbolNode[] = [];
  const stack: { level: number; node: SymbolNode }[] = [];
  for (const s of doc.sections) {
    const node = sectionNode(doc, s, headed.get(s.headingRange.start.line));
    while (stack.length > 0 && stack[stack.length - 1].level >= s.level) stack.pop();
    (stack.length > 0 ? stack[stack.length - 1].node.children : roots).push(node);
    stack.push({ level: s.level, node });
  }
  for (const r of doc.requirements) {
    const node = elementNode(r);
    const home =
      (r.capability &&
        findNode(
          roots,
          (n) => n.kind === 'capability' && n.name === r.capability && containsPosition(n.range, r.range.start),
        )) ||
      innermost(roots, r.range);
    (home ? home.children : roots).push(node);
  }
  return prune(roots, true);
}

function sectionNode(doc: DocumentModel, s: Section, element: MimElement | undefined): SymbolNode {
  if (element) return { ...elementNode(element), range: s.range };
  const line = s.headingRange.start.line;
  const part = doc.parts.find((p) => p.range.start.line === line);
  if (part) {
    const name = PART_TITLES[part.part];
    return {
      name,
      detail: s.title !== name ? s.title : undefined,
      kind: 'part',
      range: s.range,
      selectionRange: s.headingRange,
      children: [],
    };
  }
  const claim = doc.identity.find((c) => c.source === 'h1' && c.range.start.line === line);
  if (claim)
    return {
      name: claim.mim,
      detail: claim.title,
      kind: 'mim',
      range: s.range,
      selectionRange: s.headingRange,
      children: [],
    };
  return { name: s.title, kind: 'section', range: s.range, selectionRange: s.headingRange, children: [] };
}

function findNode(nodes: SymbolNode[], test: (n: SymbolNode) => boolean): SymbolNode | undefined {
  for (const n of nodes) {
    if (test(n)) return n;
    const deeper = findNode(n.children, test);
    if (deeper) return deeper;
  }
  return undefined;
}

function innermost(nodes: SymbolNode[], r: Range): SymbolNode | undefined {
  const n = nodes.find((x) => containsPosition(x.range, r.start));
  return n && (innermost(n.children, r) ?? n);
}

/** Drops sections that hold no element, except at the top of the page or of a part; children in document order. */
function prune(nodes: SymbolNode[], top: boolean): SymbolNode[] {
  const out: SymbolNode[] = [];
  for (const n of nodes) {
    n.children = prune(n.children, n.kind === 'part' || n.kind === 'mim');
    if (n.kind !== 'section' || top || n.children.length > 0) out.push(n);
  }
  return out.sort((a, b) => comparePositions(a.range.start, b.range.start));
}

function yamlSymbols(doc: DocumentModel): SymbolNode {
  const claim = doc.identity[0];
  const end = doc.lines.positionAt(doc.text.length);
  const parts = doc.parts.map((p): SymbolNode => {
    const children =
      p.part === 'capabilities'
        ? doc.capabilities.map((c) =>
            elementNode(
              c,
              c.requirements.map((r) => elementNode(r)),
            ),
          )
        : (p.part === 'mechanisms'
            ? doc.mechanisms
            : p.part === 'guidance'
              ? doc.guidance
              : p.part === 'conformance'
                ? doc.tests
                : []
          ).map((e) => elementNode(e));
    return {
      name: PART_TITLES[p.part],
      kind: 'part',
      range: rangeBetween(p.range.start, topLevelEntryEnd(doc, p.range.start.line)),
      selectionRange: p.range,
      children,
    };
  });
  return {
    name: claim?.mim ?? doc.title ?? basename(doc.file),
    detail: claim ? doc.title : undefined,
    kind: 'mim',
    range: rangeBetween({ line: 0, character: 0 }, end),
    selectionRange: claim?.range ?? range(0, 0, 0, 0),
    children: parts,
  };
}

export interface WorkspaceSymbol {
  name: string;
  kind: SymbolKind;
  detail: string;
  location: Location;
  /** The MIM the symbol belongs to: `MIM7 Geospatial Data`. */
  container: string;
}

export const WORKSPACE_SYMBOLS_MAX = 500;

/**
 * Workspace symbols: MIMs and elements whose id (local or global) or title matches the query,
 * as a case-insensitive substring or, failing that, as a close subsequence (`r11` finds R1.1).
 * Ranked: exact id, id prefix, substring, subsequence; capped at WORKSPACE_SYMBOLS_MAX.
 */
export function workspaceSymbols(ws: Workspace, query: string, isCancelled?: IsCancelled): WorkspaceSymbol[] {
  const q = query.trim().toLowerCase();
  const scored: { score: number; order: number; symbol: WorkspaceSymbol }[] = [];
  const consider = (id: string, global: string, title: string, symbol: () => WorkspaceSymbol) => {
    const score = rank(q, id.toLowerCase(), global.toLowerCase(), title.toLowerCase());
    if (score !== undefined) scored.push({ score, order: scored.length, symbol: symbol() });
  };
  for (const mim of ws.mims()) {
    if (isCancelled?.()) break;
    const container = mim.known ? `${mim.id}${mim.title ? ` ${mim.title}` : ''}` : basename(mim.root);
    const main = mainDocument(mim);
    if (mim.known && main) {
      consider(mim.id, mim.id, mim.title ?? '', () => ({
        name: mim.id,
        kind: 'mim',
        detail: mim.title ?? '',
        location: { file: main.file, range: range(0, 0, 0, 0) },
        container: '',
      }));
    }
    for (const e of allElements(mim)) {
      consider(e.id, globalId(mim, e), describe(e), () => ({
        name: e.id,
        kind: e.kind,
        detail: describe(e),
        location: { file: e.file, range: e.idRange },
        container,
      }));
    }
  }
  scored.sort((a, b) => a.score - b.score || a.order - b.order);
  return scored.slice(0, WORKSPACE_SYMBOLS_MAX).map((s) => s.symbol);
}

function globalId(mim: Mim, e: MimElement): string {
  return mim.known ? `${mim.id}.${e.id}` : e.id;
}

function rank(q: string, id: string, global: string, title: string): number | undefined {
  if (q === '') return 4;
  if (q === id || q === global) return 0;
  if (id.startsWith(q) || global.startsWith(q)) return 1;
  if (id.includes(q) || global.includes(q) || title.includes(q)) return 2;
  return isSubsequence(q, `${global} ${title}`) ? 3 : undefined;
}

/** Whether the query's characters appear in order in a window of the text at most three times its length (`gdcat` in GeoDCAT-AP). */
function isSubsequence(q: string, text: string): boolean {
  for (let start = text.indexOf(q[0]); start >= 0; start = text.indexOf(q[0], start + 1)) {
    let i = 1;
    let j = start + 1;
    for (; j < text.length && i < q.length && j - start < 3 * q.length; j++) if (text[j] === q[i]) i++;
    if (i === q.length) return true;
  }
  return false;
}
