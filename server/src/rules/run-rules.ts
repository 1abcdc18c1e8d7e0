import type { DocumentModel } from '../model/document.js';
import type { Finding } from '../model/finding.js';
import { compareRanges } from '../model/range.js';
import type { Severity } from '../model/severity.js';
import { ALL_RULES } from './all-rules.js';
import { ruleInfo } from './catalogue.js';
import type { Report, Rule, RuleContext } from './rule.js';

export type RuleEnvironment = Omit<RuleContext, 'report'>;

/**
 * Runs every rule over the index and turns reports into findings: catalogue severity,
 * overridden per file by its mimspec.yaml, dropped when `off` or suppressed inline.
 */
export function runRules(env: RuleEnvironment, rules: readonly Rule[] = ALL_RULES, cache?: LocalCache): Map<string, Finding[]> {
  const byFile = new Map<string, Finding[]>();
  const add = (r: Report) => {
    const finding = toFinding(r, env);
    if (!finding) return;
    const list = byFile.get(r.file);
    if (list) list.push(finding);
    else byFile.set(r.file, [finding]);
  };
  const ctx: RuleContext = { ...env, report: add } as RuleContext;
  for (const doc of env.documents.values()) {
    for (const p of doc.problems) add({ ...p, file: doc.file });
    for (const local of localReports(doc, rules, env, cache)) add(local);
    for (const rule of rules) if (rule.scope === 'document' && !rule.local) guard(rule, () => rule.check(doc, ctx), doc.file, add);
  }
  for (const mim of env.index.mims) {
    for (const rule of rules) if (rule.scope === 'mim') guard(rule, () => rule.check(mim, ctx), mim.root, add);
  }
  for (const [file, list] of byFile) {
    const doc = env.documents.get(file);
    byFile.set(file, suppress(list, doc).sort((a, b) => compareRanges(a.range, b.range) || a.code.localeCompare(b.code)));
  }
  return byFile;
}

/** Findings of document-local rules, reused while the document's model is the same object. */
export type LocalCache = WeakMap<DocumentModel, Report[]>;

function localReports(doc: DocumentModel, rules: readonly Rule[], env: RuleEnvironment, cache: LocalCache | undefined): Report[] {
  const hit = cache?.get(doc);
  if (hit) return hit;
  const reports: Report[] = [];
  const ctx: RuleContext = { ...env, report: (r) => reports.push(r) } as RuleContext;
  for (const rule of rules) if (rule.scope === 'document' && rule.local) guard(rule, () => rule.check(doc, ctx), doc.file, (r) => reports.push(r));
  cache?.set(doc, reports);
  return reports;
}

/** A rule that throws is a bug in the rule, never a reason to lose the other findings. */
function guard(rule: Rule, run: () => void, file: string, add: (r: Report) => void): void {
  try {
    run();
  } catch (e) {
    add({
      code: 'internal/rule-failure',
      file,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message: `The check ${rule.codes.join(', ')} failed on this file: ${e instanceof Error ? e.message : String(e)}`,
    });
  }
}

function toFinding(r: Report, env: RuleEnvironment): Finding | undefined {
  const setting = env.configFor(r.file).rules[r.code];
  if (setting === 'off') return undefined;
  const severity: Severity = setting ?? ruleInfo(r.code)?.severity ?? 'error';
  const f: Finding = { code: r.code, severity, message: r.message, file: r.file, range: r.range };
  if (r.related?.length) f.related = r.related;
  if (r.fixes?.length) f.fixes = r.fixes;
  return f;
}

function suppress(list: Finding[], doc: DocumentModel | undefined): Finding[] {
  if (!doc || doc.suppressions.length === 0) return list;
  return list.filter((f) => !doc.suppressions.some((s) => s.line === f.range.start.line && (s.codes.length === 0 || s.codes.includes(f.code))));
}
