import type { DocumentModel } from '../model/document.js';
import type { IdRef, MimElement } from '../model/elements.js';
import { globalKey } from '../model/ids.js';
import type { Mim } from '../model/mim.js';

/** A reference with the symbol-table key it points at (`MIM0.R1.1`, or `MIM0` for a whole MIM). */
export interface ResolvedRef {
  ref: IdRef;
  /** The MIM the reference is read in: its own document's MIM. */
  from?: Mim;
  /** The MIM it names, explicitly or as the MIM it is written in. */
  mimId?: string;
  key?: string;
}

/**
 * The symbol table of global ids and the reference graph, rebuilt from the MIMs whenever the
 * grouping changes. Building it is a linear pass over already-parsed models.
 */
export class SymbolIndex {
  readonly byId = new Map<string, Mim[]>();
  readonly mimOfFile = new Map<string, Mim>();
  readonly elements = new Map<string, MimElement[]>();
  readonly refs: ResolvedRef[] = [];
  readonly refsByKey = new Map<string, ResolvedRef[]>();

  constructor(
    readonly mims: readonly Mim[],
    readonly documents: ReadonlyMap<string, DocumentModel>,
  ) {
    for (const mim of mims) {
      push(this.byId, mim.id, mim);
      for (const d of mim.documents) this.mimOfFile.set(d.file, mim);
      const all: MimElement[] = [...mim.capabilities, ...mim.requirements, ...mim.mechanisms, ...mim.guidance, ...mim.tests];
      for (const e of all) if (e.id) push(this.elements, globalKey(mim.id, e.id), e);
    }
    for (const doc of documents.values()) {
      const from = this.mimOfFile.get(doc.file);
      for (const ref of doc.refs) {
        const resolved = this.resolve(ref, from);
        this.refs.push(resolved);
        if (resolved.key) push(this.refsByKey, resolved.key, resolved);
      }
    }
  }

  resolve(ref: IdRef, from: Mim | undefined): ResolvedRef {
    const mimId = ref.mim ?? from?.id;
    if (!mimId) return { ref, from };
    const key = ref.target ? globalKey(mimId, ref.target.id) : ref.mim ? mimId : undefined;
    return { ref, from, mimId, key };
  }

  /** The elements a key names (several when an id is duplicated). */
  lookup(key: string): MimElement[] {
    return this.elements.get(key) ?? [];
  }

  mimOf(file: string): Mim | undefined {
    return this.mimOfFile.get(file);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
