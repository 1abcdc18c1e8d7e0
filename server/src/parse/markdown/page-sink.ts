import type { DocumentModel } from '../../model/document.js';
import type { LineIndex } from '../../model/range.js';

/**
 * What every part of the page reader writes to: the document being built and its line index.
 * Each part takes the reader through an interface that extends this one with only what that
 * part reads, so the parts know nothing of the walk and import nothing of the reader.
 */
export interface PageSink {
  readonly doc: DocumentModel;
  readonly lineIndex: LineIndex;
}
