import type { DocumentModel } from '../../model/document.js';
import type { ItuBlock } from '../../model/elements.js';
import { entries, entrySpan, field, items, nodeSpan, scalarSpan, str, type Entry } from './nodes.js';
import { plainText, readText } from './text-fields.js';
import { isMap, isScalar, type MaybeNode } from './tree.js';

/** The clauses of an ITU-T Recommendation in the order it puts them. */
const ITU_ORDER = [
  'summary',
  'keywords',
  'scope',
  'references',
  'definitions',
  'abbreviations',
  'conventions',
  'annexes',
  'appendices',
  'bibliography',
];

/**
 * Reads the `itu:` block. Its keys are the clauses, in written order. References, conventions
 * and bibliography are top-level keys of the file; where the YAML puts them says nothing of
 * where the Recommendation will, so they are listed at their ITU-T place among the others.
 */
export function readItu(model: DocumentModel, root: MaybeNode): void {
  const entry = field(root, 'itu');
  if (!entry) return;
  const block = entry.value;
  const span = entrySpan(entry);
  const itu: ItuBlock = {
    file: model.file,
    range: model.lines.rangeOf(span.start, span.end),
    clauses: [],
    keywords: [],
    abbreviations: [],
  };
  const clause = (name: string, e: Entry) => ({ name, range: model.lines.rangeOf(e.keyNode.start, e.keyNode.end) });

  itu.clauses = entries(block).map((e) => clause(e.key, e));
  const references = field(root, 'references');
  const extra = [
    ['references', field(references?.value, 'normative')],
    ['conventions', field(root, 'conventions')],
    ['bibliography', field(references?.value, 'bibliography')],
  ] as const;
  for (const [name, e] of extra) {
    if (!e) continue;
    const rank = ITU_ORDER.indexOf(name);
    const at = itu.clauses.findIndex((c) => ITU_ORDER.indexOf(c.name) > rank);
    itu.clauses.splice(at < 0 ? itu.clauses.length : at, 0, clause(name, e));
  }

  readKeywords(model, itu, field(block, 'keywords')?.value);
  for (const item of items(field(block, 'abbreviations')?.value)) {
    const abbr = str(field(item, 'abbr')?.value);
    if (!isMap(item) || abbr === undefined) continue;
    const expansion = str(field(item, 'expansion')?.value);
    const itemSpan = nodeSpan(item);
    itu.abbreviations.push({
      abbr: abbr.trim(),
      ...(expansion !== undefined && { expansion: plainText(expansion) }),
      range: model.lines.rangeOf(itemSpan.start, itemSpan.end),
    });
  }

  readText(model, field(block, 'summary')?.value);
  readText(model, field(block, 'scope')?.value);
  const definitions = field(block, 'definitions')?.value;
  for (const item of [...items(field(definitions, 'elsewhere')?.value), ...items(field(definitions, 'here')?.value)]) {
    readText(model, field(item, 'definition')?.value);
  }
  for (const item of [...items(field(block, 'annexes')?.value), ...items(field(block, 'appendices')?.value)]) {
    readText(model, field(item, 'text')?.value);
  }
  model.itu = itu;
}

/** Keywords as a list, or as one line separated by commas or semicolons. */
function readKeywords(model: DocumentModel, itu: ItuBlock, node: MaybeNode): void {
  const add = (start: number, written: string) => {
    const word = written.trim();
    if (!word) return;
    const at = start + written.length - written.trimStart().length;
    itu.keywords.push({ text: plainText(word), range: model.lines.rangeOf(at, at + word.length) });
  };
  if (isScalar(node) && typeof node.value === 'string') {
    const span = scalarSpan(node);
    for (const m of model.text.slice(span.start, span.end).matchAll(/[^,;]+/g)) add(span.start + m.index, m[0]);
    return;
  }
  for (const item of items(node)) {
    if (!isScalar(item) || typeof item.value !== 'string') continue;
    const span = scalarSpan(item);
    add(span.start, model.text.slice(span.start, span.end));
  }
}
