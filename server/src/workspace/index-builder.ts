import type { DocumentModel } from '../model/document.js';
import type { ProjectConfig } from '../config/project-config.js';
import { IndexCaches } from '../query/index-caches.js';
import { SymbolIndex } from '../query/symbol-index.js';
import { groupAll, regroup, type DocumentChange, type Grouping } from './grouping.js';

/** Past this many changes, grouping everything again costs about what regrouping them does. */
const MAX_CHANGES = 512;

/**
 * Builds a workspace's successive indexes. After some documents changed (a scan's reads, an
 * edit), only the MIMs they left or joined are built again (`regroup`) and the documents that
 * name each MIM are carried over: an index asked for between two reads of a scan costs what
 * those reads changed, not what the scan has read so far. Owns the `IndexCaches` they share.
 */
export class IndexBuilder {
  private readonly caches = new IndexCaches();
  private grouping: Grouping | undefined;
  private last: SymbolIndex | undefined;
  /** The documents changed since the last index; undefined when only grouping everything tells (a config changed). */
  private changes: DocumentChange[] | undefined = [];

  /** A document came, went or changed; none given: anything may have (configs, settings). */
  changed(change?: DocumentChange): void {
    if (change && this.changes && this.changes.length < MAX_CHANGES) this.changes.push(change);
    else this.changes = undefined;
  }

  build(
    docs: ReadonlyMap<string, DocumentModel>,
    ctx: {
      configFor(file: string): ProjectConfig;
      roots: readonly string[];
      documentsUnder(dir: string): readonly DocumentModel[];
    },
  ): SymbolIndex {
    const changes = this.changes;
    let grouping = this.grouping && changes ? regroup(this.grouping, changes, ctx) : undefined;
    // Path order, not the order reads finished: findings and "first definition" must not vary between runs.
    grouping ??= groupAll({
      documents: [...docs.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
      configFor: ctx.configFor,
      roots: ctx.roots,
      previous: this.grouping?.mims,
    });
    const previous = this.last && changes ? { index: this.last, changes } : undefined;
    const index = new SymbolIndex(grouping.mims, docs, this.caches, previous);
    this.grouping = grouping;
    this.last = index;
    this.changes = [];
    return index;
  }
}
