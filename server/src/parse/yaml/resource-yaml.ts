import type { DocumentModel } from '../../model/document.js';
import { normalizeMimId } from '../../model/ids.js';
import { stripInvisibles } from '../text/invisible.js';
import { findSuppressions } from '../text/suppressions.js';
import { guardedDocument } from './guard.js';
import { loadYaml } from './load.js';
import { field, items, scalarSpan, str } from './nodes.js';
import { noteIdInvisibles } from './refs.js';
import { checkSchema } from './schema.js';
import { plainText } from './text-fields.js';
import { isMap, isScalar, type MaybeNode } from './tree.js';

const PUBLICCODE = /(^|\/)publiccode\.ya?ml$/i;

// `Accessing Data (MIM0)`, `Geospatial Data MIM 7`: a MIM number standing as a word.
const MIM_NUMBER = /\(\s*MIM[ -]?(?:0|[1-9]\d*)\s*\)|(?<![\p{L}\p{N}])MIM[ -]?(?:0|[1-9]\d*)(?![\p{L}\p{N}])/u;

/**
 * A resource descriptor (mim-format §3.4): `*.mim.yml`, validated against its own schema, or
 * a repository's `publiccode.yml`, validated only for the keys read here. Every entry of
 * `mims:` is a cross-reference to a MIM.
 */
export function parseResourceYaml(file: string, text: string, version: string | number): DocumentModel {
  return guardedDocument(file, text, version, 'resource', 'resource', (model) => {
    const publiccode = PUBLICCODE.test(file);
    const loaded = loadYaml(text, model.lines);
    model.problems.push(
      ...loaded.problems,
      ...checkSchema(publiccode ? 'publiccode' : 'resource', model.file, loaded, model.lines),
    );
    model.suppressions = findSuppressions(text, model.lines, 'yaml');
    const root = loaded.root;
    if (!isMap(root)) return;
    const name = str(field(root, 'name')?.value);
    if (name !== undefined) model.title = plainText(name);
    readMims(model, field(root, 'mims')?.value);
    if (publiccode) {
      const generic = field(field(field(root, 'description')?.value, 'en')?.value, 'genericName')?.value;
      if (!claimIdentity(model, field(root, 'name')?.value)) claimIdentity(model, generic);
    }
  });
}

function readMims(model: DocumentModel, node: MaybeNode): void {
  for (const item of items(node)) {
    if (!isScalar(item) || item.value === null) continue;
    const span = scalarSpan(item);
    const written = model.text.slice(span.start, span.end);
    noteIdInvisibles(model, span.start, written);
    const mim = normalizeMimId(stripInvisibles(String(item.value)));
    model.refs.push({
      file: model.file,
      range: model.lines.rangeOf(span.start, span.end),
      text: written,
      role: 'resource-mims',
      ...(mim && { mim }),
    });
  }
}

/** publiccode.yml names its MIM only in prose, e.g. `name: Accessing Data (MIM0)`; the rest of that text is the MIM's title. */
function claimIdentity(model: DocumentModel, node: MaybeNode): boolean {
  if (!isScalar(node) || typeof node.value !== 'string') return false;
  const span = scalarSpan(node);
  const m = MIM_NUMBER.exec(model.text.slice(span.start, span.end));
  const mim = m && normalizeMimId(m[0].replace(/[()]/g, ''));
  if (!m || !mim) return false;
  const title = plainText(node.value.replace(MIM_NUMBER, ''));
  const at = span.start + m.index;
  model.identity.push({
    mim,
    ...(title && { title }),
    source: 'publiccode',
    file: model.file,
    range: model.lines.rangeOf(at, at + m[0].length),
  });
  return true;
}
