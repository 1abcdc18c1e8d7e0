import type { DocumentModel } from '../model/document.js';
import type { Fix, RelatedPlace } from '../model/finding.js';
import type { Mim } from '../model/mim.js';
import type { Range } from '../model/range.js';
import type { Severity } from '../model/severity.js';
import type { ProjectConfig, RegistryEntry } from '../config/project-config.js';
import type { DocumentsView, IndexView } from '../query/index-view.js';

export interface Report {
  code: string;
  file: string;
  range: Range;
  message: string;
  related?: RelatedPlace[];
  fixes?: Fix[];
}

/** What a rule may read: the model, the index, the config; and the one way to speak. */
export interface RuleContext {
  readonly index: IndexView;
  readonly documents: DocumentsView;
  configFor(file: string): ProjectConfig;
  registryFor(file: string): ReadonlyMap<string, RegistryEntry>;
  /** Whether a file or folder exists, in the workspace or on disk. */
  exists(path: string): boolean;
  /** The documents whose path lies under a folder, in path order. */
  documentsUnder(dir: string): readonly DocumentModel[];
  /** The folder a link starting with `/` is relative to (mim-format §4). */
  repositoryRoot(file: string): string;
  report(finding: Report): void;
}

/** What every front needs to know about a code without running its check. */
export interface RuleInfo {
  readonly code: string;
  readonly severity: Severity;
  readonly summary: string;
}

// A rule is a unit: the code it reports, with its default severity and a one-line summary,
// beside its check; a page at docs/rules/<code>.md; fixtures that fire and that stay clean.

/** Reads one document, and the index for what it refers to. */
export interface DocumentRule extends RuleInfo {
  readonly scope: 'document';
  check(doc: DocumentModel, ctx: RuleContext): void;
}

/** Reads one MIM, gathered from all its documents, and the index for what it refers to. */
export interface MimRule extends RuleInfo {
  readonly scope: 'mim';
  check(mim: Mim, ctx: RuleContext): void;
}

export type Rule = DocumentRule | MimRule;
