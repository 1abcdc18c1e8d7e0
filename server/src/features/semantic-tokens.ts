import type { Level } from '../model/conventions.js';
import { elementsOf, type IdRef } from '../model/elements.js';
import type { Mim } from '../model/mim.js';
import type { Workspace } from '../workspace/workspace.js';

/**
 * The legend. Keywords are one type with their level as a modifier, so a theme colours all
 * keywords alike by default and can tell levels apart with `keyword.required` and the like.
 */
export const TOKEN_TYPES = ['keyword', 'id', 'reference'] as const;
export const TOKEN_MODIFIERS = [
  'required',
  'recommended',
  'notRecommended',
  'optional',
  'prohibited',
  'definition',
  'unresolved',
  'legacy',
] as const;

export type TokenType = (typeof TOKEN_TYPES)[number];
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export interface SemanticToken {
  line: number;
  character: number;
  length: number;
  type: TokenType;
  modifiers: TokenModifier[];
}

const LEVEL_MODIFIER: Record<Exclude<Level, 'none'>, TokenModifier> = {
  required: 'required',
  recommended: 'recommended',
  'not-recommended': 'notRecommended',
  optional: 'optional',
  prohibited: 'prohibited',
};

/** Semantic tokens of a document: element ids where they are defined, references (flagged when they name nothing), requirement keywords. */
export function semanticTokens(ws: Workspace, file: string): SemanticToken[] {
  const doc = ws.document(file);
  if (!doc) return [];
  const mim = ws.index.mimOf(doc.file);
  const tokens: SemanticToken[] = [];
  for (const e of elementsOf(doc)) {
    const r = e.idRange;
    if (r.start.line === r.end.line)
      tokens.push({
        line: r.start.line,
        character: r.start.character,
        length: r.end.character - r.start.character,
        type: 'id',
        modifiers: e.malformed ? ['definition', 'legacy'] : ['definition'],
      });
  }
  for (const ref of doc.refs) {
    const r = ref.range;
    if (r.start.line !== r.end.line) continue;
    const modifiers: TokenModifier[] = [];
    if (!resolves(ws, ref, mim)) modifiers.push('unresolved');
    if (ref.legacy) modifiers.push('legacy');
    tokens.push({
      line: r.start.line,
      character: r.start.character,
      length: r.end.character - r.start.character,
      type: 'reference',
      modifiers,
    });
  }
  for (const req of doc.requirements) {
    for (const k of req.keywords) {
      if (k.level === 'none') continue;
      // ITU phrases may break across lines: one token per line.
      let at = k.offset;
      const end = k.offset + k.length;
      while (at < end) {
        const p = doc.lines.positionAt(at);
        const lineEnd = Math.min(end, doc.lines.lineEnd(p.line));
        if (lineEnd > at)
          tokens.push({
            line: p.line,
            character: p.character,
            length: lineEnd - at,
            type: 'keyword',
            modifiers: [LEVEL_MODIFIER[k.level]],
          });
        at = doc.lines.lineStart(p.line + 1);
      }
    }
  }
  tokens.sort((a, b) => a.line - b.line || a.character - b.character);
  // Tokens may not overlap: the first at a place wins.
  return tokens.filter(
    (t, i) => i === 0 || t.line !== tokens[i - 1].line || t.character >= tokens[i - 1].character + tokens[i - 1].length,
  );
}

/** Whether a reference names something: an element of a MIM in the workspace, or a MIM the workspace or registry knows. */
function resolves(ws: Workspace, ref: IdRef, mim: Mim | undefined): boolean {
  const mimId = ref.mim ?? mim?.id;
  if (!mimId) return false;
  if (!ref.target) return ref.mim !== undefined && (ws.index.byId.has(mimId) || ws.registryFor(ref.file).has(mimId));
  if (!ws.index.byId.has(mimId)) return ws.registryFor(ref.file).has(mimId);
  return ws.index.lookup(`${mimId}.${ref.target.id}`).length > 0;
}
