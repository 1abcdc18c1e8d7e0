import type { DocumentModel } from '../model/document.js';
import { REQUIREMENT_TRACE_ROLES, type IdRef, type Requirement } from '../model/elements.js';
import type { Finding, TextEdit } from '../model/finding.js';
import type { Mim } from '../model/mim.js';
import { comparePositions, compareRanges, type Position, type Range, rangeBetween } from '../model/range.js';
import { idNumber, parseLocalId } from '../model/ids.js';
import type { Workspace } from '../workspace/workspace.js';
import { ownerOf, requirementUses } from './support/owners.js';
import { byPlace, mimOrDocument } from './support/places.js';
import { escapeInline } from '../parse/text/escape-markdown.js';
import { yamlScalar } from '../parse/yaml/write-scalar.js';
import {
  insertBlocks,
  lastLineOf,
  markdownHeading,
  markdownMappingRow,
  markdownRequirement,
  yamlItem,
  yamlList,
} from './support/templates.js';

export interface CodeAction {
  title: string;
  kind: 'quickfix' | 'source.fixAll';
  edits: TextEdit[];
  /** The code of the finding the action fixes, when it fixes one. */
  diagnosticCode?: string;
  /** The fix is safe to apply without review. */
  preferred?: boolean;
}

function overlaps(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}

/**
 * Quick fixes for a range: the fixes the findings there carry, "create the missing
 * requirement" for a reference to a requirement that does not exist, "add a mapping row" for
 * a requirement that no mechanism satisfies. The file's "fix all" is `fixAll`.
 */
export function codeActions(ws: Workspace, file: string, range: Range): CodeAction[] {
  const doc = ws.document(file);
  if (!doc) return [];
  const findings = (ws.check().get(doc.file) ?? []).filter((f) => overlaps(f.range, range));
  // A derived action names the finding it answers, when that rule is on and fired here.
  const withCode = (action: CodeAction, code: string, r: Range): CodeAction =>
    findings.some((f) => f.code === code && compareRanges(f.range, r) === 0)
      ? { ...action, diagnosticCode: code }
      : action;
  // Two findings on one place may carry the same fix (a quote that drifts in level and in
  // words): it is offered once.
  const seen = new Set<string>();
  const out: CodeAction[] = findings.flatMap((f) =>
    (f.fixes ?? []).flatMap((fix) => {
      const key = JSON.stringify([fix.title, fix.edits]);
      if (seen.has(key)) return [];
      seen.add(key);
      return [
        {
          title: fix.title,
          kind: 'quickfix' as const,
          edits: fix.edits,
          diagnosticCode: f.code,
          ...(fix.preferred && { preferred: true }),
        },
      ];
    }),
  );
  const mim = mimOrDocument(ws, doc);
  for (const ref of doc.refs) {
    if (!REQUIREMENT_TRACE_ROLES.has(ref.role) || !overlaps(ref.range, range)) continue;
    const action = createRequirement(ws, doc, ref, mim);
    if (action) out.push(withCode(action, 'trace/unknown-requirement', ref.range));
  }
  for (const r of doc.requirements) {
    if (!overlaps(r.idRange, range)) continue;
    const action = addMappingRow(ws, r, mim);
    if (action) out.push(withCode(action, 'trace/uncovered-requirement', r.idRange));
  }
  return out;
}

/** Every safe (preferred) fix of a file's findings, as one action; fixes that would overlap an earlier one wait for the next run. */
export function fixAll(ws: Workspace, file: string): CodeAction | undefined {
  const edits = safeEdits(ws.check().get(ws.document(file)?.file ?? file) ?? []);
  return edits.length > 0 ? { title: 'Fix all safe mimspec problems', kind: 'source.fixAll', edits } : undefined;
}

/** The edits of the preferred fixes, in finding order, leaving out any fix that touches text an earlier one changes. */
export function safeEdits(findings: readonly Finding[]): TextEdit[] {
  const taken: TextEdit[] = [];
  for (const f of findings) {
    const fix = f.fixes?.find(
      (x) => x.preferred && !x.edits.some((e) => taken.some((t) => t.file === e.file && clash(t.range, e.range))),
    );
    if (fix) taken.push(...fix.edits);
  }
  return taken.sort(byPlace);
}

/** Edits clash when they share characters, or insert at the same point; edits that only touch do not. */
function clash(a: Range, b: Range): boolean {
  const empty = (r: Range) => comparePositions(r.start, r.end) === 0;
  if (empty(a) && empty(b)) return comparePositions(a.start, b.start) === 0;
  return comparePositions(a.start, b.end) < 0 && comparePositions(b.start, a.end) < 0;
}

function insertAt(file: string, at: Position, newText: string): TextEdit {
  return { file, range: rangeBetween(at, at), newText };
}

/** The column of the `- ` that opens the YAML item whose map starts at `pos`. */
function dashColumn(doc: DocumentModel, pos: Position): number {
  const i = doc.lines.lineText(pos.line).lastIndexOf('-', pos.character - 1);
  return i >= 0 ? i : Math.max(0, pos.character - 2);
}

/** The text a mapping row quotes for the requirement it names, if the row is a Markdown one that quotes. */
function quoteOf(doc: DocumentModel, ref: IdRef): string {
  const owner = ownerOf(doc, ref);
  return (owner?.kind === 'mechanism' && owner.satisfies.find((row) => row.ref === ref)?.quote) || '';
}

function createRequirement(ws: Workspace, doc: DocumentModel, ref: IdRef, from: Mim): CodeAction | undefined {
  if (ref.target?.kind !== 'requirement') return undefined;
  const target = ws.index.byId.get(ref.mim ?? from.id)?.[0] ?? (ref.mim ? undefined : from);
  if (!target || target.requirements.some((r) => r.id === ref.target!.id)) return undefined;
  const id = ref.target.id;
  const n = parseLocalId(id)?.capabilityNumber;
  if (n === undefined) return undefined;
  const text = quoteOf(doc, ref);
  // YAML text fields are Markdown: the quote is escaped for Markdown, then for the scalar.
  const yamlText = yamlScalar(escapeInline(text));
  const cap = target.capabilities.find((c) => idNumber(c.id) === n);
  const docOf = (file: string) => ws.document(file)!;
  if (cap) {
    const capDoc = docOf(cap.file);
    const last = cap.requirements[cap.requirements.length - 1];
    let edit: TextEdit;
    if (capDoc.kind === 'markdown') {
      const like = last ?? target.requirements.find((r) => docOf(r.file).kind === 'markdown');
      edit = insertBlocks(capDoc, lastLineOf(capDoc, last ?? cap), [
        markdownRequirement(like && { element: like, doc: docOf(like.file) }, id, text),
      ]);
    } else if (last) {
      const dash = dashColumn(capDoc, last.range.start);
      edit = insertAt(
        cap.file,
        last.range.end,
        `\n${' '.repeat(dash)}${yamlItem(dash, [
          ['id', id],
          ['text', yamlText],
        ])}`,
      );
    } else {
      const col = cap.range.start.character;
      edit = insertAt(
        cap.file,
        cap.range.end,
        `\n${' '.repeat(col)}requirements:${yamlList(col - 2, [
          [
            ['id', id],
            ['text', yamlText],
          ],
        ])}`,
      );
    }
    return { title: `Create requirement ${id} in ${cap.id}`, kind: 'quickfix', edits: [edit] };
  }
  // No capability of that number: a new one at the end of the capabilities part.
  const lastCap = target.capabilities[target.capabilities.length - 1];
  if (!lastCap) return undefined;
  const capDoc = docOf(lastCap.file);
  const capId = `C${n}`;
  let edit: TextEdit;
  if (capDoc.kind === 'markdown') {
    const reqLike = lastCap.requirements[lastCap.requirements.length - 1];
    const heading = markdownHeading({ element: lastCap, doc: capDoc }, capId, 'New capability');
    edit = insertBlocks(capDoc, lastLineOf(capDoc, lastCap), [
      heading,
      markdownRequirement(reqLike && { element: reqLike, doc: docOf(reqLike.file) }, id, text),
    ]);
  } else {
    const dash = dashColumn(capDoc, lastCap.range.start);
    edit = insertAt(
      lastCap.file,
      lastCap.range.end,
      `\n${' '.repeat(dash)}${yamlItem(dash, [
        ['id', capId],
        ['title', 'New capability'],
        [
          'requirements',
          yamlList(dash, [
            [
              ['id', id],
              ['text', yamlText],
            ],
          ]),
        ],
      ])}`,
    );
  }
  return { title: `Create requirement ${id} in a new capability ${capId}`, kind: 'quickfix', edits: [edit] };
}

function addMappingRow(ws: Workspace, r: Requirement, mim: Mim): CodeAction | undefined {
  if (!r.id || !mim.known) return undefined;
  if (requirementUses(ws, mim, r).satisfiedBy.some((u) => u.mim === mim)) return undefined;
  const m = mim.mechanisms[mim.mechanisms.length - 1];
  if (!m) return undefined;
  const mDoc = ws.document(m.file)!;
  const last = m.satisfies[m.satisfies.length - 1];
  let edit: TextEdit;
  if (mDoc.kind === 'markdown') {
    edit = insertBlocks(mDoc, lastLineOf(mDoc, last ?? m), [
      markdownMappingRow(last && { element: last, doc: mDoc }, r.id, r.text, ''),
    ]);
  } else if (last) {
    const dash = dashColumn(mDoc, last.range.start);
    edit = insertAt(m.file, last.range.end, `\n${' '.repeat(dash)}${yamlItem(dash, [['requirement', r.id]])}`);
  } else {
    const col = m.range.start.character;
    edit = insertAt(
      m.file,
      m.range.end,
      `\n${' '.repeat(col)}satisfies:${yamlList(col - 2, [[['requirement', r.id]]])}`,
    );
  }
  return { title: `Add a mapping row for ${r.id} to ${m.id}`, kind: 'quickfix', edits: [edit] };
}
