import type { DocumentModel } from '../model/document.js';
import type { Finding } from '../model/finding.js';
import type { Mim } from '../model/mim.js';
import { compareRanges, range } from '../model/range.js';
import { isInside } from '../base/paths.js';
import type { Severity } from '../model/severity.js';
import type { ProjectConfig, RegistryEntry } from '../config/project-config.js';
import { titleKey, type DocumentsView, type IndexView } from '../query/symbol-index.js';
import { ALL_RULES } from './all-rules.js';
import { ruleInfo } from './catalogue.js';
import type { Report, Rule, RuleContext } from './rule.js';

export type RuleEnvironment = Omit<RuleContext, 'report'>;

/** A check that a value a rule read is still what it was; run against the new environment. */
type Dependency = (env: RuleEnvironment) => boolean;

interface CachedRun {
  reports: Report[];
  /** One check per distinct read. */
  dependencies: Dependency[];
  /** What each dependency read (`ALWAYS_STALE`'s: undefined), to tell whether a change could reach it. */
  reads: ([Read<unknown>, string] | undefined)[];
  /** The pass that last found it valid. */
  validated: number;
}

/**
 * A pass of the rules, numbered, and what changed since the pass before it (`since`), when
 * nothing changed but the texts of documents already there: their paths, and the MIMs that
 * are not the same objects in both passes' indexes (their ids and files). A read that none of
 * these reaches gives the answer it gave then, and is not asked again.
 */
export interface RulePass {
  pass: number;
  since?: { pass: number; documents: ReadonlySet<string>; mimIds: ReadonlySet<string>; mimFiles: ReadonlySet<string> };
}

/**
 * Results of one rule on one document or MIM, kept with the object they were computed from,
 * together with everything the rule read outside it. After an edit, a result is reused when
 * every read still gives the same answer: re-validation recomputes only what a change touches.
 */
export class RuleCache {
  private readonly runs = new WeakMap<object, Map<Rule, CachedRun>>();

  get(target: object, rule: Rule, env: RuleEnvironment, pass: RulePass): Report[] | undefined {
    const run = this.runs.get(target)?.get(rule);
    if (!run) return undefined;
    // Found valid by the pass before, only the reads that what changed since may reach are asked again.
    const since = run.validated === pass.since?.pass ? pass.since : undefined;
    for (let i = 0; i < run.dependencies.length; i++) {
      const read = run.reads[i];
      if (since && read && !reaches(since, read[0], read[1])) continue;
      if (!run.dependencies[i](env)) return undefined;
    }
    run.validated = pass.pass;
    return run.reports;
  }

  set(target: object, rule: Rule, run: CachedRun): void {
    let byRule = this.runs.get(target);
    if (!byRule) this.runs.set(target, (byRule = new Map()));
    byRule.set(rule, run);
  }
}

type Runner = (target: DocumentModel | Mim, rule: Rule, file: string) => void;

/**
 * Runs every rule over the index and turns reports into findings: catalogue severity,
 * overridden per file by its mimspec.yaml, dropped when `off` or suppressed inline. With a
 * cache, each result is kept with what it read and reused while those reads still give the
 * same answers; without one (a workspace checked once, as by the CLI) rules read the
 * environment directly and nothing is kept.
 */
export function runRules(
  env: RuleEnvironment,
  rules: readonly Rule[] = ALL_RULES,
  cache?: RuleCache,
  pass: RulePass = { pass: 0 },
): Map<string, Finding[]> {
  const turns = ruleTurns(env, rules, cache, pass);
  for (;;) {
    const step = turns.next();
    if (step.done) return step.value;
  }
}

/**
 * `runRules` a target at a time: it stops after each document and each MIM, so that a host
 * may do other work between two (the server answering requests during its first check).
 */
export function* ruleTurns(
  env: RuleEnvironment,
  rules: readonly Rule[] = ALL_RULES,
  cache?: RuleCache,
  pass: RulePass = { pass: 0 },
): Generator<void, Map<string, Finding[]>, void> {
  const byFile = new Map<string, Finding[]>();
  const add = (r: Report) => {
    const finding = toFinding(r, env);
    if (!finding) return;
    const list = byFile.get(r.file);
    if (list) list.push(finding);
    else byFile.set(r.file, [finding]);
  };
  const run = cache ? cachedRunner(env, cache, add, pass) : directRunner(env, add);
  for (const doc of env.documents.values()) {
    for (const p of doc.problems) add({ ...p, file: doc.file });
    for (const rule of rules) if (rule.scope === 'document') run(doc, rule, doc.file);
    yield;
  }
  for (const mim of env.index.mims) {
    for (const rule of rules) if (rule.scope === 'mim') run(mim, rule, mim.root);
    yield;
  }
  for (const [file, list] of byFile) {
    const doc = env.documents.get(file);
    byFile.set(file, inOrder(suppress(list, doc)));
  }
  return byFile;
}

/** The problems of configs as findings on them, at their own severity: `rules` in the file they are about does not change it. */
export function configFindings(configs: readonly ProjectConfig[]): [string, Finding[]][] {
  return configs.flatMap((c) =>
    c.file && c.problems.length > 0
      ? [[c.file, c.problems.map((p) => ({ ...p, file: c.file!, severity: ruleInfo(p.code)?.severity ?? 'error' }))]]
      : [],
  );
}

/** Findings in the order every front shows them: by place, then by code. */
export function inOrder(list: Finding[]): Finding[] {
  return list.sort((a, b) => compareRanges(a.range, b.range) || a.code.localeCompare(b.code));
}

/** Runs a rule once, speaking straight into the findings. */
function directRunner(env: RuleEnvironment, add: (r: Report) => void): Runner {
  const ctx: RuleContext = { ...env, report: add };
  return (target, rule, file) => guard(rule, () => check(rule, target, ctx), file, add);
}

/** Runs a rule unless the cache holds its result for the target still, and keeps what it read. */
function cachedRunner(env: RuleEnvironment, cache: RuleCache, add: (r: Report) => void, pass: RulePass): Runner {
  const ctx = new TrackingContext(env);
  return (target, rule, file) => {
    let reports = cache.get(target, rule, env, pass);
    if (!reports) {
      ctx.begin();
      guard(
        rule,
        () => check(rule, target, ctx),
        file,
        (r) => ctx.report(r),
      );
      const done = ctx.end(pass.pass);
      reports = done.reports;
      cache.set(target, rule, done);
    }
    for (const r of reports) add(r);
  };
}

function check(rule: Rule, target: DocumentModel | Mim, ctx: RuleContext): void {
  if (rule.scope === 'document') rule.check(target as DocumentModel, ctx);
  else rule.check(target as Mim, ctx);
}

const sameList = (a: readonly unknown[] | undefined, b: readonly unknown[] | undefined) =>
  a === b || (a !== undefined && b !== undefined && a.length === b.length && a.every((x, i) => x === b[i]));

const ALWAYS_STALE: Dependency = () => false;

/** One kind of read of the environment, by key; the same function reads it again to check the answer. */
type Read<T> = (env: RuleEnvironment, key: string) => T;

const readConfig: Read<ProjectConfig> = (e, file) => e.configFor(file);
const readRegistry: Read<ReadonlyMap<string, RegistryEntry>> = (e, file) => e.registryFor(file);
const readExists: Read<boolean> = (e, path) => e.exists(path);
const readUnder: Read<readonly DocumentModel[]> = (e, dir) => e.documentsUnder(dir);
const readRoot: Read<string> = (e, file) => e.repositoryRoot(file);
const readMims: Read<readonly Mim[] | undefined> = (e, id) => e.index.byId.get(id);
const readMimOf: Read<Mim | undefined> = (e, file) => e.index.mimOf(file);
const readDocument: Read<DocumentModel | undefined> = (e, path) => e.documents.get(path);
const readTitled: Read<readonly Mim[]> = (e, key) => e.index.titled(key);

const identical = (a: unknown, b: unknown) => a === b;

/**
 * Whether what changed since a pass may change the answer of a read. The configs, registries
 * and repository roots stay (a change of config is no mere change of text); a file's existence
 * is asked again always (the disk may answer otherwise).
 */
function reaches(since: NonNullable<RulePass['since']>, read: Read<unknown>, key: string): boolean {
  if (read === readConfig || read === readRegistry || read === readRoot) return false;
  if (read === readDocument) return since.documents.has(key);
  if (read === readMims) return since.mimIds.has(key);
  if (read === readMimOf) return since.mimFiles.has(key);
  if (read === readUnder) for (const path of since.documents) if (isInside(path, key)) return true;
  return read !== readUnder;
}

/**
 * The context a rule sees, recording each read of the workspace as a dependency. Reads of
 * the whole document set cannot be checked cheaply, so a rule that makes one is rerun always.
 * One context serves every run of a pass: `begin` gives it a fresh record for the next rule.
 */
class TrackingContext implements RuleContext {
  /** The checks of the current run, by the kind of read and then by what was read. */
  private deps = new Map<Read<unknown>, Map<string, Dependency>>();
  /** Whether the run read the whole document set. */
  private readAll = false;
  private out: Report[] = [];
  readonly index: IndexView;
  readonly documents: DocumentsView;

  constructor(private readonly env: RuleEnvironment) {
    const track = this.track.bind(this);
    const readsAll =
      <T>(value: () => T) =>
      () => {
        this.readAll = true;
        return value();
      };
    const allMims = readsAll(() => env.index.mims);
    this.index = {
      byId: { get: (id) => track(readMims, id, sameList), has: (id) => track(readMims, id, sameList) !== undefined },
      get mims() {
        return allMims();
      },
      // Element tables belong to MIM objects, which are rebuilt when any of their files change:
      // the MIMs a key's prefix names decide the answer.
      lookup(key) {
        const dot = key.indexOf('.');
        if (dot > 0) track(readMims, key.slice(0, dot), sameList);
        return env.index.lookup(key);
      },
      mimOf: (file) => track(readMimOf, file),
      // A MIM's own table depends on the MIM object alone, which the rule already holds: no read to record.
      ownElements: (mim, id) => env.index.ownElements(mim, id),
      titled: (title) => track(readTitled, titleKey(title), sameList),
    };
    const size = readsAll(() => env.documents.size);
    this.documents = {
      get: (path) => track(readDocument, path),
      has: (path) => track(readDocument, path) !== undefined,
      values: readsAll(() => env.documents.values()),
      keys: readsAll(() => env.documents.keys()),
      get size() {
        return size();
      },
    };
  }

  /** Starts the record of one run. */
  begin(): void {
    this.deps = new Map();
    this.readAll = false;
    this.out = [];
  }

  /** What the run of pass `pass` reported and read. */
  end(pass: number): CachedRun {
    const dependencies: Dependency[] = this.readAll ? [ALWAYS_STALE] : [];
    const reads: CachedRun['reads'] = this.readAll ? [undefined] : [];
    for (const [read, checks] of this.deps)
      for (const [key, check] of checks) {
        dependencies.push(check);
        reads.push([read, key]);
      }
    return { reports: this.out, dependencies, reads, validated: pass };
  }

  /**
   * Reads one value and, the first time this run reads it, records how to check it later.
   * Keys are the paths or ids read, strings the workspace already holds.
   */
  private track<T>(read: Read<T>, key: string, same: (a: T, b: T) => boolean = identical): T {
    const v = read(this.env, key);
    let seen = this.deps.get(read as Read<unknown>);
    if (!seen) this.deps.set(read as Read<unknown>, (seen = new Map()));
    if (!seen.has(key)) seen.set(key, (e) => same(read(e, key), v));
    return v;
  }

  report(r: Report): void {
    this.out.push(r);
  }

  configFor(file: string): ProjectConfig {
    return this.track(readConfig, file);
  }

  registryFor(file: string): ReadonlyMap<string, RegistryEntry> {
    return this.track(readRegistry, file);
  }

  exists(path: string): boolean {
    return this.track(readExists, path);
  }

  documentsUnder(dir: string): readonly DocumentModel[] {
    return this.track(readUnder, dir, sameList);
  }

  repositoryRoot(file: string): string {
    return this.track(readRoot, file);
  }
}

/** A rule that throws is a bug in the rule, never a reason to lose the other findings. */
function guard(rule: Rule, run: () => void, file: string, add: (r: Report) => void): void {
  try {
    run();
  } catch (e) {
    add({
      code: 'internal/rule-failure',
      file,
      range: range(0, 0, 0, 0),
      message: `The check ${rule.code} failed on this file: ${e instanceof Error ? e.message : String(e)}`,
    });
  }
}

export function toFinding(r: Report, env: RuleEnvironment): Finding | undefined {
  const setting = env.configFor(r.file).rules[r.code];
  if (setting === 'off') return undefined;
  const severity: Severity = setting ?? ruleInfo(r.code)?.severity ?? 'error';
  const f: Finding = { code: r.code, severity, message: r.message, file: r.file, range: r.range };
  if (r.related?.length) f.related = r.related;
  if (r.fixes?.length) f.fixes = r.fixes;
  return f;
}

export function suppress(list: Finding[], doc: DocumentModel | undefined): Finding[] {
  if (!doc || doc.suppressions.length === 0) return list;
  return list.filter(
    (f) =>
      !doc.suppressions.some(
        (s) => s.line === f.range.start.line && (s.codes.length === 0 || s.codes.includes(f.code)),
      ),
  );
}
