import type { DocumentModel } from '../model/document.js';
import type { IdRef, MimElement } from '../model/elements.js';
import { parseLocalId } from '../model/ids.js';
import type { Mim } from '../model/mim.js';
import { stripInvisibles } from '../parse/text/invisible.js';
import { OwnTrace } from './own-trace.js';
import type { ResolvedRef } from './index-view.js';

/**
 * What the indexes built one after another over a workspace reuse: each MIM's own table of
 * local ids and its trace, and each document's resolved references, kept with the MIM and
 * document objects they come from (those objects are reused while their files are unchanged,
 * which keeps re-validation cheap). Whoever builds the indexes owns one and hands it to each of them, so
 * the caches live exactly as long as their owner and two workspaces in one process share none.
 */
export class IndexCaches {
  /** Each MIM's own table, built once per MIM object: it depends on nothing else. */
  private readonly tables = new WeakMap<Mim, OwnTable>();
  // Lookups come in runs for one MIM (a document's references mostly name its own): the last table is kept at hand.
  private lastMim: Mim | undefined;
  private lastTable: OwnTable | undefined;
  /** Each MIM's trace, made once per MIM object where traces are kept: it depends on nothing else. */
  private readonly traces = new WeakMap<Mim, OwnTrace>();
  /** A document's references resolved in its MIM; valid while the document and its MIM object are the same (refs point at that MIM). */
  private readonly resolved = new WeakMap<DocumentModel, { mim: Mim | undefined; refs: ResolvedRef[] }>();
  /** A document's references that name a MIM as written, by that MIM: they depend on the document alone. */
  private readonly named = new WeakMap<DocumentModel, Map<string, IdRef[]>>();

  /**
   * @param keepTraces whether each MIM's trace is kept for the next reading: a workspace
   * checked once reads each part of it once (a rule each), and keeping them would only give
   * the collector more to move.
   */
  constructor(private readonly keepTraces = true) {}

  /** The elements of one MIM under a local id (several when the id is duplicated); undefined when none has it. */
  ownElements(mim: Mim, localId: string): MimElement[] | undefined {
    let table = mim === this.lastMim ? this.lastTable : this.tables.get(mim);
    if (!table) {
      table = buildTable(mim);
      this.tables.set(mim, table);
    }
    this.lastMim = mim;
    this.lastTable = table;
    const found = table.get(localId);
    return found === undefined || Array.isArray(found) ? found : [found];
  }

  /** A MIM's trace (own-trace.ts): the one made before for the same MIM object, where traces are kept. */
  ownTrace(mim: Mim): OwnTrace {
    let trace = this.traces.get(mim);
    if (!trace) {
      trace = new OwnTrace(mim, (m, id) => this.ownElements(m, id));
      if (this.keepTraces) this.traces.set(mim, trace);
    }
    return trace;
  }

  /** A document's references resolved in `from`, its MIM: as resolved before while both are the same objects. */
  resolvedRefs(doc: DocumentModel, from: Mim | undefined, resolve: () => ResolvedRef[]): ResolvedRef[] {
    const hit = this.resolved.get(doc);
    if (hit && hit.mim === from) return hit.refs;
    const refs = resolve();
    this.resolved.set(doc, { mim: from, refs });
    return refs;
  }

  /** The references of a document that name a MIM (`MIM7.R1.1`, `MIM7`), by the MIM they name. */
  namedRefs(doc: DocumentModel): ReadonlyMap<string, IdRef[]> {
    let named = this.named.get(doc);
    if (!named) {
      named = new Map();
      for (const r of doc.refs) if (r.mim) push(named, r.mim, r);
      this.named.set(doc, named);
    }
    return named;
  }
}

/**
 * A MIM's elements by local id. An id held once (nearly every one) maps to its element, not to
 * a list of one: the tables hold every element of the workspace, and a list costs 56 bytes more.
 */
type OwnTable = Map<string, MimElement | MimElement[]>;

function add(table: OwnTable, id: string, e: MimElement): void {
  const held = table.get(id);
  if (held === undefined) table.set(id, e);
  else if (Array.isArray(held)) held.push(e);
  else table.set(id, [held, e]);
}

function buildTable(mim: Mim): OwnTable {
  const table: OwnTable = new Map();
  const all: MimElement[] = [
    ...mim.capabilities,
    ...mim.requirements,
    ...mim.mechanisms,
    ...mim.guidance,
    ...mim.tests,
  ];
  for (const e of all) if (e.id) add(table, e.id, e);
  // A reference written the way a malformed id is written (`R.1`, read flat as R1) names that
  // element, which is read as the id it was meant to be (R1.1 under C1). An element really
  // numbered R1 comes first.
  const aliases: OwnTable = new Map();
  for (const e of all) {
    const written = e.malformed ? parseLocalId(stripInvisibles(e.rawId)) : undefined;
    if (written && written.kind === e.kind && written.id !== e.id) add(aliases, written.id, e);
  }
  for (const [written, elements] of aliases) if (!table.has(written)) table.set(written, elements);
  return table;
}

/** Adds a value to the list under its key. */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
