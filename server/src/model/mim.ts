import type { Convention } from './conventions.js';
import type { DocumentModel } from './document.js';
import type {
  Capability,
  ConventionsDecl,
  Guidance,
  IdentityClaim,
  Mechanism,
  Reference,
  Requirement,
  Test,
} from './elements.js';

/**
 * One MIM, gathered from every document that belongs to it (a repository's pages, a single
 * page, or one *.mim.yaml). Arrays keep document order, so duplicates stay visible.
 */
export interface Mim {
  /** `MIM0`; a MIM whose number nobody states gets a key from its folder, e.g. `?docs`. */
  id: string;
  /** False when `id` is a placeholder because no file names the MIM's number. */
  known: boolean;
  title?: string;
  status?: string;
  /** The folder or file that holds the MIM. */
  root: string;
  documents: DocumentModel[];
  identity: IdentityClaim[];
  capabilities: Capability[];
  requirements: Requirement[];
  mechanisms: Mechanism[];
  guidance: Guidance[];
  tests: Test[];
  references: Reference[];
  /** The declaration in force and the convention it amounts to; undefined: nothing declared. */
  conventions?: ConventionsDecl;
  convention?: Convention;
}
