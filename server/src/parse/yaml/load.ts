import { isAlias, isScalar, parseAllDocuments, parseDocument, visit, type Document } from 'yaml';
import type { ParseProblem } from '../../model/finding.js';
import type { LineIndex } from '../../model/range.js';

export interface LoadedYaml {
  /** The document to read: the first one with content (publiccode.yml often opens with a comment-only document); none for an empty file. */
  doc?: Document.Parsed;
  /** Plain data for schema validation; undefined for an empty file or when it cannot be built safely. */
  data?: unknown;
  /** True when the text parsed without error, so that schema problems are worth reporting. */
  clean: boolean;
  problems: ParseProblem[];
}

// Aliases a document may expand into its data before we call it an alias bomb.
const MAX_ALIAS_COUNT = 100;
// A broken file can yield hundreds of errors at one place; a few are enough to fix it.
const MAX_PROBLEMS = 20;

const NESTING = 'nesting too deep: the YAML parser stopped here';

function hasContent(doc: Document.Parsed): boolean {
  return !(doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null && doc.contents.range?.[0] === doc.contents.range?.[1]));
}

/**
 * Parses YAML text into one document, turning every failure into a `syntax/yaml` problem:
 * syntax errors (several, each once), nesting beyond the parser's stack, alias bombs.
 */
export function loadYaml(text: string, lines: LineIndex): LoadedYaml {
  const problems: ParseProblem[] = [];
  const seen = new Set<string>();
  const report = (message: string, start: number, end: number) => {
    // Running out of stack is reported at every level it unwinds through: once is enough.
    const key = message === NESTING ? NESTING : `${message}@${start}`;
    if (seen.has(key) || problems.length >= MAX_PROBLEMS) return;
    seen.add(key);
    problems.push({ code: 'syntax/yaml', message, range: lines.rangeOf(start, Math.max(start, end)) });
  };

  // Only a file with a document marker can hold several documents; the others take the single-document path.
  const options = { prettyErrors: false, uniqueKeys: true } as const;
  const docs = /^(?:---|\.\.\.)(?:\s|$)/m.test(text) ? parseAllDocuments(text, options) : [parseDocument(text, options)];
  const all = Array.isArray(docs) ? docs : [];
  for (const d of all) {
    for (const e of d.errors) report(e.code === 'RESOURCE_EXHAUSTION' ? NESTING : e.message, e.pos[0], e.pos[1]);
  }
  const withContent = all.filter(hasContent);
  for (const extra of withContent.slice(1)) {
    const [start, end] = extra.range;
    report('only the first YAML document of a file is read; this one is ignored', start, Math.min(end, lines.lineEnd(lines.positionAt(start).line)));
  }
  const doc = withContent[0];
  const clean = problems.length === 0;
  if (!doc) return { clean, problems };

  try {
    return { doc, data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), clean, problems };
  } catch (e) {
    if (e instanceof RangeError) report(NESTING, 0, 0);
    else if (e instanceof ReferenceError && /alias/i.test(e.message)) {
      const at = firstAlias(doc);
      report(`too many aliases: expanding them would exceed ${MAX_ALIAS_COUNT} nodes (an alias bomb?)`, at?.[0] ?? 0, at?.[1] ?? 0);
    } else throw e;
    return { doc, data: undefined, clean: false, problems };
  }
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
