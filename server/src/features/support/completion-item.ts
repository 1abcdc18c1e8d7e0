import type { Range } from '../../model/range.js';

export type CompletionKind = 'id' | 'mim' | 'citation' | 'keyword' | 'snippet' | 'key' | 'value';

/**
 * One completion, in engine terms. Items come in ranking order. A multi-line `insertText`
 * carries the document's own indentation on every line (the front inserts it as is).
 */
export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  detail?: string;
  documentation?: string;
  /** Plain text, or a snippet (`${1:placeholder}`) when `isSnippet`. */
  insertText: string;
  isSnippet: boolean;
  /** The characters the item replaces; it holds the cursor. */
  range: Range;
  /** Set when the replaced text starts with markup (`## `, indentation) that the label does not. */
  filterText?: string;
}
