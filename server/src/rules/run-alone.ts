import type { DocumentModel } from '../model/document.js';
import type { Finding } from '../model/finding.js';
import type { Mim } from '../model/mim.js';
import { range } from '../model/range.js';
import type { ProjectConfig, RegistryEntry } from '../config/project-config.js';
import { OwnTrace } from '../query/own-trace.js';
import type { IndexView } from '../query/index-view.js';
import { ALL_RULES } from './all-rules.js';
import type { Report, Rule, RuleContext } from './rule.js';
import { inOrder, suppress, toFinding, type RuleEnvironment } from './run-rules.js';

/** Thrown by the sealed context when a rule reaches outside its document: its findings wait for the workspace. */
class NeedsWorkspace extends Error {}

const outside = (): never => {
  throw new NeedsWorkspace();
};

export interface AloneInput {
  doc: DocumentModel;
  /**
   * The MIM the document forms by itself, given only when the whole workspace is sure to
   * group it the same way (a `*.mim.yaml` or a single page, with no publiccode beside it).
   */
  mim?: Mim;
  /** The MIM's own id table (read from the MIM alone). */
  ownElements?: IndexView['ownElements'];
  configFor(file: string): ProjectConfig;
  registryFor(file: string): ReadonlyMap<string, RegistryEntry>;
}

/**
 * The findings of one document that hold whatever the rest of the workspace turns out to be,
 * for an editor that opened it before the workspace was read. Every rule runs on a context
 * sealed to the document (and its MIM when it forms one alone) and its config; a rule that
 * reads anything else (another document, the global index, the disk) is stopped, and its
 * findings wait for the full check. So nothing published here is withdrawn later because the
 * rest was read, whatever a rule reads: the seal, not a list of rules, decides.
 */
export function runAlone(input: AloneInput, rules: readonly Rule[] = ALL_RULES): Finding[] {
  const { doc, mim } = input;
  const own = (file: string) => (file === doc.file ? doc : outside());
  const index: IndexView = {
    get mims(): readonly Mim[] {
      return outside();
    },
    byId: { get: outside, has: outside },
    lookup: outside,
    mimOf: (file) => (mim && file === doc.file ? mim : outside()),
    ownElements: (m, id) => (mim && m === mim && input.ownElements ? input.ownElements(m, id) : outside()),
    ownTrace: (m) => new OwnTrace(m, (x, id) => index.ownElements(x, id)),
    titled: outside,
  };
  const env: RuleEnvironment = {
    index,
    documents: { get: own, has: (f) => own(f) !== undefined, values: outside, keys: outside, size: 0 },
    configFor: (f) => input.configFor(f),
    registryFor: (f) => input.registryFor(f),
    exists: outside,
    documentsUnder: outside,
    repositoryRoot: outside,
  };
  Object.defineProperty(env.documents, 'size', { get: outside });
  const reports: Report[] = doc.problems.map((p) => ({ ...p, file: doc.file }));
  const runOne = (rule: Rule, check: (ctx: RuleContext) => void) => {
    const out: Report[] = [];
    try {
      check({ ...env, report: (r) => out.push(r) });
    } catch (e) {
      if (e instanceof NeedsWorkspace) return;
      // As the full check does: a rule that throws is a finding of its own.
      out.length = 0;
      out.push({
        code: 'internal/rule-failure',
        file: rule.scope === 'document' ? doc.file : mim!.root,
        range: range(0, 0, 0, 0),
        message: `The check ${rule.code} failed on this file: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
    reports.push(...out);
  };
  for (const rule of rules) {
    if (rule.scope === 'document') runOne(rule, (ctx) => rule.check(doc, ctx));
    else if (mim) runOne(rule, (ctx) => rule.check(mim, ctx));
  }
  const findings: Finding[] = [];
  for (const r of reports) {
    if (r.file !== doc.file) continue;
    const f = toFinding(r, env);
    if (f) findings.push(f);
  }
  return inOrder(suppress(findings, doc));
}
