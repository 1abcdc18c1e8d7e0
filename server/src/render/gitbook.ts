import { KEYWORDS, type Convention } from '../model/conventions.js';
import type { DocumentModel } from '../model/document.js';
import type {
  Capability,
  Guidance,
  ItuAppendix,
  ItuBlock,
  ItuDefinition,
  MappingRow,
  Mechanism,
  PartName,
  Prose,
  Reference,
  Requirement,
  Test,
} from '../model/elements.js';
import { PART_TITLES } from '../model/elements.js';
import type { Mim } from '../model/mim.js';
import { escapeInline, escapeLinkText, escapeTableCell } from '../parse/text/escape-markdown.js';
import { stripInvisibles } from '../parse/text/invisible.js';
import { placeProse } from './gitbook-prose.js';
import { annexLetter, appendixNumeral } from './itu-numbering.js';

// A MIM read from a *.mim.yaml, written as a GitBook repository of the new format (mim-format
// §3.1): mimspec.yaml at the root, the pages under docs/, one page for each part the
// specification has. Every text of the model is escaped for where it lands, and prose is
// placed so that it reads back as prose: `mimspec model` of the repository gives the model
// of the specification.

/** The project settings the MIM was read under, which its repository keeps in its mimspec.yaml. */
export interface GitbookOptions {
  numbering?: string;
  rules?: Readonly<Record<string, string>>;
  registry?: readonly { id: string; title: string; url?: string }[];
}

interface Page {
  file: string;
  title: string;
  text: string;
}

/** The files of the repository, by path relative to its folder, in the order of its table of contents. */
export function renderGitbook(mim: Mim, options: GitbookOptions = {}): Map<string, string> {
  const spec = mim.documents.find((d) => d.kind === 'mim-yaml') ?? mim.documents[0];
  const has = (part: PartName) => spec.parts.some((p) => p.part === part);
  const title = `${mim.title ?? mim.id} (${mim.id})`;
  const conventionsIn = has('capabilities') ? 'capabilities' : 'readme';
  const pages: Page[] = [];
  if (spec.itu) pages.push(recommendation(spec.itu));
  if (has('capabilities')) pages.push(capabilitiesPage(mim));
  if (has('mechanisms')) pages.push(mechanismsPage(mim));
  if (has('guidance')) pages.push(part('guidance', 'interoperability-guidance.md', mim.guidance.map(guidance)));
  if (has('conformance')) pages.push(part('conformance', 'conformance.md', mim.tests.map(test)));
  if (mim.references.length > 0) pages.push(referencesPage(mim.references));
  if (spec.itu?.annexes.length) pages.push(appendices('Annexes', 'annexes.md', 'Annex', spec.itu.annexes, annexLetter));
  if (spec.itu?.appendices.length)
    pages.push(appendices('Appendices', 'appendices.md', 'Appendix', spec.itu.appendices, appendixNumeral));

  pages.unshift({ file: 'README.md', title, text: readme(mim, spec, title, conventionsIn === 'readme', pages) });

  const files = new Map<string, string>();
  files.set('mimspec.yaml', config(mim, options));
  files.set('.gitbook.yaml', 'root: ./docs/\n\nstructure:\n  readme: README.md\n  summary: SUMMARY.md\n');
  files.set('docs/SUMMARY.md', summary(pages));
  for (const page of pages) files.set(`docs/${page.file}`, page.text);
  return files;
}

// ---- the repository's own files ------------------------------------------------------

function config(mim: Mim, options: GitbookOptions): string {
  const lines = [`mim: ${mim.id}`, `numbering: ${options.numbering ?? 'oasc-2025'}`];
  if (mim.convention) lines.push(`conventions: ${mim.convention}`);
  const rules = Object.entries(options.rules ?? {});
  if (rules.length > 0) lines.push('rules:', ...rules.map(([code, level]) => `  ${code}: ${level}`));
  if (options.registry?.length) {
    lines.push('registry:');
    for (const e of options.registry) {
      const url = e.url === undefined ? '' : `, url: ${JSON.stringify(e.url)}`;
      lines.push(`  - { id: ${e.id}, title: ${JSON.stringify(e.title)}${url} }`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function summary(pages: Page[]): string {
  return `# Table of contents\n\n${links(pages)}\n`;
}

function links(pages: Page[]): string {
  return pages.map((p) => `* [${escapeLinkText(p.title)}](${p.file})`).join('\n');
}

/** Blocks of a page, separated by blank lines; empty ones left out. */
function blocks(...parts: (string | undefined | false)[]): string {
  return `${parts.filter((p): p is string => typeof p === 'string' && p !== '').join('\n\n')}\n`;
}

function prose(text: Prose | undefined): string | undefined {
  return text && placeProse(text.markdown);
}

// ---- README: the MIM's title, status and objective --------------------------------------

const STATUSES = ['proposal', 'work-item', 'capabilities', 'specification', 'governance'];

function readme(mim: Mim, spec: DocumentModel, title: string, withConventions: boolean, pages: Page[]): string {
  const about = [
    spec.edition && `Edition: ${escapeInline(spec.edition)}`,
    spec.category && `Category: ${escapeInline(spec.category)}`,
  ];
  return blocks(
    `# ${escapeInline(title)}`,
    mim.status !== undefined && `## Status\n\n${statusTable(mim.status)}`,
    about.filter(Boolean).join(' · '),
    withConventions && conventionsBlock(mim),
    spec.parts.some((p) => p.part === 'objective') &&
      `## Objective\n\n${prose(spec.objective) || EMPTY_PART.objective}`,
    pages.length > 0 ? `## Contents\n\n${links(pages)}` : '_No part of this MIM is written yet._',
  );
}

/** The stages of a MIM as columns, the one it is at checked (the form the page reader takes a status from). */
function statusTable(status: string): string {
  const stages = STATUSES.includes(status) ? STATUSES : [...STATUSES, status];
  const head = stages.map((s) => escapeTableCell(s.charAt(0).toUpperCase() + s.slice(1).replace(/-/g, ' ')));
  const row = stages.map((s) => (s === status ? '✅' : ''));
  return [head, stages.map(() => '---'), row].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

// ---- part 2: capabilities and requirements ------------------------------------------------

/** The declaring sentence of each convention: it names every keyword, and the convention outright. */
const DECLARATIONS: Record<Convention, (keys: string) => string> = {
  bcp14: (keys) =>
    `The key words ${keys} in this document are to be interpreted as described in BCP 14 when, and only when, they appear in all capitals, as shown here.`,
  iso: (keys) =>
    `The key words ${keys} in this document are to be interpreted as the verbal forms of the ISO/IEC Directives, Part 2.`,
  itu: (keys) =>
    `The keywords ${keys} in this document are to be interpreted as in the conventions clause of ITU-T Recommendations.`,
};

function conventionsBlock(mim: Mim): string | undefined {
  const convention = mim.conventions?.convention;
  if (!convention) return undefined;
  const phrases = KEYWORDS[convention].map((k) => `"${k.phrase}"`);
  const keys = `${phrases.slice(0, -1).join(', ')} and ${phrases[phrases.length - 1]}`;
  return `## Conventions\n\n${DECLARATIONS[convention](keys)}`;
}

function capabilitiesPage(mim: Mim): Page {
  const outside = mim.requirements.filter((r) => !r.capability);
  return part('capabilities', 'capabilities-and-requirements.md', [
    outside.length > 0 && requirementList(outside),
    conventionsBlock(mim),
    ...mim.capabilities.map(capability),
  ]);
}

function capability(c: Capability): string {
  const text = prose(c.description);
  return blocks(
    heading(2, c.rawId, c.title),
    text,
    c.requirements.length > 0 && `### Requirements\n\n${requirementList(c.requirements)}`,
    !text && c.requirements.length === 0 && '_This capability has no requirements yet._',
  ).trimEnd();
}

function requirementList(requirements: Requirement[]): string {
  return requirements
    .map((r) => {
      const item = `* **${id(r.rawId)}** ${escapeInline(r.text)}`.trimEnd();
      const seeAlso = r.seeAlso.map((ref) => escapeInline(id(ref.text)));
      return seeAlso.length > 0 ? `${item}\n  * See also: ${seeAlso.join(', ')}` : item;
    })
    .join('\n');
}

// ---- part 3: mechanisms -----------------------------------------------------------------

function mechanismsPage(mim: Mim): Page {
  const texts = new Map<string, string>();
  for (const r of mim.requirements) if (!texts.has(r.id)) texts.set(r.id, r.text);
  return part(
    'mechanisms',
    'mechanisms.md',
    mim.mechanisms.map((m) => mechanism(m, texts)),
  );
}

function mechanism(m: Mechanism, texts: Map<string, string>): string {
  const standards = m.standards.map((tag) => `[${tag}]`).join(', ');
  const text = prose(m.description);
  return blocks(
    heading(2, m.rawId, m.title),
    standards && `Standards: ${standards}`,
    text,
    m.satisfies.length > 0 && `### Requirements Mapping Table\n\n${mappingTable(m.satisfies, texts)}`,
    !standards && !text && m.satisfies.length === 0 && '_This mechanism maps no requirements yet._',
  ).trimEnd();
}

/** One row per requirement met; a local requirement's text is quoted as the MIM states it. */
function mappingTable(rows: MappingRow[], texts: Map<string, string>): string {
  const lines = ['| Req. ID | Requirement Text | How |', '| --- | --- | --- |'];
  for (const row of rows) {
    const quote = !row.ref.mim && row.ref.target ? (texts.get(row.ref.target.id) ?? '') : '';
    const cells = [id(row.ref.text), quote, row.how ?? ''].map(escapeTableCell);
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

// ---- parts 4 and 5: guidance and tests ------------------------------------------------------

function guidance(g: Guidance): string {
  const mechanisms = g.mechanisms.map((ref) => escapeInline(id(ref.text))).join(', ');
  const text = prose(g.text);
  return blocks(
    titledHeading(g.rawId, g.title),
    mechanisms && `Mechanisms: ${mechanisms}`,
    text,
    !mechanisms && !text && '_This guidance names no mechanisms yet._',
  ).trimEnd();
}

function test(t: Test): string {
  const covers = t.covers.map((ref) => escapeInline(id(ref.text))).join(', ');
  const method = t.method?.trim();
  const text = prose(t.description);
  return blocks(
    titledHeading(t.rawId, t.title),
    covers && `Covers: ${covers}`,
    method && `Method: ${escapeInline(method)}`,
    text,
    !covers && !method && !text && '_This test covers no requirements yet._',
  ).trimEnd();
}

/**
 * A guidance's or test's heading. The structured form gives these no title, which a page's
 * heading should have (id/no-title): the heading says, for that rule alone, that it has none by design.
 */
function titledHeading(rawId: string, title: string): string {
  const line = heading(2, rawId, title);
  return title.trim() === '' ? `<!-- mimspec-disable-next-line id/no-title -->\n${line}` : line;
}

// ---- references, and the clauses of a draft Recommendation --------------------------------------

function referencesPage(references: Reference[]): Page {
  const list = (kind: Reference['kind']) =>
    references
      .filter((r) => r.kind === kind)
      .map((r) => {
        const title = r.title ? ` ${escapeInline(r.title)}` : '';
        const url = r.url ? `${title ? ',' : ''} <${r.url}>` : '';
        return `* [${r.tag}]${title}${url}`;
      })
      .join('\n');
  const normative = list('normative');
  const bibliography = list('bibliography');
  return {
    file: 'references.md',
    title: 'References',
    text: blocks(
      '# References',
      normative && `## Normative references\n\n${normative}`,
      bibliography && `## Bibliography\n\n${bibliography}`,
    ),
  };
}

function recommendation(itu: ItuBlock): Page {
  const keywords = itu.keywords.map((k) => escapeInline(k.text)).join(', ');
  const terms = (list: ItuDefinition[], heading: string) =>
    list.length > 0 &&
    `### ${heading}\n\n${list
      .map((d) => {
        const source = d.source ? ` (${escapeInline(d.source)})` : '';
        const text = d.definition ? `: ${placeProse(d.definition.markdown).replace(/\n/g, '\n  ')}` : '';
        return `* **${escapeInline(d.term)}**${source}${text}`;
      })
      .join('\n')}`;
  const defined = itu.definitions.elsewhere.length + itu.definitions.here.length > 0;
  const summaryText = prose(itu.summary);
  const scope = prose(itu.scope);
  const abbreviations = itu.abbreviations.map(
    (a) => `* **${escapeInline(a.abbr)}**${a.expansion ? `: ${escapeInline(a.expansion)}` : ''}`,
  );
  return {
    file: 'recommendation.md',
    title: 'About this Recommendation',
    text: blocks(
      '# About this Recommendation',
      summaryText && `## Summary\n\n${summaryText}`,
      keywords && `**Keywords:** ${keywords}`,
      scope && `## Scope\n\n${scope}`,
      defined && '## Definitions',
      terms(itu.definitions.elsewhere, 'Terms defined elsewhere'),
      terms(itu.definitions.here, 'Terms defined in this Recommendation'),
      abbreviations.length > 0 && `## Abbreviations and acronyms\n\n${abbreviations.join('\n')}`,
    ),
  };
}

function appendices(
  title: string,
  file: string,
  label: string,
  list: ItuAppendix[],
  number: (i: number) => string,
): Page {
  return {
    file,
    title,
    text: blocks(
      `# ${title}`,
      ...list.map((a, i) => {
        const text = prose(a.text) || `_This ${label.toLowerCase()} has no text yet._`;
        return `## ${label} ${number(i)}: ${escapeInline(a.title)}\n\n${text}`;
      }),
    ),
  };
}

// ---- shared pieces ----------------------------------------------------------------------

/** What an empty part says, so that its page is not an empty section. */
const EMPTY_PART: Record<PartName, string> = {
  objective: '_No objective is stated yet._',
  capabilities: '_No capability is stated yet._',
  mechanisms: '_No mechanism is described yet._',
  guidance: '_No guidance is given yet._',
  conformance: '_No test is defined yet._',
};

/** A part's page: its title as the page's heading, then its elements. */
function part(name: PartName, file: string, elements: (string | false | undefined)[]): Page {
  const title = PART_TITLES[name];
  const empty = !elements.some((e) => typeof e === 'string' && e !== '');
  return { file, title, text: blocks(`# ${title}`, ...elements, empty && EMPTY_PART[name]) };
}

/** An element's heading, `## C1: Title`, or the id alone where it has no title. */
function heading(level: number, rawId: string, title: string): string {
  const text = title.trim() === '' ? '' : `: ${escapeInline(title)}`;
  return `${'#'.repeat(level)} ${id(rawId)}${text}`;
}

/** An id as written, without the invisible characters a reader strips from it. */
function id(raw: string): string {
  return stripInvisibles(raw).trim();
}
