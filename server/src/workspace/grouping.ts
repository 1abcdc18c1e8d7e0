import type { Convention } from '../model/conventions.js';
import type { DocumentModel } from '../model/document.js';
import type { IdentityClaim } from '../model/elements.js';
import type { Mim } from '../model/mim.js';
import { range } from '../model/range.js';
import type { ProjectConfig } from '../config/project-config.js';
import { basename, dirname, isInside } from '../base/paths.js';
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

/**
 * Gathers documents into MIMs by place, not by claim: a *.mim.yaml is one MIM; a single-page
 * MIM is its page (or its folder, when it is a README); a repository page belongs to the
 * nearest folder above it whose README or config names a MIM. Claims that disagree are kept
 * so that identity/mismatch can point at each.
 */
export function groupMims(input: GroupingInput): Mim[] {
  const readmes = new Map<string, DocumentModel>();
  const publiccode = new Map<string, DocumentModel>();
  for (const doc of input.documents) {
    const name = basename(doc.file).toLowerCase();
    if (doc.kind === 'markdown' && name === 'readme.md') readmes.set(dirname(doc.file), doc);
    if (doc.kind === 'resource' && name.startsWith('publiccode.')) publiccode.set(dirname(doc.file), doc);
  }
  const groups = new Map<string, DocumentModel[]>();
  const add = (key: string, doc: DocumentModel) => {
    const list = groups.get(key);
    if (list) list.push(doc);
    else groups.set(key, [doc]);
  };
  const rootOf = (file: string) => input.roots.find((r) => isInside(file, r)) ?? '/';

  for (const doc of input.documents) {
    if (doc.skipped) continue;
    if (doc.kind === 'mim-yaml') {
      add(doc.file, doc);
      continue;
    }
    if (doc.kind !== 'markdown' || doc.role === 'summary') continue;
    if (doc.role === 'single-page' && basename(doc.file).toLowerCase() !== 'readme.md') {
      add(doc.file, doc);
      continue;
    }
    const folder = mimFolder(dirname(doc.file), rootOf(doc.file), readmes, input.configFor);
    if (folder) add(folder, doc);
  }

  const before = new Map((input.previous ?? []).map((m) => [m.root, m]));
  const mims: Mim[] = [];
  for (const [root, docs] of groups) {
    const inputs: MimInputs = {
      documents: docs,
      config: input.configFor(docs[0].file),
      publiccode: publiccode.get(root) ?? publiccode.get(dirname(root)),
    };
    const old = before.get(root);
    const oldInputs = old && inputsOf.get(old);
    if (old && oldInputs && sameInputs(oldInputs, inputs)) {
      mims.push(old);
      continue;
    }
    const mim = buildMim(root, docs, inputs.config, inputs.publiccode);
    inputsOf.set(mim, inputs);
    mims.push(mim);
  }
  return mims;
}

function mimFolder(
  dir: string,
  stop: string,
  readmes: Map<string, DocumentModel>,
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
