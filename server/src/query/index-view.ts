import type { DocumentModel } from '../model/document.js';
import type { IdRef, MimElement } from '../model/elements.js';
import type { Mim } from '../model/mim.js';
import type { OwnTrace } from './own-trace.js';

// What the rest of the engine reads of an index, apart from the index that builds it
// (symbol-index.ts), so that what it reads (the caches, the trace) needs only this.

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
 * What rules read of the index: the MIMs by id, the elements a global key names, the MIM of a
 * file, and a MIM's own elements under a local id. The index implements it, and so does the
 * rule runner's recorder of reads, so a rule that reached for more would not compile.
 */
export interface IndexView {
  readonly mims: readonly Mim[];
  readonly byId: Pick<ReadonlyMap<string, readonly Mim[]>, 'get' | 'has'>;
  lookup(key: string): readonly MimElement[];
  mimOf(file: string): Mim | undefined;
  /** The elements of one MIM under a local id (several when it is duplicated); read from the MIM itself, not the index. */
  ownElements(mim: Mim, localId: string): readonly MimElement[];
  /** The MIM's requirements with what satisfies and covers each, and its trace references; read from the MIM itself. */
  ownTrace(mim: Mim): OwnTrace;
  /** The known MIMs whose own pages give them a title (compared by `titleKey`), in index order. */
  titled(title: string): readonly Mim[];
}

/** Titles are compared without regard to case or spacing. */
export const titleKey = (title: string) => title.toLowerCase().replace(/\s+/g, ' ').trim();

/** What rules read of the document set. */
export type DocumentsView = Pick<ReadonlyMap<string, DocumentModel>, 'get' | 'has' | 'values' | 'keys' | 'size'>;
