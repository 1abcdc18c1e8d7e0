import { CONVENTIONS, KEYWORDS } from '../../model/conventions.js';
import type { DocumentModel } from '../../model/document.js';
import type { MimElement } from '../../model/elements.js';
import type { Mim } from '../../model/mim.js';
import { range, rangeBetween, type Position, type Range } from '../../model/range.js';
import { compareIds } from '../../model/ids.js';
import type { Workspace } from '../../workspace/workspace.js';
import type { CompletionItem } from './completion-item.js';
import { describe, mimTitle } from './places.js';

/** Everything a completion source reads about the cursor. */
export interface CompletionContext {
  ws: Workspace;
  doc: DocumentModel;
  mim: Mim;
  pos: Position;
  /** The cursor's line, and its part before the cursor. */
  line: string;
  before: string;
}

/** Each source gives at most this many items; the front marks such a list incomplete. */
export const COMPLETION_MAX = 1000;
/** Below this many requirements in the other MIMs, their global ids are offered at once; above, one `MIMx.` item per MIM leads to them. */
export const GLOBAL_IDS_AT_ONCE = 500;

export interface Word {
  range: Range;
  prefix: string;
}

/** The id-like word around the cursor (`R1.`, `MIM0.R1`), which a completion replaces. */
export function idWord(ctx: CompletionContext): Word {
  const left = /[\w.]*$/.exec(ctx.before)![0];
  const right = /^[\w.]*/.exec(ctx.line.slice(ctx.before.length))![0];
  const { line, character } = ctx.pos;
  return { range: range(line, character - left.length, line, character + right.length), prefix: left };
}

function short(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function matches(label: string, prefix: string): boolean {
  return label.toLowerCase().startsWith(prefix.toLowerCase());
}

function idItem(e: MimElement, label: string, word: Word, documentation: string | undefined): CompletionItem {
  return {
    label,
    kind: 'id',
    detail: short(describe(e)),
    documentation,
    insertText: label,
    isSnippet: false,
    range: word.range,
  };
}

/** Gathers items that match the typed prefix, each label once, at most COMPLETION_MAX. */
function collector(prefix: string) {
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const push = (item: CompletionItem) => {
    if (items.length < COMPLETION_MAX && !seen.has(item.label) && matches(item.label, prefix)) {
      seen.add(item.label);
      items.push(item);
    }
  };
  return { items, push };
}

function elementsOf(m: Mim, kinds: MimElement['kind'][]): MimElement[] {
  return kinds
    .flatMap((k): MimElement[] =>
      k === 'requirement'
        ? m.requirements
        : k === 'capability'
          ? m.capabilities
          : k === 'mechanism'
            ? m.mechanisms
            : [],
    )
    .filter((e) => e.id);
}

function requirementNote(e: MimElement): string | undefined {
  return e.kind === 'requirement' ? `${e.level} · ${e.capability ?? 'no capability'}` : undefined;
}

/** The global ids (`MIM0.R1.1`) of one MIM's elements. */
function globalItems(
  ctx: CompletionContext,
  word: Word,
  mimId: string,
  kinds: MimElement['kind'][],
  push: (i: CompletionItem) => void,
): void {
  for (const m of ctx.ws.index.byId.get(mimId) ?? [])
    for (const e of elementsOf(m, kinds)) push(idItem(e, `${mimId}.${e.id}`, word, m.title));
}

/**
 * Ids where an id is expected: the MIM's own elements of the given kinds, then for
 * requirements the global ids of the other MIMs of the workspace (all of them in a small
 * workspace; in a large one, one `MIMx.` item per MIM, and that MIM's ids once it is typed).
 */
export function elementItems(ctx: CompletionContext, word: Word, kinds: MimElement['kind'][]): CompletionItem[] {
  const { items, push } = collector(word.prefix);
  for (const e of elementsOf(ctx.mim, kinds)) push(idItem(e, e.id, word, requirementNote(e)));
  // Mechanisms are named only within their own MIM.
  if (!kinds.includes('requirement')) return items;
  const named = /^(MIM\d+)\./.exec(word.prefix)?.[1];
  if (named) {
    globalItems(ctx, word, named, kinds, push);
    return items;
  }
  const others = ctx.ws.mims().filter((m) => m.known && m.id !== ctx.mim.id);
  const total = others.reduce((n, m) => n + m.requirements.length, 0);
  for (const m of others) {
    if (total <= GLOBAL_IDS_AT_ONCE) globalItems(ctx, word, m.id, kinds, push);
    else
      push({
        label: `${m.id}.`,
        kind: 'mim',
        detail: m.title,
        documentation: `${m.requirements.length} requirements`,
        insertText: `${m.id}.`,
        isSnippet: false,
        range: word.range,
      });
  }
  return items;
}

/** MIM ids, from the workspace and the registry of the file's config, in number order. */
export function mimIdItems(ctx: CompletionContext, word: Word): CompletionItem[] {
  const ids = new Set<string>([
    ...ctx.ws
      .mims()
      .filter((m) => m.known)
      .map((m) => m.id),
    ...ctx.ws.registryFor(ctx.doc.file).keys(),
  ]);
  const numbering = ctx.ws.configFor(ctx.doc.file).numbering;
  return [...ids]
    .sort(compareIds)
    .filter((id) => matches(id, word.prefix))
    .map((id) => ({
      label: id,
      kind: 'mim' as const,
      detail: mimTitle(ctx.ws, ctx.doc.file, id),
      documentation: ctx.ws.index.byId.has(id) ? 'in the workspace' : `from the ${numbering} registry`,
      insertText: id,
      isSnippet: false,
      range: word.range,
    }));
}

/**
 * In prose: MIM ids after `MIM` or `MI`, and the elements of a MIM after `MIM0.`. A lone `M`
 * is left to the keywords (MUST, MAY) and to the words of the text.
 */
export function proseMimItems(ctx: CompletionContext): CompletionItem[] {
  const global = /(?<![\w.])(MIM\d+)\.[\w.]*$/.exec(ctx.before);
  if (global) {
    const { items, push } = collector(idWord(ctx).prefix);
    globalItems(ctx, idWord(ctx), global[1], ['requirement', 'capability'], push);
    return items;
  }
  if (/(?<![\w.])MI(?:M\d*)?$/.test(ctx.before)) return mimIdItems(ctx, idWord(ctx));
  return [];
}

/** Citation tags of the MIM's references, after an open `[`. */
export function citationItems(ctx: CompletionContext): CompletionItem[] {
  const open = /\[([^[\]()]*)$/.exec(ctx.before);
  if (!open || ctx.mim.references.length === 0) return [];
  const closed = ctx.line[ctx.before.length] === ']';
  const start = ctx.before.length - open[1].length;
  const range = rangeBetween({ line: ctx.pos.line, character: start }, ctx.pos);
  return ctx.mim.references.map((r) => ({
    label: r.tag,
    kind: 'citation' as const,
    detail: r.title,
    documentation: [r.kind === 'normative' ? 'Normative reference' : 'Bibliography', r.url].filter(Boolean).join(' · '),
    insertText: closed ? r.tag : `${r.tag}]`,
    isSnippet: false,
    range,
  }));
}

/** Reference tags as values (a mechanism's `standards`). */
export function tagItems(ctx: CompletionContext, word: Word): CompletionItem[] {
  return ctx.mim.references.map((r) => ({
    label: r.tag,
    kind: 'citation' as const,
    detail: r.title,
    insertText: r.tag,
    isSnippet: false,
    range: word.range,
  }));
}

/** The normative keywords of the MIM's convention (of all three where none is declared). */
export function keywordItems(ctx: CompletionContext): CompletionItem[] {
  const word = /[A-Za-z]*$/.exec(ctx.before)![0];
  const range = rangeBetween({ line: ctx.pos.line, character: ctx.pos.character - word.length }, ctx.pos);
  const convention =
    ctx.mim.convention ?? ctx.doc.conventions?.convention ?? ctx.ws.configFor(ctx.doc.file).conventions;
  const seen = new Set<string>();
  return (convention ? [convention] : CONVENTIONS).flatMap((c) =>
    KEYWORDS[c].flatMap((k) => {
      if (seen.has(k.phrase)) return [];
      seen.add(k.phrase);
      return [
        {
          label: k.phrase,
          kind: 'keyword' as const,
          detail: `${k.level} (${c})`,
          insertText: k.phrase,
          isSnippet: false,
          range,
        },
      ];
    }),
  );
}
