import type { DocumentModel } from '../../model/document.js';
import type { ItuAppendix, ItuBlock, ItuDefinition } from '../../model/elements.js';
import { ituClauseRank } from '../../model/itu-clauses.js';
import { entries, entrySpan, field, items, nodeSpan, scalarSpan, str, type Entry } from './nodes.js';
import { plainText, readProse } from './text-fields.js';
import { isMap, isScalar, type MaybeNode } from './tree.js';

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
    definitions: { elsewhere: [], here: [] },
    annexes: [],
    appendices: [],
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
    const rank = ituClauseRank(name)!;
    const at = itu.clauses.findIndex((c) => (ituClauseRank(c.name) ?? -1) > rank);
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

  const summary = readProse(model, field(block, 'summary')?.value);
  if (summary) itu.summary = summary;
  const scope = readProse(model, field(block, 'scope')?.value);
  if (scope) itu.scope = scope;
  const definitions = field(block, 'definitions')?.value;
  for (const which of ['elsewhere', 'here'] as const) {
    itu.definitions[which] = items(field(definitions, which)?.value).flatMap(
      (item) => readDefinition(model, item) ?? [],
    );
  }
  for (const which of ['annexes', 'appendices'] as const) {
    itu[which] = items(field(block, which)?.value).flatMap((item) => readAppendix(model, item) ?? []);
  }
  model.itu = itu;
}

/** A defined term; its definition is prose, read (and checked) even where the term is missing. */
function readDefinition(model: DocumentModel, item: MaybeNode): ItuDefinition | undefined {
  const definition = readProse(model, field(item, 'definition')?.value);
  const term = str(field(item, 'term')?.value);
  if (!isMap(item) || term === undefined) return undefined;
  const source = str(field(item, 'source')?.value);
  return {
    term: plainText(term),
    ...(source !== undefined && { source: source.trim() }),
    ...(definition && { definition }),
  };
}

function readAppendix(model: DocumentModel, item: MaybeNode): ItuAppendix | undefined {
  const text = readProse(model, field(item, 'text')?.value);
  const title = str(field(item, 'title')?.value);
  if (!isMap(item) || title === undefined) return undefined;
  return { title: plainText(title), ...(text && { text }) };
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
