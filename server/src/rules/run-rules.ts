import type { DocumentModel } from '../model/document.js';
import type { Finding } from '../model/finding.js';
import type { Mim } from '../model/mim.js';
import { compareRanges, range } from '../model/range.js';
import type { Severity } from '../model/severity.js';
import type { ProjectConfig, RegistryEntry } from '../config/project-config.js';
import { isInside } from '../base/paths.js';
import { titleKey, type DocumentsView, type IndexView } from '../query/index-view.js';
import { ALL_RULES } from './all-rules.js';
import { PassChanges, type RulePass, type RulePassChanges } from './pass-changes.js';
import { ruleInfo } from './catalogue.js';
import type { Report, Rule, RuleContext } from './rule.js';

export type RuleEnvironment = Omit<RuleContext, 'report'>;

/** One kind of read of the environment, by key; the same function reads it again to check the answer. */
type Read<T> = (env: RuleEnvironment, key: string) => T;
type Same = (a: unknown, b: unknown) => boolean;

/**
 * What a run read outside its target, four entries a read: the read, its key, its answer and
 * how two answers compare; READ_ALL when it read the whole document set, which cannot be
 * checked cheaply (it is run again always). A flat list rather than a closure a read: a closure
 * and its context took about 100 bytes each, a read takes 32.
 */
type Reads = readonly unknown[];
const READ_ALL: Reads = Object.freeze([]);
const NO_READS: Reads = Object.freeze([]);
const NO_REPORTS: readonly Report[] = Object.freeze([]);

/**
 * Results of one rule on one document or MIM, kept with the object they were computed from,
 * together with everything the rule read outside it. After an edit, a result is reused when
 * every read still gives the same answer: re-validation recomputes only what a change touches.
 * A target's results are one list: the pass that last found them valid (all of a target's
 * rules run in the same pass, one after the other), then two entries a rule (its reports, its
 * reads) at the rule's slot; a run that reported and read nothing holds two shared empty lists: most of the
 * 240,000 runs of a workspace of 2,000 MIMs are such, and a Map of runs a target and an object
 * a run took 35 MB of the language server's heap there.
 */
export class RuleCache {
  /**
   * What changed since the last pass, which the next one goes by; told by the owner of the
   * environment when `told` (a workspace's own cache), else every read is asked again.
   */
  readonly passes: PassChanges;
  private readonly runs = new WeakMap<object, (readonly unknown[] | number | undefined)[]>();
  /** Each rule's slot among the rules of its scope, so that a document's list holds document rules alone. */
  private readonly slots = new Map<Rule, number>();
  private readonly taken = { document: 0, mim: 0 };

  constructor(told = false) {
    this.passes = new PassChanges(told);
  }

  /**
   * A pass comes to a target, before its rules: what changed since the pass that last found its
   * results valid, when that pass is the one before; they are valid as of this pass once its
   * rules have run (each result checked, or computed anew).
   */
  visit(target: object, pass: RulePass): RulePassChanges | undefined {
    const held = this.runs.get(target);
    if (!held) return undefined;
    const since = held[0] === pass.since?.pass ? pass.since : undefined;
    held[0] = pass.pass;
    return since;
  }

  get(target: object, rule: Rule, env: RuleEnvironment, since?: RulePassChanges): readonly Report[] | undefined {
    const slot = this.slots.get(rule);
    const held = slot === undefined ? undefined : this.runs.get(target);
    if (!held || slot === undefined) return undefined;
    const reports = held[1 + 2 * slot] as readonly Report[] | undefined;
    const reads = held[2 + 2 * slot] as Reads | undefined;
    if (!reports || !reads || reads === READ_ALL) return undefined;
    for (let i = 0; i < reads.length; i += 4) {
      const read = reads[i] as Read<unknown>;
      const key = reads[i + 1] as string;
      // Found valid by the pass before, only the reads that what changed since may reach are asked again.
      if (since && !reaches(since, read, key)) continue;
      if (!(reads[i + 3] as Same)(read(env, key), reads[i + 2])) return undefined;
    }
    return reports;
  }

  set(target: object, rule: Rule, reports: readonly Report[], reads: Reads, pass: number): void {
    let slot = this.slots.get(rule);
    if (slot === undefined) this.slots.set(rule, (slot = this.taken[rule.scope]++));
    let held = this.runs.get(target);
    if (!held) this.runs.set(target, (held = [pass]));
    while (held.length < 1 + 2 * slot) held.push(undefined);
    held[1 + 2 * slot] = reports;
    held[2 + 2 * slot] = reads;
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
): Map<string, Finding[]> {
  const turns = ruleTurns(env, rules, cache);
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
): Generator<void, Map<string, Finding[]>, void> {
  const byFile = new Map<string, Finding[]>();
  const add = (r: Report) => {
    const finding = toFinding(r, env);
    if (!finding) return;
    const list = byFile.get(r.file);
    if (list) list.push(finding);
    else byFile.set(r.file, [finding]);
  };
  const run = cache ? cachedRunner(env, cache, add, cache.passes.next(env.index.mims)) : directRunner(env, add);
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

/**
 * Runs a rule unless the cache holds its result for the target still, and keeps what it read.
 * A pass runs all the rules of one target one after the other, and always the same rules.
 */
function cachedRunner(env: RuleEnvironment, cache: RuleCache, add: (r: Report) => void, pass: RulePass): Runner {
  const ctx = new TrackingContext(env);
  let current: object | undefined;
  let since: RulePassChanges | undefined;
  return (target, rule, file) => {
    if (target !== current) {
      current = target;
      since = cache.visit(target, pass);
    }
    let reports = cache.get(target, rule, env, since);
    if (!reports) {
      ctx.begin();
      guard(
        rule,
        () => check(rule, target, ctx),
        file,
        (r) => ctx.report(r),
      );
      const done = ctx.end();
      reports = done.reports;
      cache.set(target, rule, done.reports, done.reads, pass.pass);
    }
    for (const r of reports) add(r);
  };
}

function check(rule: Rule, target: DocumentModel | Mim, ctx: RuleContext): void {
  if (rule.scope === 'document') rule.check(target as DocumentModel, ctx);
  else rule.check(target as Mim, ctx);
}

const sameList: Same = (x, y) => {
  const a = x as readonly unknown[] | undefined;
  const b = y as readonly unknown[] | undefined;
  return a === b || (a !== undefined && b !== undefined && a.length === b.length && a.every((v, i) => v === b[i]));
};

const readConfig: Read<ProjectConfig> = (e, file) => e.configFor(file);
const readRegistry: Read<ReadonlyMap<string, RegistryEntry>> = (e, file) => e.registryFor(file);
const readExists: Read<boolean> = (e, path) => e.exists(path);
const readUnder: Read<readonly DocumentModel[]> = (e, dir) => e.documentsUnder(dir);
const readRoot: Read<string> = (e, file) => e.repositoryRoot(file);
const readMims: Read<readonly Mim[] | undefined> = (e, id) => e.index.byId.get(id);
const readMimOf: Read<Mim | undefined> = (e, file) => e.index.mimOf(file);
const readDocument: Read<DocumentModel | undefined> = (e, path) => e.documents.get(path);
const readTitled: Read<readonly Mim[]> = (e, key) => e.index.titled(key);

const identical: Same = (a, b) => a === b;

/**
 * Whether what changed since a pass may change the answer of a read. The configs, registries
 * and repository roots stay (a change of config is no mere change of text); a file's existence
 * is asked again always (the disk may answer otherwise), and so is any other read.
 */
function reaches(since: RulePassChanges, read: Read<unknown>, key: string): boolean {
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
  /** The keys the current run read, by the kind of read: each read is recorded once. */
  private seen: Map<Read<unknown>, Set<string>> | undefined;
  /** The reads of the current run, as the cache keeps them. */
  private reads: unknown[] = [];
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
      // A MIM's own table and trace depend on the MIM object alone, which the rule already holds: no read to record.
      ownElements: (mim, id) => env.index.ownElements(mim, id),
      ownTrace: (mim) => env.index.ownTrace(mim),
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
    this.seen = undefined;
    this.reads = [];
    this.readAll = false;
    this.out = [];
  }

  /** What the run reported and read, in lists of their exact length (a list grown by pushes keeps room for more). */
  end(): { reports: readonly Report[]; reads: Reads } {
    const reports = this.out.length === 0 ? NO_REPORTS : this.out.slice();
    const reads = this.readAll ? READ_ALL : this.reads.length === 0 ? NO_READS : this.reads.slice();
    return { reports, reads };
  }

  /**
   * Reads one value and, the first time this run reads it, records how to check it later.
   * Keys are the paths or ids read, strings the workspace already holds.
   */
  private track<T>(read: Read<T>, key: string, same: Same = identical): T {
    const v = read(this.env, key);
    const seen = (this.seen ??= new Map());
    let keys = seen.get(read as Read<unknown>);
    if (!keys) seen.set(read as Read<unknown>, (keys = new Set()));
    if (!keys.has(key)) {
      keys.add(key);
      this.reads.push(read, key, v, same);
    }
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
