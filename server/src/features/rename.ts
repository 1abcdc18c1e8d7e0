import type { Capability, MimElement, Requirement } from '../model/elements.js';
import type { EditGroup, TextEdit } from '../model/finding.js';
import { compareIds, ELEMENT_PREFIX, globalKey, idNumber, parseLocalId } from '../model/ids.js';
import type { Mim } from '../model/mim.js';
import { rangeBetween, type Position, type Range } from '../model/range.js';
import { allElements } from '../query/elements.js';
import { dirname, isInside, normalizePath, relativePath } from '../base/paths.js';
import type { ResolvedRef } from '../query/index-view.js';
import type { Workspace } from '../workspace/workspace.js';
import { locate } from './locate.js';
import type { IsCancelled } from './references.js';
import { anchorEdits } from './support/anchor-edits.js';
import { resolveLink } from '../query/links.js';
import { byPlace, localPart, mimOrDocument } from './support/places.js';

/** The element a rename starts from, its definitions and the references to rewrite. */
interface Subject {
  element: MimElement;
  definitions: MimElement[];
  refs: readonly ResolvedRef[];
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
    if (definitions.length > 1)
      return { element: hit.element, definitions: [hit.element], refs: [], range: hit.range, id: hit.element.id };
    return {
      element: hit.element,
      definitions,
      refs: (hit.key && hit.mim && index.refsInto(hit.mim.id).get(hit.key)) || [],
      range: hit.range,
      id: hit.element.id,
    };
  }
  if (hit?.kind === 'ref' && hit.ref.target && hit.resolved.key) {
    const definitions = index.lookup(hit.resolved.key);
    if (definitions.length === 0) return undefined;
    const part = localPart(hit.ref);
    const start = { line: hit.range.start.line, character: hit.range.start.character + part.offset };
    return {
      element: definitions[0],
      definitions,
      refs: index.refsInto(hit.resolved.mimId!).get(hit.resolved.key) ?? [],
      range: rangeBetween(start, hit.range.end),
      id: hit.ref.target.id,
    };
  }
  return undefined;
}

/** Whether a rename can start here: on an element's id or on a reference to an existing element. */
export function prepareRename(
  ws: Workspace,
  file: string,
  pos: Position,
): { range: Range; placeholder: string } | undefined {
  const s = subject(ws, file, pos);
  return s && { range: s.range, placeholder: s.id };
}

const EXAMPLE: Record<MimElement['kind'], string> = {
  capability: 'C1',
  requirement: 'R1.1',
  mechanism: 'M1',
  guidance: 'G1',
  test: 'T1',
};

/** A rename's edits; a capability's adds the renumbering of its requirements, for the user to review. */
export interface RenameResult {
  edits: TextEdit[];
  renumbering?: EditGroup;
}

const CANCELLED = { error: 'The rename was cancelled' };

/**
 * Renames an element: its definition id, every local reference in its MIM and every global
 * reference in the workspace (only the local part of `MIM0.R1.1`; a legacy `MIM3.C5.R0`
 * becomes `MIM3.R5.1`). The new id must be of the same kind, in the form of mim-format §2,
 * under the same capability for a requirement, and free in the MIM. A capability's rename
 * also renumbers its requirements (see `renumberPlan`), as a group of its own. Links to a
 * heading whose anchor the new id changes follow it (`anchorEdits`).
 */
export function rename(
  ws: Workspace,
  file: string,
  pos: Position,
  newName: string,
  isCancelled?: IsCancelled,
): RenameResult | { error: string } {
  const s = subject(ws, file, pos);
  if (!s) return { error: 'Only the id of a capability, requirement, mechanism, guidance or test can be renamed' };
  const e = s.element;
  const mim = mimOrDocument(ws, ws.document(e.file)!);
  const written = newName.trim().startsWith(`${mim.id}.`) ? newName.trim().slice(mim.id.length + 1) : newName.trim();
  const parsed = parseLocalId(written);
  if (!parsed || parsed.malformed)
    return { error: `'${newName}' is not a ${e.kind} id: write it like ${EXAMPLE[e.kind]}` };
  if (parsed.kind !== e.kind)
    return { error: `${written} is a ${parsed.kind} id, but ${s.id} is a ${e.kind}: write it like ${EXAMPLE[e.kind]}` };
  if (parsed.id === s.id) return { error: `${s.id} is already its id` };
  if (e.kind === 'requirement' && e.capability && idNumber(e.capability) !== parsed.capabilityNumber) {
    return {
      error: `${parsed.id} does not belong to ${e.capability}: a requirement's first number is its capability's (R${idNumber(e.capability)}.n)`,
    };
  }
  const taken = allElements(mim).find((x) => x.id === parsed.id);
  if (taken) {
    const where = `${relativePath(dirname(file), taken.file)}:${taken.idRange.start.line + 1}`;
    return { error: `${parsed.id} is already used in ${mim.known ? mim.id : 'this MIM'} (${where})` };
  }

  const edits = idEdits(s.definitions, s.refs, parsed.id, isCancelled);
  if (!edits) return CANCELLED;
  const capabilities = s.definitions.filter((d): d is Capability => d.kind === 'capability');
  const plan = capabilities.length > 0 ? renumberPlan(ws, mim, capabilities, parsed.id) : undefined;
  if (!plan) return { edits: [...edits, ...anchorEdits(ws, [edits])[0]].sort(byPlace) };
  const group: TextEdit[] = [];
  for (const step of plan.steps) {
    const more = idEdits(step.definitions, requirementRefs(ws, mim, step.definitions), step.to, isCancelled);
    if (!more) return CANCELLED;
    group.push(...more);
  }
  // Links to headings the renumbering moves (requirements written as headings) go with it.
  const links = anchorEdits(ws, [edits, group]);
  return {
    edits: [...edits, ...links[0]].sort(byPlace),
    renumbering: { label: plan.label, description: plan.description, edits: [...group, ...links[1]].sort(byPlace) },
  };
}

/** The edits that give definitions and the references to them a new id; undefined when cancelled half-way. */
function idEdits(
  definitions: readonly MimElement[],
  refs: readonly ResolvedRef[],
  newId: string,
  isCancelled?: IsCancelled,
): TextEdit[] | undefined {
  const edits: TextEdit[] = definitions.map((d) => ({
    file: d.file,
    range: d.idRange,
    newText: definitionText(d.rawId, newId),
  }));
  for (const r of refs) {
    // A rename cut short would be a partial edit: it is no answer at all.
    if (isCancelled?.()) return undefined;
    const part = localPart(r.ref);
    const start = { line: r.ref.range.start.line, character: r.ref.range.start.character + part.offset };
    edits.push({ file: r.ref.file, range: rangeBetween(start, r.ref.range.end), newText: newId });
  }
  return edits.sort(byPlace);
}

/**
 * The references to requirements that all share one old id. Where another element of the MIM
 * has that id too, which one a reference means cannot be told: only the definitions change.
 */
function requirementRefs(ws: Workspace, mim: Mim, definitions: readonly Requirement[]): readonly ResolvedRef[] {
  const key = globalKey(mim.id, definitions[0].id);
  const named = ws.index.lookup(key);
  return named.every((x) => definitions.includes(x as Requirement)) ? (ws.index.refsInto(mim.id).get(key) ?? []) : [];
}

interface RenumberPlan {
  label: string;
  description: string;
  /** Each old id's definitions and the id they take. */
  steps: { to: string; definitions: Requirement[] }[];
}

/**
 * How renaming capability C3 to C7 renumbers its requirements: each one numbered after C3
 * (R3.n, suffix and all; those numbered otherwise are left as they are) becomes R7.n. Where
 * any R7.n is already in use in the MIM, by a requirement or by a reference to none (which
 * would quietly come to mean a renumbered one), the requirements take instead the numbers
 * after the highest R7.n in use, in their order, suffixes kept. Undefined: nothing to renumber.
 */
function renumberPlan(
  ws: Workspace,
  mim: Mim,
  capabilities: readonly Capability[],
  newId: string,
): RenumberPlan | undefined {
  const oldId = capabilities[0].id;
  const from = idNumber(oldId);
  const to = idNumber(newId)!;
  const byId = new Map<string, Requirement[]>();
  for (const c of capabilities) {
    for (const r of c.requirements) {
      if (parseLocalId(r.id)?.capabilityNumber !== from) continue;
      const list = byId.get(r.id);
      if (list) list.push(r);
      else byId.set(r.id, [r]);
    }
  }
  if (byId.size === 0) return undefined;
  const used = usedRequirementIds(ws, mim, to);
  const olds = [...byId.keys()].sort(compareIds);
  const same = olds.map((id) => id.replace(/^R\d+/, `R${to}`));
  let targets = same;
  let note = '';
  if (same.some((id) => used.has(id))) {
    const inUse = [...used].sort(compareIds);
    let next = Math.max(...inUse.map(requirementNumber)) + 1;
    const fresh = new Map<number, number>();
    targets = olds.map((id) => {
      const n = requirementNumber(id);
      if (!fresh.has(n)) fresh.set(n, next++);
      return `R${to}.${fresh.get(n)}${id.replace(/^R\d+\.\d+/, '')}`;
    });
    const where = mim.known ? ` in ${mim.id}` : '';
    note = ` (${inUse.join(', ')} ${inUse.length === 1 ? 'is' : 'are'} already in use${where}, so the numbers follow ${inUse[inUse.length - 1]})`;
  }
  return {
    label: `Renumber the requirements of ${oldId} as R${to}.x`,
    description: olds.map((id, i) => `${id} → ${targets[i]}`).join(', ') + note,
    steps: olds.map((id, i) => ({ to: targets[i], definitions: byId.get(id)! })),
  };
}

/** The requirement ids under capability number `n` that a MIM uses: defined, or named by a reference. */
function usedRequirementIds(ws: Workspace, mim: Mim, n: number): Set<string> {
  const prefix = `R${n}.`;
  const used = new Set(mim.requirements.filter((r) => r.id.startsWith(prefix)).map((r) => r.id));
  const keyPrefix = globalKey(mim.id, prefix);
  for (const key of ws.index.refsInto(mim.id).keys())
    if (key.startsWith(keyPrefix)) used.add(key.slice(mim.id.length + 1));
  return used;
}

/** The second number of a requirement id: 2 of `R3.2a`. */
function requirementNumber(id: string): number {
  return Number(/^R\d+\.(\d+)/.exec(id)?.[1] ?? 0);
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
      const t = resolveLink(link, link.file, ws);
      const written = link.target.trim();
      const cut = written.search(/[#?]/);
      const pathPart = cut >= 0 ? written.slice(0, cut) : written;
      if (!t?.path || pathPart === '') continue;
      const targetMoved = moved(t.path);
      if (!targetMoved && (!docMoved || pathPart.startsWith('/'))) continue;
      const newTarget = targetMoved ?? t.path;
      const text =
        writeTarget(pathPart, newTarget, docMoved ?? doc.file, ws.repositoryRoot(doc.file)) +
        (cut >= 0 ? written.slice(cut) : '');
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
  return /%[0-9A-Fa-f]{2}/.test(old) || (/[ ()]/.test(rel) && !/[ ()]/.test(old))
    ? encodeURI(rel).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    : rel;
}
