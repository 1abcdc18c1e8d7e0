import type { Mim } from '../model/mim.js';

/**
 * A pass of the rules, numbered, and what changed since the pass before it (`since`), when
 * nothing changed but the texts of documents already there: their paths, and the MIMs that
 * are not the same objects in both passes' indexes (their ids and files). A read that none of
 * these reaches gives the answer it gave then, and is not asked again.
 */
export interface RulePass {
  pass: number;
  since?: RulePassChanges;
}

export interface RulePassChanges {
  pass: number;
  documents: ReadonlySet<string>;
  mimIds: ReadonlySet<string>;
  mimFiles: ReadonlySet<string>;
}

/**
 * What changed between two passes of the rules over a workspace (`RulePass`): the documents
 * already there whose text changed, and the MIMs of the index that are not the same objects as
 * at the pass before. Anything else (a document that came or went, a config, the settings, a
 * scan) leaves the next pass nothing to go by: its rules' reads are all asked again.
 */
export class PassChanges {
  private pass = 0;
  private texts = new Set<string>();
  private other = true;
  private mims: readonly Mim[] = [];

  /** `told`: whoever owns the environment tells every change; else the passes go by nothing. */
  constructor(private readonly told: boolean) {}

  /** A document already there has a new text (`path`), or anything else changed (no path). */
  changed(path?: string): void {
    if (path === undefined) this.other = true;
    else this.texts.add(path);
  }

  /** The next pass, on the MIMs of its index; the changes after this count towards the one after. */
  next(mims: readonly Mim[]): RulePass {
    const pass = ++this.pass;
    const out: RulePass = { pass };
    if (!this.other && this.told) {
      const before = new Set(this.mims);
      const now = new Set(mims);
      const changed = [...this.mims.filter((m) => !now.has(m)), ...mims.filter((m) => !before.has(m))];
      out.since = {
        pass: pass - 1,
        documents: this.texts,
        mimIds: new Set(changed.map((m) => m.id)),
        mimFiles: new Set(changed.flatMap((m) => m.documents.map((d) => d.file))),
      };
    }
    this.mims = mims;
    this.texts = new Set();
    this.other = false;
    return out;
  }
}
