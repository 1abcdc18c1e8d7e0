import type { MimElement } from '../model/elements.js';
import type { TextEdit } from '../model/finding.js';
import { ELEMENT_PREFIX } from '../model/ids.js';
import { rangeBetween, type Position, type Range } from '../model/range.js';
import { idNumber, parseLocalId } from '../parse/text/ids.js';
import { allElements } from '../rules/support/elements.js';
import { dirname, isInside, normalizePath, relativePath } from '../workspace/paths.js';
import type { ResolvedRef } from '../workspace/symbol-index.js';
import type { Workspace } from '../workspace/workspace.js';
import { locate } from './locate.js';
import type { IsCancelled } from './references.js';
import { linkTarget } from './support/links.js';
import { byPlace, localPart, mimOrDocument } from './support/places.js';

/** The element a rename starts from, its definitions and the references to rewrite. */
interface Subject {
  element: MimElement;
  definitions: MimElement[];
  refs: ResolvedRef[];
  /** Where the cursor's id is, and the local id it reads. */
  range: Range;
  id: string;
}

function subject(ws: Workspace, file: string, pos: Position): Subject | undefined {
  const hit = locate(ws, file, pos);
  const index = ws.index;
  if (hit?.kind === 'element') {
    const definitions = hit.key ? index.lookup(hit.key) : [hit.element];
    // Which of several same-named elements a reference means cannot be told: renaming one
    // of the duplicates renames that definition only.
    if (definitions.length > 1) return { element: hit.element, definitions: [hit.element], refs: [], range: hit.range, id: hit.element.id };
    return { element: hit.element, definitions, refs: (hit.key && index.refsByKey.get(hit.key)) || [], range: hit.range, id: hit.element.id };
  }
  if (hit?.kind === 'ref' && hit.ref.target && hit.resolved.key) {
    const definitions = index.lookup(hit.resolved.key);
    if (definitions.length === 0) return undefined;
    const part = localPart(hit.ref);
    const start = { line: hit.range.start.line, character: hit.range.start.character + part.offset };
    return { element: definitions[0], definitions, refs: index.refsByKey.get(hit.resolved.key) ?? [], range: rangeBetween(start, hit.range.end), id: hit.ref.target.id };
  }
  return undefined;
}

/** Whether a rename can start here: on an element's id or on a reference to an existing element. */
export function prepareRename(ws: Workspace, file: string, pos: Position): { range: Range; placeholder: string } | undefined {
  const s = subject(ws, file, pos);
  return s && { range: s.range, placeholder: s.id };
}

const EXAMPLE: Record<MimElement['kind'], string> = { capability: 'C1', requirement: 'R1.1', mechanism: 'M1', guidance: 'G1', test: 'T1' };

/**
 * Renames an element: its definition id, every local reference in its MIM and every global
 * reference in the workspace (only the local part of `MIM0.R1.1`; a legacy `MIM3.C5.R0`
 * becomes `MIM3.R5.1`). The new id must be of the same kind, in the form of mim-format §2,
 * under the same capability for a requirement, and free in the MIM.
 */
export function rename(ws: Workspace, file: string, pos: Position, newName: string, isCancelled?: IsCancelled): { edits: TextEdit[] } | { error: string } {
  const s = subject(ws, file, pos);
  if (!s) return { error: 'Only the id of a capability, requirement, mechanism, guidance or test can be renamed' };
  const e = s.element;
  const mim = mimOrDocument(ws, ws.document(e.file)!);
  const written = newName.trim().startsWith(`${mim.id}.`) ? newName.trim().slice(mim.id.length + 1) : newName.trim();
  const parsed = parseLocalId(written);
  if (!parsed || parsed.malformed) return { error: `'${newName}' is not a ${e.kind} id: write it like ${EXAMPLE[e.kind]}` };
  if (parsed.kind !== e.kind) return { error: `${written} is a ${parsed.kind} id, but ${s.id} is a ${e.kind}: write it like ${EXAMPLE[e.kind]}` };
  if (parsed.id === s.id) return { error: `${s.id} is already its id` };
  if (e.kind === 'requirement' && e.capability && idNumber(e.capability) !== parsed.capabilityNumber) {
    return { error: `${parsed.id} does not belong to ${e.capability}: a requirement's first number is its capability's (R${idNumber(e.capability)}.n)` };
  }
  const taken = allElements(mim).find((x) => x.id === parsed.id);
  if (taken) {
    const where = `${relativePath(dirname(file), taken.file)}:${taken.idRange.start.line + 1}`;
    return { error: `${parsed.id} is already used in ${mim.known ? mim.id : 'this MIM'} (${where})` };
  }

  const edits: TextEdit[] = s.definitions.map((d) => ({ file: d.file, range: d.idRange, newText: definitionText(d.rawId, parsed.id) }));
  for (const r of s.refs) {
    // A rename cut short would be a partial edit: it is no answer at all.
    if (isCancelled?.()) return { error: 'The rename was cancelled' };
    const part = localPart(r.ref);
    const start = { line: r.ref.range.start.line, character: r.ref.range.start.character + part.offset };
    edits.push({ file: r.ref.file, range: rangeBetween(start, r.ref.range.end), newText: parsed.id });
  }
  return { edits: edits.sort(byPlace) };
}

/** A heading written `Mechanism 1` keeps its long form: only the number changes. */
function definitionText(rawId: string, newId: string): string {
  const long = /^(Mechanism|Capability|Guidance|Test)(\s+)\d+$/i.exec(rawId.trim());
  const number = new RegExp(`^${ELEMENT_PREFIX[parseLocalId(newId)!.kind]}(\\d+)$`).exec(newId)?.[1];
  return long && number ? `${long[1]}${long[2]}${number}` : newId;
}

/**
 * The link edits a file (or folder) rename needs: every link that points into `oldPath`,
 * rewritten relative to its page, and the relative links of a page that moves itself.
 * Anchors, `./`, a leading `/` and a folder link's trailing `/` are kept. Edits name the
 * files as they are before the rename.
 */
export function renameFileEdits(ws: Workspace, oldPath: string, newPath: string): TextEdit[] {
  const from = normalizePath(oldPath);
  const to = normalizePath(newPath);
  const moved = (p: string) => (p === from ? to : isInside(p, from) ? to + p.slice(from.length) : undefined);
  const edits: TextEdit[] = [];
  for (const doc of ws.documents.values()) {
    const docMoved = moved(doc.file);
    for (const link of doc.links) {
      if (link.form === 'reference') continue; // the target sits in a definition elsewhere
      const t = linkTarget(ws, link);
      const written = link.target.trim();
      const cut = written.search(/[#?]/);
      const pathPart = cut >= 0 ? written.slice(0, cut) : written;
      if (!t?.path || pathPart === '') continue;
      const targetMoved = moved(t.path);
      if (!targetMoved && (!docMoved || pathPart.startsWith('/'))) continue;
      const newTarget = targetMoved ?? t.path;
      const text = writeTarget(pathPart, newTarget, docMoved ?? doc.file, ws.repositoryRoot(doc.file)) + (cut >= 0 ? written.slice(cut) : '');
      if (text !== written) edits.push({ file: doc.file, range: link.targetRange, newText: text });
    }
  }
  return edits.sort(byPlace);
}

function writeTarget(old: string, target: string, page: string, repositoryRoot: string): string {
  const folder = (old.endsWith('/') || !/\.[A-Za-z0-9]+$/.test(old)) && /\/README\.md$/i.test(target);
  const path = folder ? target.slice(0, target.lastIndexOf('/')) : target;
  let rel = old.startsWith('/') ? `/${relativePath(repositoryRoot, path)}` : relativePath(dirname(page), path);
  if (old.startsWith('./') && !rel.startsWith('.')) rel = `./${rel}`;
  if (folder && old.endsWith('/')) rel = `${rel}/`;
  // A link written with %-escapes (or one that must have them) escapes what a bare link cannot hold.
  return /%[0-9A-Fa-f]{2}/.test(old) || (/[ ()]/.test(rel) && !/[ ()]/.test(old)) ? encodeURI(rel).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`) : rel;
}
