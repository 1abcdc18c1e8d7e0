import type { ErrorObject } from 'ajv';
import type { ParseProblem } from '../../model/finding.js';
import type { LineIndex } from '../../model/range.js';
import type { TextSpan } from '../../model/elements.js';
import { MIM_ID_PATTERN, mimIdInName } from '../text/mim-names.js';
import { entries, field, nodeSpan } from './nodes.js';
import { isMap, isSeq, type YamlNode, type YamlScalar } from './tree.js';

/** The YAML node an instance path leads to, as far as the path can be followed, and the key it sits under. */
interface Located {
  node?: YamlNode;
  key?: YamlScalar;
}

function segments(pointer: string): string[] {
  return pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function locate(root: YamlNode | undefined, path: string[]): Located {
  let node = root;
  let key: YamlScalar | undefined;
  for (const seg of path) {
    if (isMap(node)) {
      const entry = field(node, seg);
      if (!entry) break;
      key = entry.keyNode;
      node = entry.value ?? undefined;
    } else if (isSeq(node) && node.items[Number(seg)]) {
      key = undefined;
      node = node.items[Number(seg)] ?? undefined;
    } else break;
  }
  return { node, key };
}

/** A key: the key the node sits under, else the first key of the map (an item of a list has no key of its own). */
function keySpan(at: Located): TextSpan {
  const key = at.key ?? entries(at.node)[0]?.keyNode;
  if (key) return nodeSpan(key);
  return at.node ? nodeSpan(at.node) : { start: 0, end: 0 };
}

/** A value: the node itself, or its key when the value is empty (`title:` with nothing after it). */
function valueSpan(at: Located): TextSpan {
  const span = at.node ? nodeSpan(at.node) : undefined;
  return span && span.end > span.start ? span : keySpan(at);
}

/** `mim`, `capabilities[0]`, `seeAlso[1]`: the last key of the path and the indexes after it. */
function label(path: string[]): string {
  let i = path.length;
  while (i > 0 && /^\d+$/.test(path[i - 1])) i--;
  // Every schema here is a map at the top, so a path never starts with an index.
  if (i === 0) return 'the document';
  return (
    path[i - 1] +
    path
      .slice(i)
      .map((n) => `[${n}]`)
      .join('')
  );
}

const TYPE_WORDS: Record<string, string> = {
  object: 'a map',
  array: 'a list',
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  null: 'empty',
};

function typeWords(types: unknown): string {
  return (Array.isArray(types) ? types : String(types).split(',')).map((t) => TYPE_WORDS[t] ?? t).join(' or ');
}

function describe(data: unknown): string {
  if (data === null || data === undefined) return 'nothing';
  if (Array.isArray(data)) return 'a list';
  if (typeof data === 'object') return 'a map';
  return typeof data === 'string' ? `'${data}'` : String(data);
}

/** anyOf/oneOf report every alternative's failure too: that noise is folded into the parent's message. */
function isChildOf(child: ErrorObject, parent: ErrorObject): boolean {
  return (
    child !== parent &&
    child.schemaPath.startsWith(`${parent.schemaPath}/`) &&
    (child.instancePath === parent.instancePath || child.instancePath.startsWith(`${parent.instancePath}/`))
  );
}

function alternativesMessage(error: ErrorObject, children: ErrorObject[], name: string): string {
  const types = children
    .filter((c) => c.keyword === 'type' && c.instancePath === error.instancePath)
    .map((c) => c.params.type as string);
  if (types.length === children.length && types.length > 0)
    return `${name} must be ${typeWords(types)}, got ${describe(error.data)}`;
  return `${name} does not match any of its allowed forms`;
}

function message(error: ErrorObject, name: string, children: ErrorObject[]): string {
  switch (error.keyword) {
    case 'enum':
      return `${name} must be one of: ${(error.params.allowedValues as unknown[]).join(', ')}; got ${describe(error.data)}`;
    case 'pattern':
      return `${name} must match ${error.params.pattern}, got ${describe(error.data)}`;
    case 'type':
      return `${name} must be ${typeWords(error.params.type)}, got ${describe(error.data)}`;
    case 'minLength':
      return error.params.limit === 1 ? `${name} must not be empty` : `${name} ${error.message}`;
    case 'anyOf':
    case 'oneOf':
      return alternativesMessage(error, children, name);
    default:
      return `${name} ${error.message ?? 'is invalid'}`;
  }
}

interface Placed {
  span: TextSpan;
  message: string;
  /** For a missing property: its name, so that several on one map share one problem; `message` then names the map. */
  missing?: string;
  /** The value to write instead, where the error leaves one answer: a quick fix. */
  replacement?: string;
}

/**
 * A value against the MIM id pattern says what to write: the id it names when it names one
 * (`MIM 6`, `mim6`, a repository's name such as `securing-data-mim-6`), else the form.
 */
function mimIdError(error: ErrorObject, name: string): Omit<Placed, 'span'> | undefined {
  if (error.keyword !== 'pattern' || error.params.pattern !== MIM_ID_PATTERN) return undefined;
  const id = typeof error.data === 'string' ? mimIdInName(error.data) : undefined;
  if (!id) return { message: `${name} must be a MIM id such as MIM0, got ${describe(error.data)}` };
  return { message: `${name} must be a MIM id: write ${id}, not ${describe(error.data)}`, replacement: id };
}

function place(error: ErrorObject, errors: ErrorObject[], root: YamlNode | undefined): Placed {
  const path = segments(error.instancePath);
  const name = label(path);
  if (error.keyword === 'required') {
    return { span: keySpan(locate(root, path)), message: name, missing: error.params.missingProperty as string };
  }
  if (error.keyword === 'additionalProperties') {
    const prop = error.params.additionalProperty as string;
    const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
    return {
      span: keySpan(locate(root, [...path, prop])),
      message: `unknown property '${prop}'${allowed.length ? `; allowed: ${allowed.join(', ')}` : ''}`,
    };
  }
  if (error.propertyName !== undefined) {
    return {
      span: keySpan(locate(root, [...path, error.propertyName])),
      message: `${name} key '${error.propertyName}' ${error.message ?? 'is invalid'}`,
    };
  }
  const span = valueSpan(locate(root, path));
  return {
    span,
    ...(mimIdError(error, name) ?? {
      message: message(
        error,
        name,
        errors.filter((e) => isChildOf(e, error)),
      ),
    }),
  };
}

/**
 * Turns ajv's errors into `schema/invalid` problems on the YAML node at fault: the key of
 * the map that lacks a required property, the key of an unknown property, the value of a
 * wrong type, enum or pattern. One problem per node: several missing properties of one map
 * share one message; any other second error on a node is dropped. Where the error leaves one
 * value to write, the problem carries the fix that writes it in `file`.
 */
export function schemaErrorsToProblems(
  errors: ErrorObject[],
  root: YamlNode | undefined,
  lines: LineIndex,
  file: string,
): ParseProblem[] {
  const groups = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  // propertyNames repeats, without the name, what its child error says.
  const kept = errors.filter((e) => e.keyword !== 'propertyNames' && !groups.some((g) => isChildOf(e, g)));
  const byNode = new Map<string, { span: TextSpan; message: string; missing: string[]; replacement?: string }>();
  for (const error of kept) {
    const placed = place(error, errors, root);
    const key = `${placed.span.start}:${placed.span.end}`;
    const seen = byNode.get(key);
    if (!seen)
      byNode.set(key, {
        span: placed.span,
        message: placed.message,
        missing: placed.missing ? [placed.missing] : [],
        replacement: placed.replacement,
      });
    else if (placed.missing && seen.missing.length > 0) seen.missing.push(placed.missing);
  }
  return [...byNode.values()]
    .sort((a, b) => a.span.start - b.span.start)
    .map((p) => {
      const range = lines.rangeOf(p.span.start, p.span.end);
      const problem: ParseProblem = {
        code: 'schema/invalid',
        message: p.missing.length > 0 ? missingMessage(p.message, p.missing) : p.message,
        range,
      };
      if (p.replacement !== undefined)
        problem.fixes = [
          { title: `Write ${p.replacement}`, edits: [{ file, range, newText: p.replacement }], preferred: true },
        ];
      return problem;
    });
}

function missingMessage(owner: string, missing: string[]): string {
  const names = missing.map((m) => `'${m}'`).join(', ');
  return `${owner} is missing required ${missing.length > 1 ? 'properties' : 'property'} ${names}`;
}
