import type { Convention, Level } from './conventions.js';
import type { ElementKind, IdKind } from './ids.js';
import type { Range } from './range.js';

/** The five parts of a MIM in Y.MIM order (mim-format §1). */
export type PartName = 'objective' | 'capabilities' | 'mechanisms' | 'guidance' | 'conformance';

export const PART_ORDER: readonly PartName[] = ['objective', 'capabilities', 'mechanisms', 'guidance', 'conformance'];

export const PART_TITLES: Record<PartName, string> = {
  objective: 'Objective',
  capabilities: 'Capabilities and Requirements',
  mechanisms: 'Mechanisms',
  guidance: 'Interoperability Guidance',
  conformance: 'Conformance and Compliance Testing',
};

/**
 * How a message names a part: by its title as written, with the part it is read as where the
 * title is another wording (`Specifications (read as Mechanisms)`). A title that is the
 * part's own, shortened or numbered (`Objectives`, `Conformance`, `3. Mechanisms`), and a part
 * with no title (a YAML key, a page's file name) give the part's title.
 */
export function partLabel(part: PartName, title?: string): string {
  const canonical = PART_TITLES[part];
  const t = title
    ?.toLowerCase()
    .replace(/^[\d.\s]+/, '')
    .replace(/[:\s]+$/, '')
    .replace(/&/g, 'and')
    .trim();
  if (!t || canonical.toLowerCase().startsWith(t) || t.startsWith(canonical.toLowerCase())) return canonical;
  return `${title!.trim()} (read as ${canonical})`;
}

/** Parts 3 to 5 carry no obligations. */
export function isInformativePart(part: PartName | undefined): boolean {
  return part === 'mechanisms' || part === 'guidance' || part === 'conformance';
}

/** A span of the document's own text: offsets into DocumentModel.text. */
export interface TextSpan {
  start: number;
  end: number;
}

/**
 * A Markdown text of the model (an objective, a description, a guidance text): where it is
 * written, and its Markdown as its reader takes it (a YAML scalar's value, quotes and block
 * indentation gone), for views and exports that show it as written.
 */
export interface Prose extends TextSpan {
  markdown: string;
}

/** A normative keyword found in text. */
export interface KeywordHit {
  /** Offset of the phrase in the document text. */
  offset: number;
  length: number;
  /** As written, e.g. `should`. */
  written: string;
  /** Upper-case key of the phrase, e.g. `SHOULD NOT`, `IS REQUIRED TO`. */
  key: string;
  level: Level;
  /** Conventions whose vocabulary has this phrase. */
  conventions: Convention[];
  /** Conventions for which the phrase is written in the case that counts. */
  caseOk: Convention[];
}

interface ElementBase {
  kind: ElementKind;
  /** The id after stripping invisible characters and markup, e.g. `R1.1`. */
  id: string;
  /** The id as written in the source. */
  rawId: string;
  file: string;
  idRange: Range;
  /** The element's whole extent: heading to end of section, list item, table row, YAML node. */
  range: Range;
  title: string;
  /** True where the id does not follow mim-format §2 (`R.1`, `C.1`, `RC1.1`, flat `R1`). */
  malformed?: boolean;
}

export interface Capability extends ElementBase {
  kind: 'capability';
  description?: Prose;
  requirements: Requirement[];
}

export interface Requirement extends ElementBase {
  kind: 'requirement';
  /** Id of the capability the requirement was written under, if any. */
  capability?: string;
  /** The statement, with markup removed and white space folded. */
  text: string;
  textSpan: TextSpan;
  keywords: KeywordHit[];
  /** The keyword that decides the level (the first proper one, else the first of any case). */
  keyword?: string;
  level: Level;
  seeAlso: IdRef[];
}

/** One row of a Requirements Mapping Table, or one `satisfies` entry. */
export interface MappingRow {
  /** The reference to the requirement; its `target` is empty when the cell names none. */
  ref: IdRef;
  /** The requirement text the row quotes, if it quotes one. */
  quote?: string;
  quoteSpan?: TextSpan;
  how?: string;
  file: string;
  range: Range;
}

export interface Mechanism extends ElementBase {
  kind: 'mechanism';
  standards: string[];
  description?: Prose;
  satisfies: MappingRow[];
}

export interface Guidance extends ElementBase {
  kind: 'guidance';
  mechanisms: IdRef[];
  text?: Prose;
}

export type TestMethod = 'automated' | 'manual' | 'self-assessment';

export interface Test extends ElementBase {
  kind: 'test';
  covers: IdRef[];
  method?: TestMethod | string;
  description?: Prose;
}

export type MimElement = Capability | Requirement | Mechanism | Guidance | Test;

/** What holds elements of every kind: a document, a MIM. */
export interface ElementLists {
  capabilities: readonly Capability[];
  requirements: readonly Requirement[];
  mechanisms: readonly Mechanism[];
  guidance: readonly Guidance[];
  tests: readonly Test[];
}

/** Every element held, kind after kind in the order of a MIM's parts. */
export function elementsOf(h: ElementLists): MimElement[] {
  return [...h.capabilities, ...h.requirements, ...h.mechanisms, ...h.guidance, ...h.tests];
}

/** Where a reference to an id was written. */
export type RefRole =
  'prose' | 'mapping' | 'satisfies' | 'covers' | 'seeAlso' | 'guidance-mechanisms' | 'resource-mims' | 'link';

/** Roles whose reference must name a requirement: the traceability of mim-format §4. */
export const REQUIREMENT_TRACE_ROLES: ReadonlySet<RefRole> = new Set<RefRole>([
  'mapping',
  'satisfies',
  'covers',
  'seeAlso',
]);

/** Every role that traces to an element, guidance's mechanisms included. */
export const TRACE_ROLES: ReadonlySet<RefRole> = new Set<RefRole>([...REQUIREMENT_TRACE_ROLES, 'guidance-mechanisms']);

/** A reference to a MIM or to one of its elements. */
export interface IdRef {
  file: string;
  /** Range of the id as written (for rename: exactly the characters to replace). */
  range: Range;
  /** As written, e.g. `MIM0.R1.2`, `R1.1`, `MIM 7`. */
  text: string;
  role: RefRole;
  /** The MIM named explicitly, e.g. `MIM0`; absent for a local id. */
  mim?: string;
  /** The element named; absent when the reference names a whole MIM or nothing parseable. */
  target?: { kind: ElementKind; id: string };
  /** A legacy form (`MIM3.C5.R0`, flat `R4`). */
  legacy?: boolean;
  /** For a whole MIM in prose, the name written beside it: `MIM3 (Personal Data)`, `Personal Data (MIM3)`. */
  name?: { text: string; range: Range };
}

export interface Section {
  /** Heading text without markup, invisible characters or trailing `<a id>` tags. */
  title: string;
  level: number;
  file: string;
  headingRange: Range;
  /** From the heading to the next heading of its level or higher. */
  range: Range;
  /** GitHub-style slug of the heading. */
  anchor: string;
  part?: PartName;
  /** True when the section holds text or a sub-heading. */
  hasContent: boolean;
  /** True when its only content is a placeholder (TBD, "Unfinished page"). */
  placeholder: boolean;
}

export interface PartOccurrence {
  part: PartName;
  file: string;
  /** The heading (or YAML key) that opens the part. */
  range: Range;
  /** The heading's title, where the title names the part (not a YAML key, nor a page read by its file name). */
  title?: string;
}

/** A block of prose, for checks that read sentences (keywords, glued headings). */
export interface TextBlock extends TextSpan {
  kind: 'paragraph' | 'list-item' | 'table-cell' | 'heading' | 'quote' | 'code' | 'yaml';
  part?: PartName;
  /** A requirement quoted in a mapping table: never a statement of the mechanism. */
  quotesRequirement?: boolean;
}

export interface Anchor {
  id: string;
  file: string;
  range: Range;
  source: 'heading' | 'html';
}

export type LinkForm = 'inline' | 'autolink' | 'angle' | 'reference' | 'html' | 'gitbook';

export interface Link {
  /** Target as written. */
  target: string;
  /** Link text without markup, if any. */
  text?: string;
  form: LinkForm;
  file: string;
  range: Range;
  targetRange: Range;
}

export interface Citation {
  tag: string;
  file: string;
  range: Range;
}

export type ReferenceKind = 'normative' | 'bibliography';

export interface Reference {
  tag: string;
  kind: ReferenceKind;
  title?: string;
  url?: string;
  file: string;
  tagRange: Range;
  range: Range;
}

export interface ConventionsDecl {
  /** The convention the declaration amounts to, if it names or implies one. */
  convention?: Convention;
  /** Keywords named in the declaring sentence ("The key words MAY, MUST ... "). */
  listed: { key: string; range: Range }[];
  /** Keywords given a meaning ("SHALL" indicates a requirement). */
  defined: { key: string; range: Range }[];
  file: string;
  range: Range;
  source: 'terminology' | 'yaml' | 'config';
}

export interface IdentityClaim {
  mim: string;
  title?: string;
  source: 'front-matter' | 'config' | 'h1' | 'publiccode' | 'yaml';
  file: string;
  range: Range;
}

export interface GitbookTag {
  name: string;
  kind: 'open' | 'close';
  file: string;
  range: Range;
}

/**
 * Tags that open a block closed by `{% end<name> %}`. Others (`embed`, `file`, `page-ref`,
 * `include`) stand alone. A name closed anywhere in the page also counts as a block.
 */
export const GITBOOK_BLOCKS = new Set([
  'hint',
  'tabs',
  'tab',
  'content-ref',
  'code',
  'swagger',
  'stepper',
  'step',
  'columns',
  'column',
  'updates',
  'update',
  'raw',
]);

export interface InvisibleChar {
  /** e.g. `U+200B ZERO WIDTH SPACE` or `&#x200B;`. */
  what: string;
  /** `line`: on a line that holds nothing else; `code`: in a code block or code span. */
  where: 'heading' | 'id' | 'text' | 'line' | 'code';
  file: string;
  range: Range;
}

export interface SummaryEntry {
  title: string;
  target: string;
  file: string;
  range: Range;
  depth: number;
  /** The part this entry's page holds, judged from its title or file name. */
  part?: PartName;
}

/** The optional `itu:` block of a draft Recommendation (mim-format §3.3). */
export interface ItuBlock {
  file: string;
  range: Range;
  /** The clauses present, in the order written: summary, keywords, scope, references, ... */
  clauses: { name: string; range: Range }[];
  keywords: { text: string; range: Range }[];
  abbreviations: { abbr: string; expansion?: string; range: Range }[];
  summary?: Prose;
  scope?: Prose;
  /** Clause 3: terms defined elsewhere (with the tag of their source) and terms defined here. */
  definitions: { elsewhere: ItuDefinition[]; here: ItuDefinition[] };
  annexes: ItuAppendix[];
  appendices: ItuAppendix[];
}

export interface ItuDefinition {
  term: string;
  source?: string;
  definition?: Prose;
}

/** An annex or an appendix of a draft Recommendation. */
export interface ItuAppendix {
  title: string;
  text?: Prose;
}

export type { ElementKind, IdKind };
