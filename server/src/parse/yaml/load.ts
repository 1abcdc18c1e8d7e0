import { isAlias, isScalar, parseAllDocuments, parseDocument, visit, type Document } from 'yaml';
import type { ParseProblem } from '../../model/finding.js';
import { LineIndex } from '../../model/range.js';
import { fastTree, treeData } from './fast-tree.js';
import { fullTree } from './full-tree.js';
import { repairYaml, unrepair } from './repair.js';
import { yamlLineEnds } from './line-ends.js';
import { collectionKeys } from './collection-keys.js';
import { parserWarning } from './parser-warnings.js';
import { DOCUMENT_MARKER, readByRegions, REGIONAL_FROM } from './regional-read.js';
import type { YamlNode } from './tree.js';
import type { YamlError } from './yaml-error.js';

export type { YamlError };

export interface ReadYaml {
  /** The tree of the document to read: the first one with content (publiccode.yml often opens with a comment-only document); none for an empty file. */
  root?: YamlNode;
  /** Plain data for schema validation; undefined for an empty file or when it cannot be built safely. */
  data?: unknown;
  /** True when the text parsed without error, so that schema problems are worth reporting. */
  clean: boolean;
  errors: YamlError[];
  /** What the parser warns about in a text it read (parser-warnings.ts); they leave it clean. */
  warnings: YamlError[];
}

/** ReadYaml with its errors as `syntax/yaml` problems and its warnings as `syntax/yaml-warning`, placed in lines. */
export interface LoadedYaml extends Omit<ReadYaml, 'errors' | 'warnings'> {
  problems: ParseProblem[];
}

// Aliases a document may expand into its data before we call it an alias bomb.
const MAX_ALIAS_COUNT = 100;
// A broken file can yield hundreds of errors at one place; a few are enough to fix it.
const MAX_PROBLEMS = 20;

const NESTING = 'nesting too deep: the YAML parser stopped here';

/** How long a broken text must be to be read by regions (regional-read.ts); the tests set it to compare both readings. */
let regionalFrom = REGIONAL_FROM;

/** Runs `read` with broken texts of `length` characters or more read by regions (Infinity: never). */
export function withRegionalFrom<T>(length: number, read: () => T): T {
  const before = regionalFrom;
  regionalFrom = length;
  try {
    return read();
  } finally {
    regionalFrom = before;
  }
}

/**
 * Parses YAML text into one document's tree and data. A well-formed file takes the fast path
 * (js-yaml's events); any other goes to `yaml`, which recovers from errors, and every failure
 * becomes an error: syntax errors (several, each once), nesting beyond the parser's stack,
 * alias bombs. `events` are the text's packed events when they were read already.
 */
export function readYaml(written: string, events?: Int32Array | null): ReadYaml {
  // Events tokenized from a text with lone CRs are not those of its normalised text.
  const text = yamlLineEnds(written);
  if (text !== written) events = undefined;
  const fast = fastTree(text, events);
  if (fast)
    return fast.root
      ? { root: fast.root, data: treeData(fast.root), clean: true, errors: [], warnings: [] }
      : { clean: true, errors: [], warnings: [] };
  return readRecovering(text);
}

/** `readYaml` with its errors as `syntax/yaml` problems and its warnings as `syntax/yaml-warning`. */
export function loadYaml(text: string, lines: LineIndex, events?: Int32Array | null): LoadedYaml {
  const read = readYaml(text, events);
  const problem =
    (code: string) =>
    (e: YamlError): ParseProblem => ({ code, message: e.message, range: lines.rangeOf(e.start, e.end) });
  const problems = [
    ...[...read.errors, ...collectionKeys(read.root)].map(problem('syntax/yaml')),
    ...read.warnings.map(problem('syntax/yaml-warning')),
  ];
  return {
    ...(read.root && { root: read.root }),
    ...(read.data !== undefined && { data: read.data }),
    clean: read.clean,
    problems,
  };
}

function hasContent(doc: Document.Parsed): boolean {
  return !(
    doc.contents === null ||
    (isScalar(doc.contents) && doc.contents.value === null && doc.contents.range?.[0] === doc.contents.range?.[1])
  );
}

function readRecovering(text: string): ReadYaml {
  const errors: YamlError[] = [];
  const warnings: YamlError[] = [];
  const seen = new Set<string>();
  const report = (message: string, start: number, end: number) => {
    // Running out of stack is reported at every level it unwinds through: once is enough.
    const key = message === NESTING ? NESTING : `${message}@${start}`;
    if (seen.has(key) || errors.length >= MAX_PROBLEMS) return;
    seen.add(key);
    errors.push({ message, start, end: Math.max(start, end) });
  };

  // Only a file with a document marker can hold several documents; the others take the single-document path.
  // `logLevel: 'error'` keeps the library's one logged warning (a collection key stringified
  // by toJS) off the process's stderr, the language server's log: collection-keys.ts reports it.
  const options = { prettyErrors: false, uniqueKeys: true, logLevel: 'error' } as const;
  // A large text is read around its errors only, unless an alias there may be a bomb, which only the whole text's data tells.
  const regional = text.length >= regionalFrom ? readByRegions(text) : undefined;
  if (regional && !(text.includes('*') && firstAlias(regional.doc))) {
    for (const e of regional.errors) report(e.message, e.start, e.end);
    return {
      ...(regional.root && { root: regional.root }),
      clean: false,
      errors,
      warnings: regional.warnings.slice(0, MAX_PROBLEMS),
    };
  }
  const docs = DOCUMENT_MARKER.test(text) ? parseAllDocuments(text, options) : [parseDocument(text, options)];
  const all = Array.isArray(docs) ? docs : [];
  for (const d of all) {
    for (const e of d.errors) report(e.code === 'RESOURCE_EXHAUSTION' ? NESTING : e.message, e.pos[0], e.pos[1]);
    for (const w of d.warnings) if (warnings.length < MAX_PROBLEMS) warnings.push(parserWarning(w));
  }
  const withContent = all.filter(hasContent);
  if (withContent.length > 1) {
    const lines = new LineIndex(text);
    for (const extra of withContent.slice(1)) {
      const [start, end] = extra.range;
      report(
        'only the first YAML document of a file is read; this one is ignored',
        start,
        Math.min(end, lines.lineEnd(lines.positionAt(start).line)),
      );
    }
  }
  const doc = withContent[0];
  const clean = errors.length === 0;
  if (!doc) return { clean, errors, warnings };

  let root: YamlNode | undefined;
  try {
    root =
      (clean || all.length > 1 || seen.has(NESTING) ? undefined : repairedTree(text)) ??
      fullTree(doc.contents, text) ??
      undefined;
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    report(NESTING, 0, 0);
    return { clean: false, errors, warnings };
  }
  // A broken file's data is never read (its schema is not checked: its data would be a guess), so
  // it is built only where building it tells something: an alias, which may be a bomb to report.
  if (!clean && !(text.includes('*') && firstAlias(doc))) return { ...(root && { root }), clean, errors, warnings };
  try {
    return { ...(root && { root }), data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), clean, errors, warnings };
  } catch (e) {
    if (e instanceof RangeError) report(NESTING, 0, 0);
    else if (e instanceof ReferenceError && /alias/i.test(e.message)) {
      const at = firstAlias(doc);
      report(
        `too many aliases: expanding them would exceed ${MAX_ALIAS_COUNT} nodes (an alias bomb?)`,
        at?.[0] ?? 0,
        at?.[1] ?? 0,
      );
    } else throw e;
    return { ...(root && { root }), clean: false, errors, warnings };
  }
}

/**
 * The tree of a broken text read after repairing it (repair.ts), in the offsets of the text
 * as written; undefined when no repair gets further than the recovering parser's own reading.
 */
function repairedTree(text: string): YamlNode | undefined {
  const repaired = repairYaml(text);
  if (!repaired) return undefined;
  const fast = fastTree(repaired.text);
  const tree = fast
    ? fast.root
    : fullTree(parseDocument(repaired.text, { prettyErrors: false, uniqueKeys: true }).contents, repaired.text);
  return unrepair(tree, repaired.edits) ?? undefined;
}

function firstAlias(doc: Document.Parsed): [number, number] | undefined {
  let found: [number, number] | undefined;
  visit(doc, {
    Alias(_, node) {
      if (isAlias(node) && node.range) found = [node.range[0], node.range[1]];
      return visit.BREAK;
    },
  });
  return found;
}
