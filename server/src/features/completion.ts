import type { SchemaObject } from 'ajv';
import type { Position } from '../model/range.js';
import type { Workspace } from '../workspace/workspace.js';
import {
  citationItems,
  elementItems,
  idWord,
  keywordItems,
  mimIdItems,
  proseMimItems,
  tagItems,
  type CompletionContext,
  type Word,
} from './support/completion-sources.js';
import type { CompletionItem } from './support/completion-item.js';
import { markdownSnippets, yamlSnippets } from './support/completion-snippets.js';
import { elementAt, lastAtOrBefore, mimOrDocument, partAt } from './support/places.js';
import { propertiesOf, schemaAt, schemaOf, typeLabel } from './support/schema-walk.js';
import { snippetText } from './support/snippet-text.js';
import { siblingKeys, yamlContext, type YamlContext, type YamlPath } from './support/yaml-context.js';

export type { CompletionItem, CompletionKind } from './support/completion-item.js';

/** Completion at a position: what fits there, from the model, the line's text and the schema. */
export function complete(ws: Workspace, file: string, pos: Position): CompletionItem[] {
  const doc = ws.document(file);
  if (!doc || doc.skipped) return [];
  const line = doc.lines.lineText(pos.line);
  const ctx: CompletionContext = {
    ws,
    doc,
    mim: mimOrDocument(ws, doc),
    pos,
    line,
    before: line.slice(0, Math.min(pos.character, line.length)),
  };
  if (doc.kind === 'markdown') return markdownItems(ctx);
  const root = schemaOf(doc);
  const y = yamlContext(doc, pos);
  return root && y ? yamlItems(ctx, y, root) : [];
}

/** The item as plain text, for a client that cannot expand snippets: the text the snippet inserts with its placeholders' defaults. */
export function asPlainText(item: CompletionItem): CompletionItem {
  return item.isSnippet ? { ...item, insertText: snippetText(item.insertText), isSnippet: false } : item;
}

// ---- Markdown ----------------------------------------------------------------------

const ID_LIST_LINE = /^\s*\**\s*(Covers|Mechanisms)\s*\**\s*:/i;

function markdownItems(ctx: CompletionContext): CompletionItem[] {
  const cell = tableCell(ctx);
  if (cell !== undefined) {
    return cell.first && cell.mapping
      ? [...elementItems(ctx, idWord(ctx), ['requirement']), ...markdownSnippets(ctx)]
      : proseItems(ctx);
  }
  const list = ID_LIST_LINE.exec(ctx.before);
  if (list) return elementItems(ctx, idWord(ctx), list[1].toLowerCase() === 'covers' ? ['requirement'] : ['mechanism']);
  return [...proseItems(ctx), ...markdownSnippets(ctx)];
}

/** MIM ids, citations, and keywords where a requirement's text is being written. */
function proseItems(ctx: CompletionContext, requirementText = inRequirementText(ctx)): CompletionItem[] {
  return [...proseMimItems(ctx), ...citationItems(ctx), ...(requirementText ? keywordItems(ctx) : [])];
}

/** In a requirement's text; in Markdown from its id to the end of the line (the parser drops the blank being typed). */
function inRequirementText(ctx: CompletionContext): boolean {
  const r = lastAtOrBefore(ctx.doc.requirements, ctx.pos);
  if (!r) return false;
  const lines = ctx.doc.lines;
  const offset = lines.offsetAt(ctx.pos);
  if (ctx.doc.kind !== 'markdown') return offset >= r.textSpan.start && offset <= r.textSpan.end;
  return (
    offset > lines.offsetAt(r.idRange.end) &&
    offset <= Math.max(r.textSpan.end, lines.lineEnd(lines.positionAt(r.textSpan.end).line))
  );
}

/** The table row the cursor is in: whether in its first cell, and whether the table maps requirements. */
function tableCell(ctx: CompletionContext): { first: boolean; mapping: boolean } | undefined {
  if (!/^\s*\|/.test(ctx.line)) return undefined;
  const lines = ctx.doc.lines;
  let header = ctx.pos.line;
  while (header > 0 && /^\s*\|/.test(lines.lineText(header - 1))) header--;
  const first = (ctx.before.replace(/\\\|/g, '').match(/\|/g) ?? []).length === 1;
  const inMechanisms =
    elementAt(ctx.doc.mechanisms, ctx.pos) !== undefined || partAt(ctx.doc, ctx.pos) === 'mechanisms';
  const firstHeaderCell = lines
    .lineText(header)
    .replace(/^\s*\|/, '')
    .split('|')[0];
  return { first, mapping: inMechanisms && ctx.pos.line > header + 1 && /\breq/i.test(firstHeaderCell) };
}

// ---- YAML --------------------------------------------------------------------------

function yamlItems(ctx: CompletionContext, y: YamlContext, root: SchemaObject): CompletionItem[] {
  const word: Word = { range: y.word, prefix: y.wordText };
  switch (y.at) {
    case 'key':
      return keyItems(
        root,
        schemaAt(root, y.path.slice(0, -1)),
        siblingKeys(ctx.doc, ctx.pos.line, y.column).filter((k) => k !== y.path[y.path.length - 1]),
        word,
        false,
      );
    case 'entry':
    case 'item': {
      const s = schemaAt(root, y.path);
      const snippets = yamlSnippets(ctx, y, root);
      if (s?.type === 'object' || s?.properties)
        return [...snippets, ...keyItems(root, s, siblingKeys(ctx.doc, ctx.pos.line, y.column), word, true)];
      return y.at === 'item' ? [...snippets, ...valueItems(ctx, y, s, word, root)] : snippets;
    }
    case 'value':
      return valueItems(ctx, y, schemaAt(root, y.path), word, root);
    case 'text':
      return proseItems(ctx, isRequirementText(y.path) || inRequirementText(ctx));
  }
}

function keyItems(
  root: SchemaObject,
  map: SchemaObject | undefined,
  present: string[],
  word: Word,
  withColon: boolean,
): CompletionItem[] {
  return propertiesOf(root, map)
    .filter(([k]) => !present.includes(k))
    .map(([k, s]) => ({
      label: k,
      kind: 'key' as const,
      detail: typeLabel(root, s),
      documentation: s.description,
      insertText: withColon ? `${k}: ` : k,
      isSnippet: false,
      range: word.range,
    }));
}

function isRequirementText(path: YamlPath): boolean {
  return path[path.length - 1] === 'text' && path[path.length - 3] === 'requirements';
}

/** The key a value belongs to: `covers` for an item of `covers: [...]`. */
function fieldOf(path: YamlPath): string | undefined {
  const last = path[path.length - 1];
  return typeof last === 'number' ? (path[path.length - 2] as string | undefined) : last;
}

function valueItems(
  ctx: CompletionContext,
  y: YamlContext,
  s: SchemaObject | undefined,
  word: Word,
  root: SchemaObject,
): CompletionItem[] {
  if (s && Array.isArray(s.enum)) {
    return s.enum.map((v: unknown) => ({
      label: String(v),
      kind: 'value' as const,
      detail: typeLabel(root, s),
      documentation: s.description,
      insertText: String(v),
      isSnippet: false,
      range: word.range,
    }));
  }
  const field = fieldOf(y.path);
  // A list written on its key's line (`covers: `) gets its first item in brackets.
  const wrap = (items: CompletionItem[]) =>
    y.at === 'value' && s?.type === 'array' ? items.map((i) => ({ ...i, insertText: `[${i.insertText}]` })) : items;
  if ((field === 'requirement' && y.path.includes('satisfies')) || field === 'covers')
    return wrap(elementItems(ctx, word, ['requirement']));
  if (field === 'seeAlso') return wrap(elementItems(ctx, word, ['requirement', 'capability']));
  if (field === 'mechanisms' && y.path[0] === 'interoperabilityGuidance')
    return wrap(elementItems(ctx, word, ['mechanism']));
  if (field === 'standards') return wrap(tagItems(ctx, word));
  if ((field === 'mim' && y.path.length === 1) || field === 'mims') return wrap(mimIdItems(ctx, word));
  return s?.type === 'string' && !s.pattern ? proseItems(ctx, isRequirementText(y.path)) : [];
}
