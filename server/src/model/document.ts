import type {
  Anchor,
  Capability,
  Citation,
  ConventionsDecl,
  GitbookTag,
  Guidance,
  IdRef,
  IdentityClaim,
  InvisibleChar,
  ItuBlock,
  Link,
  Mechanism,
  PartOccurrence,
  Prose,
  Reference,
  Requirement,
  Section,
  SummaryEntry,
  Test,
} from './elements.js';
import type { ParseProblem } from './finding.js';
import type { LineIndex } from './range.js';
import { TextBlocks } from './text-blocks.js';

/** The syntaxes the engine reads (mim-format §3). */
export type FileKind =
  | 'markdown' // any Markdown page: repository page, single-page MIM, SUMMARY.md, other
  | 'mim-yaml' // *.mim.yaml structured specification
  | 'resource'; // *.mim.yml and publiccode.yml resource descriptors

/**
 * What a file is, judged from its name and content: a GitBook table of contents, a page
 * that is a whole 2022-format MIM, any other Markdown page, a structured spec, a resource.
 */
export type PageRole = 'summary' | 'single-page' | 'page' | 'spec' | 'resource';

/** `<!-- mimspec-disable-next-line code -->` applies to `line`; no codes means every code. */
export interface Suppression {
  line: number;
  codes: string[];
}

/**
 * Everything one file says, in the one model shared by every syntax. Parsers fill it;
 * the workspace groups documents into MIMs; rules and features read it.
 */
export interface DocumentModel {
  file: string;
  kind: FileKind;
  role: PageRole;
  /** Content version the model was parsed from: the editor's version, or `disk` (the text then tells changes apart). */
  version: string | number;
  text: string;
  lines: LineIndex;
  /** What this file says about which MIM it belongs to. */
  identity: IdentityClaim[];
  title?: string;
  status?: string;
  edition?: string;
  category?: string;
  /** The objective's Markdown, where the syntax holds it as one text (a `*.mim.yaml`). */
  objective?: Prose;
  sections: Section[];
  parts: PartOccurrence[];
  capabilities: Capability[];
  /** Every requirement of the file in order, those under a capability and those outside any. */
  requirements: Requirement[];
  mechanisms: Mechanism[];
  guidance: Guidance[];
  tests: Test[];
  references: Reference[];
  citations: Citation[];
  refs: IdRef[];
  links: Link[];
  anchors: Anchor[];
  /** The blocks of prose, for checks that read sentences (keywords, glued headings). */
  blocks: TextBlocks;
  conventions?: ConventionsDecl;
  gitbookTags: GitbookTag[];
  invisibles: InvisibleChar[];
  summary: SummaryEntry[];
  itu?: ItuBlock;
  problems: ParseProblem[];
  suppressions: Suppression[];
  /** Set when the file could not be read as text at all (binary, too large, invalid UTF-8). */
  skipped?: string;
}

export function emptyDocument(
  file: string,
  kind: FileKind,
  role: PageRole,
  version: string | number,
  text: string,
  lines: LineIndex,
): DocumentModel {
  return {
    file,
    kind,
    role,
    version,
    text,
    lines,
    identity: [],
    sections: [],
    parts: [],
    capabilities: [],
    requirements: [],
    mechanisms: [],
    guidance: [],
    tests: [],
    references: [],
    citations: [],
    refs: [],
    links: [],
    anchors: [],
    blocks: new TextBlocks(),
    gitbookTags: [],
    invisibles: [],
    summary: [],
    problems: [],
    suppressions: [],
  };
}
