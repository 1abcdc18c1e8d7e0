import type { Convention } from '../model/conventions.js';
import type { DocumentModel } from '../model/document.js';
import type { IdentityClaim } from '../model/elements.js';
import type { Mim } from '../model/mim.js';
import { range } from '../model/range.js';
import type { ProjectConfig } from '../config/project-config.js';
import { basename, dirname, isInside } from '../base/paths.js';
import { firstNotBefore } from '../base/search.js';
import { resolveRequirementLevels } from './levels.js';

/** Claims in the order of precedence of mim-format §3.1: front matter, config, README H1, publiccode.yml. */
const PRECEDENCE: IdentityClaim['source'][] = ['front-matter', 'yaml', 'config', 'h1', 'publiccode'];

export interface GroupingInput {
  documents: readonly DocumentModel[];
  configFor(file: string): ProjectConfig;
  /** Folders above which no MIM folder is looked for (the workspace roots). */
  roots: readonly string[];
  /** The MIMs of the previous grouping: one whose inputs are unchanged is reused as is. */
  previous?: readonly Mim[];
}

/** What a MIM was built from; the same inputs give back the same object, so caches keyed by it survive. */
interface MimInputs {
  documents: DocumentModel[];
  config: ProjectConfig;
  publiccode: DocumentModel | undefined;
}
const inputsOf = new WeakMap<Mim, MimInputs>();

function sameInputs(a: MimInputs, b: MimInputs): boolean {
  return (
    a.config === b.config &&
    a.publiccode === b.publiccode &&
    a.documents.length === b.documents.length &&
    a.documents.every((d, i) => d === b.documents[i])
  );
}

/** A grouping and what it was made with, so that a change of one document regroups only its MIM (`regroup`). */
export interface Grouping {
  /** The MIMs in the order of their first document's path. */
  readonly mims: readonly Mim[];
  readonly byRoot: ReadonlyMap<string, Mim>;
  /** READMEs and publiccode files by folder: a change to one of them regroups everything. */
  readonly readmes: ReadonlyMap<string, DocumentModel>;
  readonly publiccode: ReadonlyMap<string, DocumentModel>;
}

/** One document that changed since a grouping: the one it held (`before`), the one it holds now (`after`). */
export interface DocumentChange {
  before?: DocumentModel;
  after?: DocumentModel;
}

type Context = Pick<GroupingInput, 'configFor' | 'roots'>;

/**
 * Gathers documents into MIMs by place, not by claim: a *.mim.yaml is one MIM; a single-page
 * MIM is its page (or its folder, when it is a README); a repository page belongs to the
 * nearest folder above it whose README or config names a MIM. Claims that disagree are kept
 * so that identity/mismatch can point at each.
 */
export function groupMims(input: GroupingInput): Mim[] {
  return groupAll(input).mims as Mim[];
}

/** `groupMims` with what `regroup` needs of it; the documents in path order. */
export function groupAll(input: GroupingInput): Grouping {
  const readmes = new Map<string, DocumentModel>();
  const publiccode = new Map<string, DocumentModel>();
  for (const doc of input.documents) {
    if (isReadme(doc)) readmes.set(dirname(doc.file), doc);
    if (isPubliccode(doc)) publiccode.set(dirname(doc.file), doc);
  }
  const groups = new Map<string, DocumentModel[]>();
  for (const doc of input.documents) {
    const key = groupKey(doc, input, readmes);
    if (key === undefined) continue;
    const list = groups.get(key);
    if (list) list.push(doc);
    else groups.set(key, [doc]);
  }

  const before = new Map((input.previous ?? []).map((m) => [m.root, m]));
  const mims: Mim[] = [];
  const byRoot = new Map<string, Mim>();
  for (const [root, docs] of groups) {
    const mim = mimOf(root, docs, input, publiccode, before.get(root));
    mims.push(mim);
    byRoot.set(root, mim);
  }
  return { mims, byRoot, readmes, publiccode };
}

/**
 * The grouping after some documents changed, each MIM they left or joined built again and
 * the others kept: the very MIMs, in the very order, that `groupAll` gives on all documents.
 * A README that comes to name a MIM, or ceases to, moves the pages below its folder
 * (`documentsUnder` finds them). Undefined when only a grouping of everything tells (a
 * publiccode file changed, two READMEs in one folder). The configs are those of `from`.
 */
export function regroup(
  from: Grouping,
  changes: readonly DocumentChange[],
  ctx: Context & { documentsUnder(dir: string): readonly DocumentModel[] },
): Grouping | undefined {
  if (changes.some((c) => (c.before && isPubliccode(c.before)) || (c.after && isPubliccode(c.after)))) return undefined;
  const readmes = readmesAfter(from.readmes, changes);
  if (!readmes) return undefined;
  const touched = new Map<string, DocumentModel[]>();
  const docsOf = (root: string) => {
    let docs = touched.get(root);
    if (!docs) touched.set(root, (docs = [...(from.byRoot.get(root)?.documents ?? [])]));
    return docs;
  };
  // Documents placed here are grouped under the READMEs as they are now; the others were, under those of `from`.
  const placed = new Map<DocumentModel, string | undefined>();
  const unplace = (doc: DocumentModel, left: string | undefined): boolean => {
    if (left !== undefined) {
      const docs = docsOf(left);
      const at = docs.indexOf(doc);
      // Not where a grouping of everything put it: that one tells.
      if (at < 0) return false;
      docs.splice(at, 1);
    }
    return true;
  };
  const place = (doc: DocumentModel) => {
    const joined = groupKey(doc, ctx, readmes.table);
    placed.set(doc, joined);
    if (joined === undefined) return;
    const docs = docsOf(joined);
    docs.splice(
      firstNotBefore(docs.length, (i) => docs[i].file < doc.file),
      0,
      doc,
    );
  };
  const keyBefore = (doc: DocumentModel) => (placed.has(doc) ? placed.get(doc) : groupKey(doc, ctx, from.readmes));
  for (const { before, after } of changes) {
    if (before && !unplace(before, keyBefore(before))) return undefined;
    if (after) place(after);
  }
  for (const dir of readmes.flipped)
    for (const doc of ctx.documentsUnder(dir)) {
      if (placed.has(doc)) continue;
      const left = groupKey(doc, ctx, from.readmes);
      if (left === groupKey(doc, ctx, readmes.table)) continue;
      if (!unplace(doc, left)) return undefined;
      place(doc);
    }
  const mims = [...from.mims];
  const byRoot = new Map(from.byRoot);
  for (const [root, docs] of touched) {
    const old = byRoot.get(root);
    if (old) mims.splice(mims.indexOf(old), 1);
    byRoot.delete(root);
    if (docs.length === 0) continue;
    const mim = mimOf(root, docs, ctx, from.publiccode, old);
    mims.splice(
      firstNotBefore(mims.length, (i) => mims[i].documents[0].file < docs[0].file),
      0,
      mim,
    );
    byRoot.set(root, mim);
  }
  return { mims, byRoot, readmes: readmes.table, publiccode: from.publiccode };
}

/**
 * The READMEs by folder after the changes, and the folders where one came to name a MIM or
 * ceased to (the pages below them may belong elsewhere now). Undefined when a folder holds two
 * (README.md and readme.md): which one counts, only a grouping of everything tells.
 */
function readmesAfter(
  table: ReadonlyMap<string, DocumentModel>,
  changes: readonly DocumentChange[],
): { table: ReadonlyMap<string, DocumentModel>; flipped: string[] } | undefined {
  let out: Map<string, DocumentModel> | undefined;
  const flipped = new Set<string>();
  const names = (doc: DocumentModel | undefined) => doc !== undefined && doc.identity.length > 0;
  for (const { before, after } of changes) {
    const readme = (before && isReadme(before) ? before : undefined) ?? (after && isReadme(after) ? after : undefined);
    if (!readme) continue;
    const dir = dirname(readme.file);
    out ??= new Map(table);
    if (out.get(dir) !== (before && isReadme(before) ? before : undefined)) return undefined;
    if (after && isReadme(after)) out.set(dir, after);
    else out.delete(dir);
    if (names(before) !== names(after)) flipped.add(dir);
  }
  return { table: out ?? table, flipped: [...flipped] };
}

const isReadme = (doc: DocumentModel) => doc.kind === 'markdown' && basename(doc.file).toLowerCase() === 'readme.md';
const isPubliccode = (doc: DocumentModel) =>
  doc.kind === 'resource' && basename(doc.file).toLowerCase().startsWith('publiccode.');

/** The root of the MIM a document belongs to; undefined for one in none (a summary, a resource, a skipped file). */
function groupKey(doc: DocumentModel, ctx: Context, readmes: ReadonlyMap<string, DocumentModel>): string | undefined {
  if (doc.skipped) return undefined;
  if (doc.kind === 'mim-yaml') return doc.file;
  if (doc.kind !== 'markdown' || doc.role === 'summary') return undefined;
  if (doc.role === 'single-page' && basename(doc.file).toLowerCase() !== 'readme.md') return doc.file;
  const root = ctx.roots.find((r) => isInside(doc.file, r)) ?? '/';
  return mimFolder(dirname(doc.file), root, readmes, ctx.configFor);
}

/** The MIM of a group: `old` when it was built from the same inputs, so that caches keyed by it survive. */
function mimOf(
  root: string,
  docs: DocumentModel[],
  ctx: Context,
  publiccode: ReadonlyMap<string, DocumentModel>,
  old: Mim | undefined,
): Mim {
  const inputs: MimInputs = {
    documents: docs,
    config: ctx.configFor(docs[0].file),
    publiccode: publiccode.get(root) ?? publiccode.get(dirname(root)),
  };
  const oldInputs = old && inputsOf.get(old);
  if (old && oldInputs && sameInputs(oldInputs, inputs)) return old;
  const mim = buildMim(root, docs, inputs.config, inputs.publiccode);
  inputsOf.set(mim, inputs);
  return mim;
}

function mimFolder(
  dir: string,
  stop: string,
  readmes: ReadonlyMap<string, DocumentModel>,
  configFor: (file: string) => ProjectConfig,
): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    const readme = readmes.get(d);
    if (readme && readme.identity.length > 0) return d;
    const config = configFor(`${d}/.`);
    if (config.mim && config.dir === d) return d;
    if (d === stop || d === '/' || !isInside(d, stop)) return undefined;
  }
}

function buildMim(
  root: string,
  documents: DocumentModel[],
  config: ProjectConfig,
  publiccode: DocumentModel | undefined,
): Mim {
  const identity: IdentityClaim[] = documents.flatMap((d) => d.identity);
  // The config names the repository's MIM: its Markdown pages. A *.mim.yaml names its own.
  const markdown = documents.some((d) => d.kind === 'markdown');
  if (markdown && config.mim && config.file)
    identity.push({
      mim: config.mim,
      source: 'config',
      file: config.file,
      range: config.mimRange ?? range(0, 0, 0, 0),
    });
  if (publiccode) identity.push(...publiccode.identity);
  const best = [...identity].sort((a, b) => PRECEDENCE.indexOf(a.source) - PRECEDENCE.indexOf(b.source))[0];
  const titled = identity.find((c) => c.title && c.mim === best?.mim);
  const declared = documents.find((d) => d.conventions)?.conventions;
  const convention: Convention | undefined = declared?.convention ?? config.conventions;
  const capabilities = documents.flatMap((d) => d.capabilities);
  const mim: Mim = {
    id: best?.mim ?? `?${root}`,
    known: best !== undefined,
    title: titled?.title ?? documents.find((d) => d.title)?.title,
    status: documents.find((d) => d.status)?.status,
    root,
    documents,
    identity,
    capabilities,
    requirements: documents.flatMap((d) => d.requirements),
    mechanisms: documents.flatMap((d) => d.mechanisms),
    guidance: documents.flatMap((d) => d.guidance),
    tests: documents.flatMap((d) => d.tests),
    references: documents.flatMap((d) => d.references),
    conventions: declared,
    convention,
  };
  resolveRequirementLevels(mim);
  return mim;
}
