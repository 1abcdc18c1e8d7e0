import type { SchemaObject } from 'ajv';
import type { DocumentModel } from '../../model/document.js';
import { basename } from '../../base/paths.js';
import { mimSchema, publiccodeSchema, resourceSchema } from '../../parse/yaml/schemas.js';
import type { YamlPath } from './yaml-context.js';

/** The JSON Schema a YAML document is checked against; undefined for Markdown. */
export function schemaOf(doc: DocumentModel): SchemaObject | undefined {
  if (doc.kind === 'mim-yaml') return mimSchema;
  if (doc.kind === 'resource')
    return basename(doc.file).toLowerCase().startsWith('publiccode.') ? publiccodeSchema : resourceSchema;
  return undefined;
}

/** Follows a local `$ref`; the referring node's own keywords (its description above all) win. */
function resolve(root: SchemaObject, s: SchemaObject | boolean | undefined): SchemaObject | undefined {
  if (!s || typeof s !== 'object') return undefined;
  if (typeof s.$ref !== 'string' || !s.$ref.startsWith('#/')) return s;
  let target: unknown = root;
  for (const part of s.$ref.slice(2).split('/')) target = (target as Record<string, unknown> | undefined)?.[part];
  const { $ref: _ref, ...own } = s;
  return { ...resolve(root, target as SchemaObject), ...own };
}

/** The schema itself or the first of its `anyOf`/`oneOf` alternatives that has `want`. */
function variant(root: SchemaObject, s: SchemaObject, want: 'properties' | 'items'): SchemaObject | undefined {
  if (s[want]) return s;
  for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) {
    const r = resolve(root, alt);
    if (r?.[want]) return r;
  }
  return undefined;
}

/** The schema of the node at a path: `properties` for keys, `items` for indices, `$defs` through `$ref`. */
export function schemaAt(root: SchemaObject, path: YamlPath): SchemaObject | undefined {
  let s = resolve(root, root);
  for (const seg of path) {
    if (!s) return undefined;
    if (typeof seg === 'number') s = resolve(root, variant(root, s, 'items')?.items);
    else {
      const props = variant(root, s, 'properties')?.properties as Record<string, SchemaObject> | undefined;
      s = resolve(
        root,
        props?.[seg] ?? (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined),
      );
    }
  }
  return s;
}

/** The keys a map schema allows, each with its own (resolved) schema, in the schema's order. */
export function propertiesOf(root: SchemaObject, s: SchemaObject | undefined): [string, SchemaObject][] {
  const props = s
    ? (variant(root, s, 'properties')?.properties as Record<string, SchemaObject> | undefined)
    : undefined;
  return Object.entries(props ?? {}).flatMap(([k, v]) => {
    const r = resolve(root, v);
    return r ? [[k, r] as [string, SchemaObject]] : [];
  });
}

/** What a schema expects, in a word or two: `text`, `list`, `map`, `proposal | work-item`. */
export function typeLabel(root: SchemaObject, s: SchemaObject): string {
  if (Array.isArray(s.enum)) return s.enum.join(' | ');
  if (variant(root, s, 'items') && (s.type === 'array' || s.anyOf || s.oneOf))
    return s.type === 'array' ? 'list' : 'list or text';
  const type = Array.isArray(s.type) ? s.type : [s.type];
  return (
    type
      .map((t) => (t === 'string' ? 'text' : t === 'object' ? 'map' : t === 'array' ? 'list' : t))
      .filter(Boolean)
      .join(' or ') || 'value'
  );
}

/** Whether the node at a schema holds a list (so a new line there starts an item). */
export function isList(root: SchemaObject, s: SchemaObject | undefined): boolean {
  return !!s && (s.type === 'array' || (!s.properties && variant(root, s, 'items') !== undefined));
}
