import type { DocumentModel } from '../../model/document.js';
import type { TextEdit } from '../../model/finding.js';
import { comparePositions, rangeBetween } from '../../model/range.js';
import { decodeAnchor, findAnchor, resolveLink } from '../../query/links.js';
import { parseDocument } from '../../workspace/load-document.js';
import type { Workspace } from '../../workspace/workspace.js';

/** A page's text once the edits of its file are applied. */
function editedText(doc: DocumentModel, edits: readonly TextEdit[]): string {
  const mine = edits
    .filter((e) => e.file === doc.file)
    .map((e) => ({ start: doc.lines.offsetAt(e.range.start), end: doc.lines.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start);
  let text = doc.text;
  for (const e of mine) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  return text;
}

/**
 * The anchor of each heading of the page after each group of edits (the groups applied in
 * turn): the page is read again, so titles, slugs and their `-1` suffixes are the parser's
 * own. Undefined for a group after which the page has other headings than before.
 */
function anchorsAfter(doc: DocumentModel, groups: readonly (readonly TextEdit[])[]): (string[] | undefined)[] {
  const applied: TextEdit[] = [];
  return groups.map((group) => {
    applied.push(...group);
    const next = parseDocument(doc.file, 'markdown', editedText(doc, applied), doc.version);
    return next.sections.length === doc.sections.length ? next.sections.map((s) => s.anchor) : undefined;
  });
}

const overlaps = (a: TextEdit, b: TextEdit) =>
  a.file === b.file &&
  comparePositions(a.range.start, b.range.end) < 0 &&
  comparePositions(b.range.start, a.range.end) < 0;

/**
 * The link edits that follow headings whose anchors the edits change: renaming M1 in
 * `## M1: REST API` moves its anchor from `m1-rest-api` to `m4-rest-api`, and every link to the
 * old one (`#m1-rest-api` on its page, `mechanisms.md#m1-rest-api` from any other, in Markdown
 * or HTML) is given the new one. The groups are applied in turn (a rename, then the
 * renumbering it offers); a link's edit joins the first group that moves its heading. Links
 * through a reference definition are left as they are.
 */
export function anchorEdits(ws: Workspace, groups: readonly (readonly TextEdit[])[]): TextEdit[][] {
  const out = groups.map((): TextEdit[] => []);
  const after = new Map<string, (string[] | undefined)[]>();
  for (const file of new Set(groups.flat().map((e) => e.file))) {
    const doc = ws.document(file);
    if (doc?.kind === 'markdown' && doc.sections.length > 0) after.set(file, anchorsAfter(doc, groups));
  }
  if (after.size === 0) return out;
  for (const doc of ws.documents.values()) {
    for (const link of doc.links) {
      if (link.form === 'reference' || link.form === 'autolink') continue;
      const t = resolveLink(link, link.file, ws);
      const anchors = t?.path && t.anchor ? after.get(t.path) : undefined;
      const page = anchors && ws.document(t!.path!);
      if (!anchors || !page) continue;
      const anchor = findAnchor(page.anchors, decodeAnchor(t!.anchor!));
      if (anchor?.source !== 'heading') continue;
      const k = page.sections.findIndex((s) => s.anchor === anchor.id);
      const g = anchors.findIndex((a) => a !== undefined && a[k] !== anchor.id);
      if (k < 0 || g < 0) continue;
      const edit = anchorEdit(doc, link.targetRange, anchors[g]![k]);
      if (edit && !groups.some((group) => group.some((e) => overlaps(e, edit)))) out[g].push(edit);
    }
  }
  return out;
}

/** The edit that writes `anchor` after the `#` of a link target as written at `range`. */
function anchorEdit(doc: DocumentModel, range: TextEdit['range'], anchor: string): TextEdit | undefined {
  const start = doc.lines.offsetAt(range.start);
  const hash = doc.text.slice(start, doc.lines.offsetAt(range.end)).indexOf('#');
  if (hash < 0) return undefined;
  return { file: doc.file, range: rangeBetween(doc.lines.positionAt(start + hash + 1), range.end), newText: anchor };
}
