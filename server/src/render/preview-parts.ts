import type { DocumentModel } from '../model/document.js';
import type {
  Capability,
  Guidance,
  MappingRow,
  Mechanism,
  PartName,
  Reference,
  Requirement,
  Test,
} from '../model/elements.js';
import { PART_TITLES } from '../model/elements.js';
import { countsUnder } from '../parse/text/keywords.js';
import { cls, esc } from './html.js';
import type { PreviewContext } from './preview-context.js';
import { elementProse, partProse } from './preview-source.js';

// The five parts of a MIM and its references, in Y.MIM order and numbered: each element with its
// id, its source line and the findings that sit on it.

/** A part's section: its numbered heading on the line that opens it, then its body. */
export function partSection(ctx: PreviewContext, part: PartName, num: string, body: string): string {
  const occ = ctx.mim.documents.flatMap((d) => d.parts).find((p) => p.part === part);
  const where = occ ? ctx.src(occ.file, occ.range.start.line) : '';
  const content = body || `<p class="empty">No ${esc(PART_TITLES[part].toLowerCase())} yet.</p>`;
  return `<section class="part part-${part}" id="part-${part}"><h2${where}><span class="num">${num}</span> ${esc(PART_TITLES[part])}</h2>${content}</section>`;
}

/** A part's own prose on each page it is written on (a `*.mim.yaml` holds none but the objective). */
function pagesProse(ctx: PreviewContext, part: PartName, whole = false): string {
  return ctx.mim.documents
    .filter((d) => d.kind === 'markdown')
    .flatMap((d) => {
      // Requirements written straight under the part are rendered as requirements, not again as prose.
      const lines = new Set(d.requirements.map((r) => r.range.start.line));
      const stop = (line: string, n: number) => lines.has(n) || /^\s*\|/.test(line);
      return d.parts.filter((p) => p.part === part).map((p) => partProse(ctx, d, p, whole, stop));
    })
    .join('');
}

export function objective(ctx: PreviewContext): string {
  const yaml = ctx.mim.documents.map((d) => ctx.prose(d.file, d.objective)).join('');
  return yaml + pagesProse(ctx, 'objective', true);
}

/** An element's text: its description where the syntax holds one, else the lines under its heading. */
function body(
  ctx: PreviewContext,
  e: { file: string; range: Capability['range'] },
  prose: Capability['description'],
  stop?: (line: string, n: number) => boolean,
): string {
  if (prose) return ctx.prose(e.file, prose);
  const doc: DocumentModel | undefined = ctx.document(e.file);
  return doc?.kind === 'markdown' ? elementProse(ctx, doc, e.range, stop) : '';
}

function heading(ctx: PreviewContext, level: number, num: string, e: Capability | Mechanism | Guidance | Test): string {
  const title = e.title.trim() ? ` ${esc(e.title)}` : '';
  return `<h${level} id="${esc(`${e.kind}-${e.id}`)}"${ctx.src(e.file, e.idRange.start.line)}><span class="num">${num}</span> <span class="el-id">${esc(e.rawId.trim())}</span>${title}</h${level}>`;
}

export function capabilities(ctx: PreviewContext, num: string): string {
  const outside = ctx.mim.requirements.filter((r) => !r.capability);
  const parts = [pagesProse(ctx, 'capabilities'), requirementList(ctx, outside)];
  ctx.mim.capabilities.forEach((c, i) => {
    const lines = new Set(c.requirements.map((r) => r.range.start.line));
    const text = body(ctx, c, c.description, (_line, n) => lines.has(n));
    const content = text + requirementList(ctx, c.requirements);
    parts.push(
      `<section class="capability">${heading(ctx, 3, `${num}.${i + 1}`, c)}${ctx.findings(c)}${content}</section>`,
    );
  });
  return parts.join('');
}

function requirementList(ctx: PreviewContext, list: readonly Requirement[]): string {
  if (list.length === 0) return '';
  return `<div class="requirements">${list.map((r) => requirement(ctx, r)).join('')}</div>`;
}

const LEVEL_LABEL: Record<Requirement['level'], string> = {
  required: 'mandatory',
  recommended: 'recommended',
  'not-recommended': 'not recommended',
  optional: 'optional',
  prohibited: 'prohibited',
  none: 'no keyword',
};

function requirement(ctx: PreviewContext, r: Requirement): string {
  const seeAlso =
    r.seeAlso.length > 0
      ? ` <span class="see-also">See also: ${r.seeAlso.map((s) => ctx.ref(s)).join(', ')}</span>`
      : '';
  return (
    `<div class="${cls('requirement', `level-${r.level}`)}" id="${esc(`requirement-${r.id}`)}"${ctx.src(r.file, r.range.start.line)}>` +
    `<span class="req-id">${esc(r.rawId.trim())}</span> <span class="badge badge-${r.level}">${LEVEL_LABEL[r.level]}</span> ` +
    `<span class="statement">${statement(ctx, r)}</span>${seeAlso}${ctx.findings(r)}</div>`
  );
}

/** The statement with each normative keyword that counts under the MIM's convention marked, where the model found it. */
function statement(ctx: PreviewContext, r: Requirement): string {
  const hits = r.keywords.filter((k) => countsUnder(k, ctx.mim.convention));
  let out = '';
  let at = 0;
  for (const hit of hits) {
    const i = findWord(r.text, hit.written, at);
    if (i < 0) continue;
    out += `${esc(r.text.slice(at, i))}<strong class="${cls('kw', `kw-${hit.level}`)}">${esc(hit.written)}</strong>`;
    at = i + hit.written.length;
  }
  return out + esc(r.text.slice(at));
}

function findWord(text: string, word: string, from: number): number {
  for (let i = text.indexOf(word, from); i >= 0; i = text.indexOf(word, i + 1)) {
    const before = text.charAt(i - 1);
    const after = text.charAt(i + word.length);
    if (!/\w/.test(before) && !/\w/.test(after)) return i;
  }
  return -1;
}

export function mechanisms(ctx: PreviewContext, num: string): string {
  const parts = [pagesProse(ctx, 'mechanisms')];
  ctx.mim.mechanisms.forEach((m, i) => {
    const standards =
      m.standards.length > 0
        ? `<p class="standards">Standards: ${m.standards.map((s) => `<a class="cite" href="#ref-${esc(s)}">[${esc(s)}]</a>`).join(', ')}</p>`
        : '';
    const rows = m.satisfies.length > 0 ? mappingTable(ctx, m.satisfies) : '';
    parts.push(
      `<section class="mechanism">${heading(ctx, 3, `${num}.${i + 1}`, m)}${ctx.findings(m)}${standards}${body(ctx, m, m.description)}${rows}</section>`,
    );
  });
  return parts.join('');
}

function mappingTable(ctx: PreviewContext, rows: readonly MappingRow[]): string {
  const body = rows.map(
    (row) =>
      `<tr${ctx.src(row.file, row.range.start.line)}><td>${row.ref.text ? ctx.ref(row.ref) : ''}</td><td>${esc(row.how ?? '')}${ctx.findings(row)}</td></tr>`,
  );
  return `<table class="mapping"><thead><tr><th>Requirement</th><th>How</th></tr></thead><tbody>${body.join('')}</tbody></table>`;
}

export function guidance(ctx: PreviewContext, num: string): string {
  const parts = [pagesProse(ctx, 'guidance')];
  ctx.mim.guidance.forEach((g, i) => {
    const mechs =
      g.mechanisms.length > 0
        ? `<p class="mechanisms"${ctx.src(g.mechanisms[0].file, g.mechanisms[0].range.start.line)}>Mechanisms: ${g.mechanisms.map((m) => ctx.ref(m)).join(', ')}</p>`
        : '';
    parts.push(
      `<section class="guidance">${heading(ctx, 3, `${num}.${i + 1}`, g)}${ctx.findings(g)}${mechs}${body(ctx, g, g.text)}</section>`,
    );
  });
  return parts.join('');
}

export function tests(ctx: PreviewContext, num: string): string {
  const parts = [pagesProse(ctx, 'conformance')];
  ctx.mim.tests.forEach((t, i) => {
    const method = t.method ? `<p class="method">Method: <span class="badge">${esc(String(t.method))}</span></p>` : '';
    const covers =
      t.covers.length > 0
        ? `<p class="covers"${ctx.src(t.covers[0].file, t.covers[0].range.start.line)}>Covers: ${t.covers.map((c) => ctx.ref(c)).join(', ')}</p>`
        : '';
    parts.push(
      `<section class="test">${heading(ctx, 3, `${num}.${i + 1}`, t)}${ctx.findings(t)}${method}${covers}${body(ctx, t, t.description)}</section>`,
    );
  });
  return parts.join('');
}

/** The references of one kind as a list, or nothing when the MIM lists none. */
export function referenceList(ctx: PreviewContext, kind: Reference['kind']): string {
  const items = ctx.mim.references
    .filter((r) => r.kind === kind)
    .map((r) => {
      const url =
        r.url && /^https?:\/\//i.test(r.url)
          ? ` <a href="${esc(r.url)}">${esc(r.url)}</a>`
          : r.url
            ? ` ${esc(r.url)}`
            : '';
      return `<li id="${esc(`ref-${r.tag}`)}"${ctx.src(r.file, r.range.start.line)}><span class="tag">[${esc(r.tag)}]</span> ${esc(r.title ?? '')}${url}${ctx.findings(r)}</li>`;
    })
    .join('');
  return items ? `<ul class="reference-list">${items}</ul>` : '';
}

/** Normative references and the bibliography under one heading, or nothing when the MIM lists none. */
export function references(ctx: PreviewContext): string {
  const normative = referenceList(ctx, 'normative');
  const bibliography = referenceList(ctx, 'bibliography');
  if (!normative && !bibliography) return '';
  return (
    '<section class="references" id="references"><h2>References</h2>' +
    (normative ? `<h3>Normative references</h3>${normative}` : '') +
    (bibliography ? `<h3>Bibliography</h3>${bibliography}` : '') +
    '</section>'
  );
}
