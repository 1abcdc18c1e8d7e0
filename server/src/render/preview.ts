import { PART_ORDER, type PartName } from '../model/elements.js';
import type { Finding } from '../model/finding.js';
import type { Mim } from '../model/mim.js';
import { allElements } from '../query/elements.js';
import { basename } from '../base/paths.js';
import { esc, fileUri } from './html.js';
import { findingList, PreviewContext, type Placed, type PreviewOptions } from './preview-context.js';
import { ituBack, ituFront } from './preview-itu.js';
import { capabilities, guidance, mechanisms, objective, partSection, references, tests } from './preview-parts.js';
import { PREVIEW_CSS } from './preview-style.js';

export type { PreviewOptions } from './preview-context.js';

// The preview of one MIM, drawn from the model whichever syntax and however many files it is
// written in: a fragment for the editor's webview, and the same inside a self-contained page for
// the HTML export. Every text of the documents is escaped; nothing in it runs or loads.

export interface Preview {
  title: string;
  html: string;
}

/** The MIM as an HTML fragment: its title, then its clauses in order, numbered, findings beside what they sit on. */
export function renderPreview(mim: Mim, options: PreviewOptions = {}): Preview {
  const targets: Placed[] = [...allElements(mim), ...mim.mechanisms.flatMap((m) => m.satisfies), ...mim.references];
  const ctx = new PreviewContext(mim, options, targets);
  const itu = mim.documents.find((d) => d.itu)?.itu;
  const offset = itu ? 5 : 0;
  const part = (name: PartName, body: (num: string) => string) => {
    const num = String(PART_ORDER.indexOf(name) + 1 + offset);
    return partSection(ctx, name, num, body(num));
  };
  const body = [
    itu ? ituFront(ctx, itu) : '',
    part('objective', () => objective(ctx)),
    part('capabilities', (n) => capabilities(ctx, n)),
    part('mechanisms', (n) => mechanisms(ctx, n)),
    part('guidance', (n) => guidance(ctx, n)),
    part('conformance', (n) => tests(ctx, n)),
    itu ? ituBack(ctx, itu) : references(ctx),
  ].join('');
  const loose =
    ctx.loose.length > 0 ? `<section class="loose-findings">${findingList(ctx.loose, ctx.src)}</section>` : '';
  const title = mim.title ?? mim.id;
  return {
    title,
    html: `<article class="mim-preview" data-mim="${esc(mim.id)}">${header(ctx, title, itu !== undefined)}${loose}${body}</article>`,
  };
}

function header(ctx: PreviewContext, title: string, recommendation: boolean): string {
  const mim = ctx.mim;
  const claim = mim.identity[0];
  const where = claim ? ctx.src(claim.file, claim.range.start.line) : '';
  const spec = mim.documents.find((d) => d.kind === 'mim-yaml');
  const facts = [
    recommendation && 'Draft ITU-T Recommendation',
    mim.status && `Status: ${mim.status}`,
    spec?.edition && `Edition: ${spec.edition}`,
    spec?.category && `Category: ${spec.category}`,
  ].filter((f): f is string => typeof f === 'string');
  const meta = facts.length > 0 ? `<p class="meta">${facts.map((f) => `<span>${esc(f)}</span>`).join(' · ')}</p>` : '';
  return `<header class="mim-head"><h1${where}>${esc(title)} <span class="mim-id">${esc(mim.known ? mim.id : 'MIM ?')}</span></h1>${meta}</header>`;
}

/** The banner a preview shows above its last good render while a document of the MIM does not parse. */
export function staleBanner(f: Finding, uriOf: (path: string) => string = fileUri): string {
  const at = `${basename(f.file)}:${f.range.start.line + 1}`;
  return `<div class="stale-banner" data-uri="${esc(uriOf(f.file))}" data-line="${f.range.start.line}">Showing the last render that parsed: ${esc(at)} does not parse (<code>${esc(f.code)}</code> ${esc(f.message)}).</div>`;
}

/** The file a MIM is exported to: `MIM3.html`, or a name from its folder for one with no number. */
export function htmlFileName(mim: Mim): string {
  return `${mim.id.replace(/[^A-Za-z0-9_.-]/g, '_')}.html`;
}

/** A self-contained page: the preview with its stylesheet inline, a policy that lets nothing run or load, print rules. */
export function renderHtmlDocument(mim: Mim, options: PreviewOptions = {}): string {
  const { title, html } = renderPreview(mim, options);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="mimspec">',
    `<title>${esc(`${title} (${mim.id})`)}</title>`,
    `<style>${PREVIEW_CSS}</style>`,
    '</head>',
    `<body class="mim-export">${html}</body>`,
    '</html>',
    '',
  ].join('\n');
}

/** Where each MIM of a list says its number (its first identity claim), for cross-references that open it. */
export function mimPlaces(mims: readonly Mim[]): (id: string) => { file: string; line: number } | undefined {
  const places = new Map<string, { file: string; line: number }>();
  for (const m of mims) {
    const claim = m.identity[0];
    if (m.known && claim && !places.has(m.id)) places.set(m.id, { file: claim.file, line: claim.range.start.line });
  }
  return (id) => places.get(id);
}

/**
 * A MIM as its exported page (`MIM8.html`), without the findings: an export is for readers.
 * The CLI's `export --to html` and the server's `mimspec/export` both call this, so they give the same bytes;
 * `mimPlace` is `mimPlaces` of the workspace's MIMs, made once for an export of many.
 */
export function exportHtmlPage(mim: Mim, mimPlace: PreviewOptions['mimPlace']): { fileName: string; html: string } {
  return { fileName: htmlFileName(mim), html: renderHtmlDocument(mim, { uriOf: fileUri, mimPlace }) };
}
