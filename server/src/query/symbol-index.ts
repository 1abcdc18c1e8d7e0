import type { DocumentModel } from '../model/document.js';
import type { IdRef, MimElement } from '../model/elements.js';
import { globalKey } from '../model/ids.js';
import { compareRanges } from '../model/range.js';
import type { Mim } from '../model/mim.js';
import { type IndexCaches, push } from './index-caches.js';
import { titleKey, type IndexView, type ResolvedRef } from './index-view.js';
import type { OwnTrace } from './own-trace.js';

const NONE: readonly MimElement[] = Object.freeze([]);
const NONE_MIMS: readonly Mim[] = Object.freeze([]);

/** Places in path order (code points), then by range: the same on every machine, whatever order the files were read in. */
function byPlace(a: ResolvedRef, b: ResolvedRef): number {
  return a.ref.file < b.ref.file ? -1 : a.ref.file > b.ref.file ? 1 : compareRanges(a.ref.range, b.ref.range);
}

/**
 * The symbol table of global ids and the reference graph. Rebuilt after every change, but
 * cheaply: the per-MIM id tables and per-document resolved references are kept in the
 * `IndexCaches` its builder hands it, with the objects they come from. The references are
 * gathered only when asked for, and one MIM at a time (`refsInto`): what an answer about one
 * element needs costs as much as that MIM and the documents that name it, whatever the size of
 * the workspace, and however much of it is read yet.
 */
export class SymbolIndex implements IndexView {
  readonly byId = new Map<string, Mim[]>();
  readonly mimOfFile = new Map<string, Mim>();
  private all: ResolvedRef[] | undefined;
  /** The documents that name each MIM as written, built at the first question about any MIM. */
  private naming: Map<string, DocumentModel[]> | undefined;
  private readonly into = new Map<string, Map<string, ResolvedRef[]>>();
  /** The known MIMs by the titles their own pages give them, built at the first question. */
  private titles: Map<string, Mim[]> | undefined;

  constructor(
    readonly mims: readonly Mim[],
    readonly documents: ReadonlyMap<string, DocumentModel>,
    private readonly caches: IndexCaches,
    /** The index before some documents changed, and those changes: what it found of the others is kept. */
    previous?: { index: SymbolIndex; changes: readonly { before?: DocumentModel; after?: DocumentModel }[] },
  ) {
    for (const mim of mims) {
      push(this.byId, mim.id, mim);
      for (const d of mim.documents) this.mimOfFile.set(d.file, mim);
    }
    if (previous?.index.naming) this.naming = namingAfter(previous.index.naming, previous.changes, caches);
  }

  resolve(ref: IdRef, from: Mim | undefined): ResolvedRef {
    const mimId = ref.mim ?? from?.id;
    if (!mimId) return { ref, from };
    const own = from !== undefined && mimId === from.id;
    const key = ref.target
      ? globalKey(mimId, own ? this.ownId(from, ref.target.id) : ref.target.id)
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
    if (mims.length === 1) return this.caches.ownElements(mims[0], local) ?? [];
    return mims.flatMap((m) => this.caches.ownElements(m, local) ?? []);
  }

  ownElements(mim: Mim, localId: string): readonly MimElement[] {
    return this.caches.ownElements(mim, localId) ?? NONE;
  }

  ownTrace(mim: Mim): OwnTrace {
    return this.caches.ownTrace(mim);
  }

  /** The id a local id names in a MIM: itself, or, written as a malformed id is written, the id that element is read as. */
  ownId(mim: Mim, localId: string): string {
    const found = this.caches.ownElements(mim, localId);
    const id = found?.[0].id;
    return id !== undefined && id !== localId && found!.every((e) => e.id === id) ? id : localId;
  }

  mimOf(file: string): Mim | undefined {
    return this.mimOfFile.get(file);
  }

  titled(title: string): readonly Mim[] {
    if (!this.titles) {
      this.titles = new Map();
      for (const mim of this.mims) {
        if (!mim.known) continue;
        const own = new Set(mim.identity.flatMap((c) => (c.title && c.mim === mim.id ? [titleKey(c.title)] : [])));
        for (const key of own) push(this.titles, key, mim);
      }
    }
    return this.titles.get(titleKey(title)) ?? NONE_MIMS;
  }

  /** The references of one document, resolved. */
  refsOf(doc: DocumentModel): ResolvedRef[] {
    const from = this.mimOfFile.get(doc.file);
    return this.caches.resolvedRefs(doc, from, () => doc.refs.map((r) => this.resolve(r, from)));
  }

  /** Every reference of the workspace. */
  get refs(): readonly ResolvedRef[] {
    if (!this.all) {
      this.all = [];
      for (const doc of this.documents.values()) for (const r of this.refsOf(doc)) this.all.push(r);
    }
    return this.all;
  }

  /**
   * The references that resolve to a MIM with this id or to an element of it, by the key they
   * resolve to (`MIM7.R1.1`, or `MIM7` for the whole MIM), each list by place: those read in
   * the MIM (local ids, and its own global ids, which may be aliases), and those read elsewhere
   * that name the MIM as written. The id is given apart from the keys because a MIM known by
   * its folder alone has an id that may hold dots.
   */
  refsInto(mimId: string): ReadonlyMap<string, readonly ResolvedRef[]> {
    let byKey = this.into.get(mimId);
    if (!byKey) {
      byKey = new Map();
      const add = (r: ResolvedRef) => {
        if (r.mimId === mimId && r.key) push(byKey!, r.key, r);
      };
      for (const mim of this.byId.get(mimId) ?? []) for (const doc of mim.documents) this.refsOf(doc).forEach(add);
      for (const doc of this.documentsNaming().get(mimId) ?? []) {
        const from = this.mimOfFile.get(doc.file);
        if (from?.id === mimId) continue;
        for (const ref of this.caches.namedRefs(doc).get(mimId)!) add(this.resolve(ref, from));
      }
      for (const list of byKey.values()) list.sort(byPlace);
      this.into.set(mimId, byKey);
    }
    return byKey;
  }

  private documentsNaming(): Map<string, DocumentModel[]> {
    if (!this.naming) {
      this.naming = new Map();
      for (const doc of this.documents.values())
        for (const mimId of this.caches.namedRefs(doc).keys()) push(this.naming, mimId, doc);
    }
    return this.naming;
  }
}

/**
 * The documents that name each MIM, after some documents changed: those of the other documents
 * are kept, so that an index built after each read of a scan or each edit does not go through
 * every document again. The lists' order does not matter: `refsInto` sorts what it gathers.
 */
function namingAfter(
  naming: ReadonlyMap<string, DocumentModel[]>,
  changes: readonly { before?: DocumentModel; after?: DocumentModel }[],
  caches: IndexCaches,
): Map<string, DocumentModel[]> {
  const out = new Map(naming);
  const copied = new Set<string>();
  const listOf = (mimId: string) => {
    if (!copied.has(mimId)) {
      copied.add(mimId);
      out.set(mimId, [...(out.get(mimId) ?? [])]);
    }
    return out.get(mimId)!;
  };
  for (const { before, after } of changes) {
    if (before)
      for (const mimId of caches.namedRefs(before).keys()) {
        const list = listOf(mimId);
        const at = list.indexOf(before);
        if (at >= 0) list.splice(at, 1);
      }
    // Once only: the lists may have been gathered after some of these changes (from the live documents).
    if (after)
      for (const mimId of caches.namedRefs(after).keys()) {
        const list = listOf(mimId);
        if (!list.includes(after)) list.push(after);
      }
  }
  for (const mimId of copied) if (out.get(mimId)!.length === 0) out.delete(mimId);
  return out;
}
