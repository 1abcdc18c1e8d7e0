import type { Capability, Mechanism, MimElement, Reference, Requirement, Test } from '../model/elements.js';
import type { Mim } from '../model/mim.js';
import type { Position, Range } from '../model/range.js';
import { escapeInline } from '../parse/text/escape-markdown.js';
import { mimIdInName } from '../parse/text/mim-names.js';
import { dirname, relativePath } from '../base/paths.js';
import type { Workspace } from '../workspace/workspace.js';
import { locate } from './locate.js';
import { requirementUses, type Use } from './support/owners.js';
import { idFrom, mimOrDocument, mimTitle } from './support/places.js';
import { schemaAt, schemaOf, typeLabel } from './support/schema-walk.js';

export interface Hover {
  range: Range;
  markdown: string;
}

// Lists longer than this are cut: a hover is a glance, not a report.
const LIST_MAX = 20;

/**
 * Hover: what an id, a reference, a MIM id, a citation or a YAML key stands for. Reads only
 * the symbol table and the documents involved, so it answers at once in any workspace.
 */
export function hover(ws: Workspace, file: string, pos: Position): Hover | undefined {
  const hit = locate(ws, file, pos);
  if (!hit) return undefined;
  const reply = (lines: (string | undefined)[]) => ({
    range: hit.range,
    markdown: lines.filter((l) => l !== undefined).join('\n'),
  });
  switch (hit.kind) {
    case 'element':
      return reply(elementHover(ws, file, hit.key ? ws.index.lookup(hit.key) : [hit.element], hit.mim));
    case 'ref': {
      const key = hit.resolved.key;
      const found = key ? ws.index.lookup(key) : [];
      if (found.length > 0) return reply(elementHover(ws, file, found, ws.index.mimOf(found[0].file)));
      const mimId = hit.resolved.mimId;
      const target = hit.ref.target;
      if (!target)
        return reply([
          `**${hit.ref.text}**`,
          '',
          hit.ref.role === 'resource-mims'
            ? namesNoMim(hit.ref.text)
            : 'Names no MIM element: expected an id such as R1.1 or MIM0.R1.1.',
        ]);
      if (hit.ref.mim && !ws.index.byId.has(hit.ref.mim))
        return reply([`**${key}**`, '', `${mimName(ws, file, hit.ref.mim)} is ${notIn(ws)}.`]);
      return reply([
        `**${key ?? target.id}**`,
        '',
        `No ${target.kind} ${target.id} in ${mimId ? mimName(ws, file, mimId) : 'this file'}${ws.reading ? ' among the files read so far' : ''}.`,
      ]);
    }
    case 'mim':
      return reply(mimHover(ws, file, hit.mimId));
    case 'citation':
      return reply(
        hit.reference
          ? referenceHover(ws, hit.reference)
          : [`**[${hit.citation.tag}]**`, '', `Not in the references of ${mimLabel(ws, file)}.`],
      );
    case 'reference':
      return reply(referenceHover(ws, hit.reference));
    case 'yaml-key': {
      const doc = ws.document(file)!;
      const root = schemaOf(doc);
      const s = root && schemaAt(root, hit.path);
      if (!root || !s) return undefined;
      return reply([`**${hit.key}** · ${typeLabel(root, s)}`, ...(s.description ? ['', String(s.description)] : [])]);
    }
    default:
      return undefined;
  }
}

/** Where what is not found was looked for: the workspace, or, while a scan reads it, what it has read. */
const searched = (ws: Workspace) => (ws.reading ? 'the files read so far' : 'the workspace');
const notIn = (ws: Workspace) => (ws.reading ? 'not among the files read so far' : 'not in the workspace');

/** An entry of a resource descriptor's `mims` that is no MIM id: what to write instead. */
function namesNoMim(text: string): string {
  const id = mimIdInName(text);
  return id ? `Names no MIM: write ${id}.` : 'Names no MIM: expected a MIM id such as MIM0.';
}

function elementHover(ws: Workspace, file: string, found: MimElement[], mim: Mim | undefined): string[] {
  const e = found[0];
  const readerMim = ws.index.mimOf(file)?.id;
  const name = mim?.known ? `${mim.id}.${e.id}` : e.id;
  const of = mim?.known ? ` of ${mimName(ws, file, mim.id)}` : '';
  const lines = [`**${name}**${e.kind !== 'requirement' && e.title ? ` ${e.title}` : ''}`, ''];
  switch (e.kind) {
    case 'requirement':
      lines.push(...requirementLines(ws, e, mim, readerMim, of));
      break;
    case 'capability':
      lines.push(...capabilityLines(e, of));
      break;
    case 'mechanism':
      lines.push(...mechanismLines(ws, e, mim, readerMim, of));
      break;
    case 'guidance':
      lines.push(`Interoperability guidance${of}`, '', `- Mechanisms: ${ids(e.mechanisms.map((r) => r.text))}`);
      break;
    case 'test':
      lines.push(...testLines(e, of));
      break;
  }
  if (found.length > 1)
    lines.push(
      `- Defined ${found.length} times: ${found.map((f) => `${relativePath(dirname(file), f.file)}:${f.idRange.start.line + 1}`).join(', ')}`,
    );
  return lines;
}

function requirementLines(
  ws: Workspace,
  r: Requirement,
  mim: Mim | undefined,
  readerMim: string | undefined,
  of: string,
): string[] {
  const capability = r.capability ? mim?.capabilities.find((c) => c.id === r.capability) : undefined;
  const uses = mim?.known ? requirementUses(ws, mim, r) : { satisfiedBy: [], testedBy: [] };
  const used = (list: Use<MimElement>[]) =>
    list.length === 0
      ? 'none'
      : cut(list.map((u) => `${idFrom(u.element, u.mim?.id, readerMim)} ${u.element.title}`.trim())).join('; ');
  return [
    // The hover is Markdown: the text is escaped to show as the page reads.
    r.text ? escapeInline(r.text) : '_(no text)_',
    '',
    `Requirement${of}`,
    '',
    `- Level: ${r.level}${r.keyword ? ` (${r.keyword})` : ''}`,
    r.capability ? `- Capability: ${r.capability}${capability?.title ? ` ${capability.title}` : ''}` : undefined,
    `- Satisfied by: ${used(uses.satisfiedBy)}`,
    `- Tested by: ${used(uses.testedBy)}`,
  ].filter((l): l is string => l !== undefined);
}

function capabilityLines(c: Capability, of: string): string[] {
  const n = c.requirements.length;
  return [
    `Capability${of}`,
    '',
    `- ${n} requirement${n === 1 ? '' : 's'}${n > 0 ? `: ${ids(c.requirements.map((r) => r.id))}` : ''}`,
  ];
}

function mechanismLines(
  ws: Workspace,
  m: Mechanism,
  mim: Mim | undefined,
  readerMim: string | undefined,
  of: string,
): string[] {
  const local = (id: string) => (mim ? ws.index.ownId(mim, id) : id);
  const satisfied = m.satisfies.flatMap((row) =>
    row.ref.text
      ? [
          row.ref.mim && row.ref.mim !== (mim?.id ?? readerMim)
            ? row.ref.text
            : row.ref.target
              ? local(row.ref.target.id)
              : row.ref.text,
        ]
      : [],
  );
  return [
    `Mechanism${of}`,
    '',
    m.standards.length > 0 ? `- Standards: ${m.standards.join('; ')}` : '- Standards: none',
    `- Satisfies: ${satisfied.length > 0 ? ids(satisfied) : 'none'}`,
  ];
}

function testLines(t: Test, of: string): string[] {
  return [
    `Test${of}`,
    '',
    `- Covers: ${t.covers.length > 0 ? ids(t.covers.map((r) => r.text)) : 'none'}`,
    ...(t.method ? [`- Method: ${t.method}`] : []),
  ];
}

function mimHover(ws: Workspace, file: string, mimId: string): string[] {
  const mims = ws.index.byId.get(mimId);
  const reg = ws.registryFor(file).get(mimId);
  if (!mims) {
    const numbering = ws.configFor(file).numbering;
    if (!reg) return [`**${mimId}**`, '', `Not a MIM of ${searched(ws)} or of the ${numbering} registry.`];
    return [
      `**${mimId}** ${reg.title}`,
      '',
      `From the ${numbering} registry; ${notIn(ws)}.`,
      ...(reg.url ? ['', reg.url] : []),
    ];
  }
  const mim = mims[0];
  const files = mims.flatMap((m) => m.documents).map((d) => relativePath(dirname(file), d.file));
  return [
    `**${mimId}** ${mim.title ?? reg?.title ?? ''}`.trimEnd(),
    '',
    `- Status: ${mim.status ?? 'not stated'}`,
    `- Files: ${cut(files).join(', ')}`,
    ...(mims.length > 1 ? [`- Claimed by ${mims.length} MIMs: ${mims.map((m) => m.root).join(', ')}`] : []),
  ];
}

function referenceHover(ws: Workspace, r: Reference): string[] {
  const kind = r.kind === 'normative' ? 'Normative reference' : 'Bibliography entry';
  return [
    `**[${r.tag}]**${r.title ? ` ${r.title}` : ''}`,
    ...(r.url ? ['', r.url] : []),
    '',
    `${kind} of ${mimLabel(ws, r.file)}`,
  ];
}

/** `MIM7 Geospatial Data`, or just the id when no title is known. */
function mimName(ws: Workspace, file: string, mimId: string): string {
  const title = mimTitle(ws, file, mimId);
  return title ? `${mimId} ${title}` : mimId;
}

function mimLabel(ws: Workspace, file: string): string {
  const mim = mimOrDocument(ws, ws.document(file)!);
  return mim.known ? mimName(ws, file, mim.id) : 'this file';
}

function cut(list: string[]): string[] {
  return list.length > LIST_MAX ? [...list.slice(0, LIST_MAX), `and ${list.length - LIST_MAX} more`] : list;
}

function ids(list: string[]): string {
  return cut(list).join(', ');
}
