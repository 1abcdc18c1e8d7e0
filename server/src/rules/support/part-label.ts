import type { DocumentModel } from '../../model/document.js';
import { partLabel, type PartName } from '../../model/elements.js';

/**
 * How a message names the part at an offset of a page: by the heading that opened it, as
 * written (`Specifications (read as Mechanisms)`); see partLabel.
 */
export function partLabelAt(doc: DocumentModel, part: PartName, offset: number): string {
  let opening: DocumentModel['parts'][number] | undefined;
  for (const p of doc.parts) {
    if (doc.lines.offsetAt(p.range.start) > offset) break;
    opening = p;
  }
  return partLabel(part, opening?.part === part ? opening.title : undefined);
}
