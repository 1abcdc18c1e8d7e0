import type { DocumentModel } from '../model/document.js';
import type { ProjectConfig } from '../config/project-config.js';
import { IndexCaches } from '../query/index-caches.js';
import { SymbolIndex } from '../query/symbol-index.js';
import { groupAll, regroup, type DocumentChange, type Grouping } from './grouping.js';

/** Past this many changes, grouping everything again costs about what regrouping them does. */
const MAX_CHANGES = 512;

/** What grouping reads of the workspace besides its documents. */
export interface IndexContext {
  configFor(file: string): ProjectConfig;
  roots: readonly string[];
  documentsUnder(dir: string): readonly DocumentModel[];
}

/**
 * Builds a workspace's successive indexes. After some documents changed (a scan's reads, an
 * edit), only the MIMs they left or joined are built again (`regroup`) and the documents that
 * name each MIM are carried over from the last index. A scan keeps the grouping up with its
 * reads (`refresh`, between two of its slices): an index asked for meanwhile costs what the
 * last slice read, not what the scan has read so far. Owns the `IndexCaches` they share.
 */
export class IndexBuilder {
  private readonly caches: IndexCaches;
  private grouping: Grouping | undefined;
  private last: SymbolIndex | undefined;
  /** The documents changed since the grouping; undefined when only grouping everything tells (a config changed). */
  private sinceGrouping: DocumentChange[] | undefined = [];
  /** The documents changed since the last index, for what it carries over; undefined when too many did. */
  private sinceIndex: DocumentChange[] | undefined = [];

  /** @param keepTraces see `IndexCaches`: a workspace checked once keeps none. */
  constructor(keepTraces = true) {
    this.caches = new IndexCaches(keepTraces);
  }

  /** A document came, went or changed; none given: anything may have (configs, settings). */
  changed(change?: DocumentChange): void {
    this.sinceGrouping = change && this.sinceGrouping && this.grouping ? more(this.sinceGrouping, change) : undefined;
    if (!this.last) return;
    this.sinceIndex = change && this.sinceIndex ? more(this.sinceIndex, change) : undefined;
  }

  /** Groups the documents as they are now, from the last grouping and what changed since where it can. */
  refresh(docs: ReadonlyMap<string, DocumentModel>, ctx: IndexContext): Grouping {
    const changes = this.sinceGrouping;
    if (this.grouping && changes?.length === 0) return this.grouping;
    let grouping = this.grouping && changes ? regroup(this.grouping, changes, ctx) : undefined;
    // Path order, not the order reads finished: findings and "first definition" must not vary between runs.
    grouping ??= groupAll({
      documents: [...docs.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
      configFor: ctx.configFor,
      roots: ctx.roots,
      previous: this.grouping?.mims,
    });
    this.grouping = grouping;
    this.sinceGrouping = [];
    return grouping;
  }

  build(docs: ReadonlyMap<string, DocumentModel>, ctx: IndexContext): SymbolIndex {
    const grouping = this.refresh(docs, ctx);
    const changes = this.sinceIndex;
    const previous = this.last && changes ? { index: this.last, changes } : undefined;
    const index = new SymbolIndex(grouping.mims, docs, this.caches, previous);
    this.last = index;
    this.sinceIndex = [];
    return index;
  }
}

function more(list: DocumentChange[], change: DocumentChange): DocumentChange[] | undefined {
  if (list.length >= MAX_CHANGES) return undefined;
  list.push(change);
  return list;
}
