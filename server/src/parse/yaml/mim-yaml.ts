import type { ErrorObject } from 'ajv';
import { isConvention } from '../../model/conventions.js';
import type { DocumentModel } from '../../model/document.js';
import type { ConventionsDecl, MappingRow, PartName, Requirement } from '../../model/elements.js';
import { type ElementKind, normalizeMimId, parseLocalId } from '../../model/ids.js';
import { stripInvisibles } from '../text/invisible.js';
import { findKeywords } from '../text/keywords.js';
import { findSuppressions } from '../text/suppressions.js';
import { guardedDocument } from './guard.js';
import { readItu } from './itu.js';
import { loadYaml } from './load.js';
import { entries, entrySpan, field, items, scalarSpan, str } from './nodes.js';
import { readElementId, readRef, readRefs } from './refs.js';
import { checkSchema } from './schema.js';
import { plainText, readProse, readText } from './text-fields.js';
import { isMap, isScalar, type MaybeNode } from './tree.js';

/** The top-level keys that hold the five Y.MIM parts. */
const PART_KEYS: Record<string, PartName> = {
  objective: 'objective',
  capabilities: 'capabilities',
  mechanisms: 'mechanisms',
  interoperabilityGuidance: 'guidance',
  conformance: 'conformance',
};

/** Instance paths of element ids, and the kind each must be. */
const ID_PATHS: [RegExp, ElementKind][] = [
  [/^\/capabilities\/\d+\/id$/, 'capability'],
  [/^\/capabilities\/\d+\/requirements\/\d+\/id$/, 'requirement'],
  [/^\/mechanisms\/\d+\/id$/, 'mechanism'],
  [/^\/interoperabilityGuidance\/\d+\/id$/, 'guidance'],
  [/^\/conformance\/\d+\/id$/, 'test'],
];

/**
 * A legacy id of the right kind (`R.1`, `RC1.1`, `C01`) is left to the id/format rule, which
 * says what the id should be; the schema would only repeat its pattern on the same node.
 */
function isLegacyElementId(error: ErrorObject): boolean {
  if (error.keyword !== 'pattern' || typeof error.data !== 'string') return false;
  const kind = ID_PATHS.find(([re]) => re.test(error.instancePath))?.[1];
  return kind !== undefined && parseLocalId(stripInvisibles(error.data))?.kind === kind;
}

/** A `*.mim.yaml` structured specification (mim-format §3.3) as a document model; `events` as for readYaml. */
export function parseMimYaml(
  file: string,
  text: string,
  version: string | number,
  events?: Int32Array | null,
): DocumentModel {
  return guardedDocument(file, text, version, 'mim-yaml', 'spec', (model) => {
    const loaded = loadYaml(text, model.lines, events);
    model.problems.push(...loaded.problems, ...checkSchema('mim', model.file, loaded, model.lines, isLegacyElementId));
    model.suppressions = findSuppressions(text, model.lines, 'yaml');
    const root = loaded.root;
    if (isMap(root)) readSpec(model, root);
  });
}

function readSpec(model: DocumentModel, root: MaybeNode): void {
  readHeader(model, root);
  for (const e of entries(root)) {
    const part = PART_KEYS[e.key];
    if (part) model.parts.push({ part, file: model.file, range: rangeOf(model, e.keyNode) });
  }
  const objective = readProse(model, field(root, 'objective')?.value, 'objective');
  if (objective) model.objective = objective;
  for (const item of items(field(root, 'capabilities')?.value)) readCapability(model, item);
  for (const item of items(field(root, 'mechanisms')?.value)) readMechanism(model, item);
  for (const item of items(field(root, 'interoperabilityGuidance')?.value)) readGuidance(model, item);
  for (const item of items(field(root, 'conformance')?.value)) readTest(model, item);
  readReferences(model, field(root, 'references')?.value);
  readItu(model, root);
}

function rangeOf(model: DocumentModel, node: { start: number; end: number }) {
  return model.lines.rangeOf(node.start, node.end);
}

function titleOf(node: MaybeNode): string {
  return plainText(str(field(node, 'title')?.value) ?? '');
}

/** mim, title, edition, status, category, conventions. */
function readHeader(model: DocumentModel, root: MaybeNode): void {
  const title = str(field(root, 'title')?.value);
  if (title !== undefined) model.title = plainText(title);
  const edition = str(field(root, 'edition')?.value);
  if (edition !== undefined) model.edition = edition;
  const status = str(field(root, 'status')?.value);
  if (status !== undefined) model.status = status;
  const category = str(field(root, 'category')?.value);
  if (category !== undefined) model.category = category;

  const mim = field(root, 'mim')?.value;
  const mimId = normalizeMimId(stripInvisibles(str(mim) ?? ''));
  if (isScalar(mim) && mimId) {
    const span = scalarSpan(mim);
    model.identity.push({
      mim: mimId,
      ...(model.title && { title: model.title }),
      source: 'yaml',
      file: model.file,
      range: model.lines.rangeOf(span.start, span.end),
    });
  }

  const conventions = field(root, 'conventions');
  if (conventions) {
    const span = entrySpan(conventions);
    const value = str(conventions.value);
    const decl: ConventionsDecl = {
      listed: [],
      defined: [],
      file: model.file,
      range: model.lines.rangeOf(span.start, span.end),
      source: 'yaml',
    };
    if (isConvention(value)) decl.convention = value;
    model.conventions = decl;
  }
}

// Each reader walks the text fields of an element even when the element has no id, so that
// its prose is still checked; the element itself joins the model only with an id to name it.
// The requirements of a capability without an id still join `model.requirements`.

function readCapability(model: DocumentModel, node: MaybeNode): void {
  const id = readElementId(model, node, 'capability');
  const description = readProse(model, field(node, 'description')?.value, 'capabilities');
  const requirements = items(field(node, 'requirements')?.value).flatMap(
    (r) => readRequirement(model, r, id?.id) ?? [],
  );
  model.requirements.push(...requirements);
  if (!id || !isMap(node)) return;
  model.capabilities.push({
    kind: 'capability',
    ...id,
    file: model.file,
    range: rangeOf(model, node),
    title: titleOf(node),
    ...(description && { description }),
    requirements,
  });
}

function readRequirement(
  model: DocumentModel,
  node: MaybeNode,
  capability: string | undefined,
): Requirement | undefined {
  const id = readElementId(model, node, 'requirement', capability);
  const text = readText(model, field(node, 'text')?.value, 'capabilities');
  const seeAlso = readRefs(model, field(node, 'seeAlso')?.value, 'seeAlso');
  if (!id || !isMap(node)) return undefined;
  const at = node.start;
  return {
    kind: 'requirement',
    ...id,
    file: model.file,
    range: rangeOf(model, node),
    title: titleOf(node),
    ...(capability !== undefined && { capability }),
    text: text ? plainText(text.value) : '',
    textSpan: text?.span ?? { start: at, end: at },
    // Levels depend on the conventions in force, which only the workspace knows.
    keywords: text ? findKeywords(text.source, text.span.start) : [],
    level: 'none',
    seeAlso,
  };
}

function readMechanism(model: DocumentModel, node: MaybeNode): void {
  const id = readElementId(model, node, 'mechanism');
  const standards: string[] = [];
  // Standards name entries of the references, so each counts as a citation of its tag.
  for (const item of items(field(node, 'standards')?.value)) {
    const tag = str(item)?.trim();
    if (!isScalar(item) || !tag) continue;
    const span = scalarSpan(item);
    standards.push(tag);
    model.citations.push({ tag, file: model.file, range: model.lines.rangeOf(span.start, span.end) });
  }
  const description = readProse(model, field(node, 'description')?.value, 'mechanisms');
  const satisfies = items(field(node, 'satisfies')?.value).flatMap((row) => readMappingRow(model, row) ?? []);
  if (!id || !isMap(node)) return;
  model.mechanisms.push({
    kind: 'mechanism',
    ...id,
    file: model.file,
    range: rangeOf(model, node),
    title: titleOf(node),
    standards,
    ...(description && { description }),
    satisfies,
  });
}

function readMappingRow(model: DocumentModel, node: MaybeNode): MappingRow | undefined {
  if (!isMap(node)) return undefined;
  const range = rangeOf(model, node);
  const ref = readRef(model, field(node, 'requirement')?.value, 'satisfies') ?? {
    file: model.file,
    range,
    text: '',
    role: 'satisfies',
  };
  const how = readText(model, field(node, 'how')?.value, 'mechanisms');
  return how ? { ref, how: plainText(how.value), file: model.file, range } : { ref, file: model.file, range };
}

function readGuidance(model: DocumentModel, node: MaybeNode): void {
  const id = readElementId(model, node, 'guidance');
  const mechanisms = readRefs(model, field(node, 'mechanisms')?.value, 'guidance-mechanisms');
  const text = readProse(model, field(node, 'text')?.value, 'guidance');
  if (!id || !isMap(node)) return;
  model.guidance.push({
    kind: 'guidance',
    ...id,
    file: model.file,
    range: rangeOf(model, node),
    title: titleOf(node),
    mechanisms,
    ...(text && { text }),
  });
}

function readTest(model: DocumentModel, node: MaybeNode): void {
  const id = readElementId(model, node, 'test');
  const covers = readRefs(model, field(node, 'covers')?.value, 'covers');
  const description = readProse(model, field(node, 'description')?.value, 'conformance');
  if (!id || !isMap(node)) return;
  const method = str(field(node, 'method')?.value);
  model.tests.push({
    kind: 'test',
    ...id,
    file: model.file,
    range: rangeOf(model, node),
    title: titleOf(node),
    covers,
    ...(method !== undefined && { method }),
    ...(description && { description }),
  });
}

function readReferences(model: DocumentModel, node: MaybeNode): void {
  for (const kind of ['normative', 'bibliography'] as const) {
    for (const item of items(field(node, kind)?.value)) {
      const tagNode = field(item, 'tag')?.value;
      const tag = str(tagNode)?.trim();
      if (!isMap(item) || !isScalar(tagNode) || !tag) continue;
      const tagSpan = scalarSpan(tagNode);
      const title = str(field(item, 'title')?.value);
      const url = str(field(item, 'url')?.value);
      model.references.push({
        tag,
        kind,
        ...(title !== undefined && { title: plainText(title) }),
        ...(url !== undefined && { url: url.trim() }),
        file: model.file,
        tagRange: model.lines.rangeOf(tagSpan.start, tagSpan.end),
        range: rangeOf(model, item),
      });
    }
  }
}
