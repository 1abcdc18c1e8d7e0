import type { DocumentModel } from '../model/document.js';
import type { IdRef, MimElement } from '../model/elements.js';
import { globalKey, parseLocalId } from '../model/ids.js';
import type { Mim } from '../model/mim.js';
import { stripInvisibles } from '../parse/text/invisible.js';

/** A reference with the symbol-table key it points at (`MIM0.R1.1`, or `MIM0` for a whole MIM). */
export interface ResolvedRef {
  ref: IdRef;
  /** The MIM the reference is read in: its own document's MIM. */
  from?: Mim;
  /** The MIM it names, explicitly or as the MIM it is written in. */
  mimId?: string;
  key?: string;
}

/** Each MIM's own table of local ids, built once per MIM object (MIMs are reused while their files are unchanged). */
const localTables = new WeakMap<Mim, Map<string, MimElement[]>>();

// Lookups come in runs for one MIM (a document's references mostly name its own): the last table is kept at hand.
let lastMim: Mim | undefined;
let lastTable: Map<string, MimElement[]> | undefined;

function localTable(mim: Mim): Map<string, MimElement[]> {
  if (mim === lastMim) return lastTable!;
  let table = localTables.get(mim);
  if (!table) {
    table = new Map();
    const all: MimElement[] = [
      ...mim.capabilities,
      ...mim.requirements,
      ...mim.mechanisms,
      ...mim.guidance,
      ...mim.tests,
    ];
    for (const e of all) if (e.id) push(table, e.id, e);
    // A reference written the way a malformed id is written (`R.1`, read flat as R1) names that
    // element, which is read as the id it was meant to be (R1.1 under C1). An element really
    // numbered R1 comes first.
    const aliases = new Map<string, MimElement[]>();
    for (const e of all) {
      const written = e.malformed ? parseLocalId(stripInvisibles(e.rawId)) : undefined;
      if (written && written.kind === e.kind && written.id !== e.id) push(aliases, written.id, e);
    }
    for (const [written, elements] of aliases) if (!table.has(written)) table.set(written, elements);
    localTables.set(mim, table);
  }
  lastMim = mim;
  lastTable = table;
  return table;
}

/** The elements of one MIM under a local id (several when it is duplicated); read from the MIM itself, not the index. */
export function ownElements(mim: Mim, localId: string): readonly MimElement[] {
  return localTable(mim).get(localId) ?? NONE;
}

const NONE: readonly MimElement[] = Object.freeze([]);

/** The id a local id names in a MIM: itself, or, written as a malformed id is written, the id that element is read as. */
export function ownId(mim: Mim, localId: string): string {
  const found = localTable(mim).get(localId);
  const id = found?.[0].id;
  return id !== undefined && id !== localId && found!.every((e) => e.id === id) ? id : localId;
}

/** A document's references resolved in its MIM; valid while the document and its MIM object are the same (refs point at that MIM). */
const resolvedByDoc = new WeakMap<DocumentModel, { mim: Mim | undefined; refs: ResolvedRef[] }>();

/**
 * What rules read of the index: the MIMs by id, the elements a global key names, the MIM of a
 * file. The index implements it, and so does the rule runner's recorder of reads, so a rule
 * that reached for more would not compile.
 */
export interface IndexView {
  readonly mims: readonly Mim[];
  readonly byId: Pick<ReadonlyMap<string, readonly Mim[]>, 'get' | 'has'>;
  lookup(key: string): readonly MimElement[];
  mimOf(file: string): Mim | undefined;
}

/** What rules read of the document set. */
export type DocumentsView = Pick<ReadonlyMap<string, DocumentModel>, 'get' | 'has' | 'values' | 'keys' | 'size'>;

/**
 * The symbol table of global ids and the reference graph. Rebuilt after every change, but
 * cheaply: the per-MIM id tables and per-document resolved references are cached with the
 * objects they come from, and the graph of all references is built only when asked for.
 */
export class SymbolIndex implements IndexView {
  readonly byId = new Map<string, Mim[]>();
  readonly mimOfFile = new Map<string, Mim>();
  private graph: { refs: ResolvedRef[]; byKey: Map<string, ResolvedRef[]> } | undefined;

  constructor(
    readonly mims: readonly Mim[],
    readonly documents: ReadonlyMap<string, DocumentModel>,
  ) {
    for (const mim of mims) {
      push(this.byId, mim.id, mim);
      for (const d of mim.documents) this.mimOfFile.set(d.file, mim);
    }
  }

  resolve(ref: IdRef, from: Mim | undefined): ResolvedRef {
    const mimId = ref.mim ?? from?.id;
    if (!mimId) return { ref, from };
    const own = from !== undefined && mimId === from.id;
    const key = ref.target
      ? globalKey(mimId, own ? ownId(from, ref.target.id) : ref.target.id)
      : ref.mim
        ? mimId
        : undefined;
    return { ref, from, mimId, key };
  }

  /** The elements a global key names (several when an id is duplicated). */
  lookup(key: string): MimElement[] {
    const dot = key.indexOf('.');
    if (dot < 0) return [];
    const mims = this.byId.get(key.slice(0, dot));
    if (!mims) return [];
    const local = key.slice(dot + 1);
    if (mims.length === 1) return localTable(mims[0]).get(local) ?? [];
    return mims.flatMap((m) => localTable(m).get(local) ?? []);
  }

  mimOf(file: string): Mim | undefined {
    return this.mimOfFile.get(file);
  }

  /** The references of one document, resolved. */
  refsOf(doc: DocumentModel): ResolvedRef[] {
    const from = this.mimOfFile.get(doc.file);
    const hit = resolvedByDoc.get(doc);
    if (hit && hit.mim === from) return hit.refs;
    const refs = doc.refs.map((r) => this.resolve(r, from));
    resolvedByDoc.set(doc, { mim: from, refs });
    return refs;
  }

  /** Every reference of the workspace. */
  get refs(): readonly ResolvedRef[] {
    return this.referenceGraph().refs;
  }

  /** References by the key they resolve to. */
  get refsByKey(): ReadonlyMap<string, ResolvedRef[]> {
    return this.referenceGraph().byKey;
  }

  private referenceGraph(): { refs: ResolvedRef[]; byKey: Map<string, ResolvedRef[]> } {
    if (!this.graph) {
      const refs: ResolvedRef[] = [];
      const byKey = new Map<string, ResolvedRef[]>();
      for (const doc of this.documents.values()) {
        for (const r of this.refsOf(doc)) {
          refs.push(r);
          if (r.key) push(byKey, r.key, r);
        }
      }
      this.graph = { refs, byKey };
    }
    return this.graph;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
