import { KEYWORDS } from '../model/conventions.js';
import type { ItuAppendix, ItuBlock, ItuDefinition } from '../model/elements.js';
import { esc } from './html.js';
import type { PreviewContext } from './preview-context.js';
import { referenceList } from './preview-parts.js';
import { annexLetter, appendixNumeral } from './itu-numbering.js';

// The clauses of a draft ITU-T Recommendation (the `itu:` block, mim-format §3.3) that stand
// around the five parts: summary and keywords, then 1 Scope, 2 References, 3 Definitions,
// 4 Abbreviations, 5 Conventions; after the parts, the bibliography, annexes and appendices.

const CONVENTION_NAMES = { bcp14: 'BCP 14', iso: 'the ISO/IEC Directives, Part 2', itu: 'ITU-T Recommendations' };

/** A clause with its heading on the line its key is written on. */
function clause(ctx: PreviewContext, itu: ItuBlock, name: string, num: string, title: string, body: string): string {
  if (!body) return '';
  const at = itu.clauses.find((c) => c.name === name);
  const where = at ? ctx.src(itu.file, at.range.start.line) : '';
  const n = num ? `<span class="num">${num}</span> ` : '';
  return `<section class="clause clause-${esc(name)}"><h2${where}>${n}${esc(title)}</h2>${body}</section>`;
}

/** The clauses before the five parts. */
export function ituFront(ctx: PreviewContext, itu: ItuBlock): string {
  const keywords = itu.keywords.map((k) => esc(k.text)).join('; ');
  const convention = ctx.mim.convention;
  const conventions = convention
    ? `<p${ctx.mim.conventions ? ctx.src(ctx.mim.conventions.file, ctx.mim.conventions.range.start.line) : ''}>The keywords of ${esc(CONVENTION_NAMES[convention])} are used: ${KEYWORDS[convention].map((k) => `<strong class="kw kw-${k.level}">${esc(k.phrase)}</strong>`).join(', ')}.</p>`
    : '';
  const abbreviations = itu.abbreviations
    .map((a) => `<dt${ctx.src(itu.file, a.range.start.line)}>${esc(a.abbr)}</dt><dd>${esc(a.expansion ?? '')}</dd>`)
    .join('');
  return [
    clause(ctx, itu, 'summary', '', 'Summary', ctx.prose(itu.file, itu.summary)),
    clause(ctx, itu, 'keywords', '', 'Keywords', keywords && `<p>${keywords}</p>`),
    clause(ctx, itu, 'scope', '1', 'Scope', ctx.prose(itu.file, itu.scope) || '<p class="empty">No scope yet.</p>'),
    clause(ctx, itu, 'references', '2', 'References', referenceList(ctx, 'normative') || '<p>None.</p>'),
    clause(ctx, itu, 'definitions', '3', 'Definitions', definitions(ctx, itu)),
    clause(
      ctx,
      itu,
      'abbreviations',
      '4',
      'Abbreviations and acronyms',
      abbreviations ? `<dl class="abbreviations">${abbreviations}</dl>` : '<p>None.</p>',
    ),
    clause(ctx, itu, 'conventions', '5', 'Conventions', conventions || '<p>None.</p>'),
  ].join('');
}

function definitions(ctx: PreviewContext, itu: ItuBlock): string {
  const list = (defs: ItuDefinition[], num: string, title: string) => {
    const items = defs
      .map((d, i) => {
        const source = d.source ? ` <span class="tag">[${esc(d.source)}]</span>` : '';
        const text = d.definition ? ctx.prose(itu.file, d.definition) : '';
        return `<div class="definition"><p><span class="num">${num}.${i + 1}</span> <strong>${esc(d.term)}</strong>${source}:</p>${text}</div>`;
      })
      .join('');
    return `<h3><span class="num">${num}</span> ${title}</h3>${items || '<p>None.</p>'}`;
  };
  return (
    list(itu.definitions.elsewhere, '3.1', 'Terms defined elsewhere') +
    list(itu.definitions.here, '3.2', 'Terms defined in this Recommendation')
  );
}

/** The clauses after the five parts. */
export function ituBack(ctx: PreviewContext, itu: ItuBlock): string {
  return [
    clause(ctx, itu, 'bibliography', '', 'Bibliography', referenceList(ctx, 'bibliography')),
    ...itu.annexes.map((a, i) => appendix(ctx, itu, 'annexes', `Annex ${annexLetter(i)}`, a)),
    ...itu.appendices.map((a, i) => appendix(ctx, itu, 'appendices', `Appendix ${appendixNumeral(i)}`, a)),
  ].join('');
}

function appendix(ctx: PreviewContext, itu: ItuBlock, name: string, label: string, a: ItuAppendix): string {
  const text = ctx.prose(itu.file, a.text) || '<p class="empty">No text yet.</p>';
  return clause(ctx, itu, name, '', `${label}: ${a.title}`, text);
}
