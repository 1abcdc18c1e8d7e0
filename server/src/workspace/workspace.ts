import type { DocumentModel } from '../model/document.js';
import type { Finding } from '../model/finding.js';
import type { Mim } from '../model/mim.js';
import { parseConfig } from '../config/read-config.js';
import { RULES } from '../rules/catalogue.js';
import { configFindings, RuleCache, ruleTurns, runRules, type RuleEnvironment } from '../rules/run-rules.js';
import { defaultConfig, type ProjectConfig, type RegistryEntry } from '../config/project-config.js';
import { ConfigResolver } from '../config/resolver.js';
import { DiskReader, type DiskText } from './disk-reader.js';
import { fileKindOf } from './file-kinds.js';
import type { FileSystem } from './file-system.js';
import type { DocumentChange } from './grouping.js';
import { parseDocument, skippedDocument } from './load-document.js';
import { dirname, insertPath, isInside, normalizePath, pathsUnder } from '../base/paths.js';
import { registryFor } from '../config/registry.js';
import { checkAlone, formsMimAlone } from './alone.js';
import type { SymbolIndex } from '../query/symbol-index.js';
import { IndexBuilder, type IndexContext } from './index-builder.js';
import { isExcludedBy } from '../config/globs.js';
import type { YamlEventReader } from './yaml-event-reader.js';

export interface WorkspaceOptions {
  /** Folders (or single files) the workspace covers. */
  roots: string[];
  /** An explicit config file (the CLI's --config) that governs every file. */
  config?: { file: string; text: string };
  /** Where large YAML files read from disk are tokenized, beside the thread that parses the rest. */
  yamlEvents?: YamlEventReader;
  /**
   * Whether rule results (with what each rule read) and each MIM's trace are kept, so that a
   * check after a change reruns only what the change touches (the default, for editors). A
   * workspace checked once, as by the CLI, keeps none.
   */
  incremental?: boolean;
  /**
   * Asked between two parses of a scan; a promise it returns is awaited. An editor's server
   * yields there now and then, so that it answers the document just opened while the rest is read.
   */
  breathe?: () => Promise<void> | undefined;
}

const RULE_CODES = RULES.map((r) => r.code);

/** The version of a document read from disk: its text tells whether it changed. */
const DISK = 'disk';

/**
 * The engine's state: every document parsed once per content version, the configs, the MIMs
 * they form and the index over them. Fronts feed it text and ask for findings and answers.
 */
export class Workspace {
  readonly roots: string[];
  private readonly docs = new Map<string, DocumentModel>();
  /** Document paths in order, for folder queries; rebuilt when a file comes or goes. */
  private sortedPaths: string[] | undefined;
  private readonly configs: ConfigResolver;
  private readonly ruleCache: RuleCache | undefined;
  private indexCache: SymbolIndex | undefined;
  /** Builds each new index from the last and what changed since: this workspace's own. */
  private readonly indexes: IndexBuilder;
  private readonly indexContext: IndexContext;
  private readonly rootCache = new Map<string, string>();
  private findingsCache: Map<string, Finding[]> | undefined;
  private readonly registries = new Map<ProjectConfig, Map<string, RegistryEntry>>();
  private readonly folders = new Set<string>();
  /** Files an include or exclude glob leaves out, seen on disk or in an editor: read again when they are let in. */
  private readonly leftOut = new Set<string>();
  /** The extra config given on the command line, if any. */
  readonly explicitConfig?: ProjectConfig;
  private readonly reader: DiskReader;
  /** Each path's last turn: a removal, an editor's text or a read started (the reads of a scan, loadFile). */
  private readonly turns = new Map<string, number>();
  /** Files and folders whose read the system refused: the check is incomplete while any is here. */
  private readonly unread = new Map<string, string>();
  /** How many times what the index and the findings are built from changed: a check in turns starts again after one. */
  private changes = 0;
  private scans = 0;
  private readonly breathe: WorkspaceOptions['breathe'];

  constructor(
    private readonly fs: FileSystem,
    options: WorkspaceOptions,
  ) {
    this.roots = options.roots.map(normalizePath);
    if (options.config)
      this.explicitConfig = parseConfig(normalizePath(options.config.file), options.config.text, RULE_CODES);
    this.configs = new ConfigResolver(this.roots, this.explicitConfig);
    this.indexContext = {
      configFor: (f) => this.configFor(f),
      roots: this.roots,
      documentsUnder: (d) => this.documentsUnder(d),
    };
    this.reader = new DiskReader(fs, options.yamlEvents, {
      addFolder: (dir) => this.folders.add(dir),
      admit: (path) => this.admit(path),
      holdsFromDisk: (path, text) => this.unchanged(path, text, DISK),
      forget: (path) => this.removeDocument(path),
      turn: (path) => {
        const turn = this.nextTurn(path);
        return () => this.turns.get(path) === turn;
      },
      unreadable: (dir, why) => this.unread.set(dir, why),
      parseTokenized: (read, events) => parseDocument(read.path, 'mim-yaml', read.text, DISK, events),
      accept: (read, parsed, scanned) => this.accept(read, parsed, scanned),
      // Where the scan pauses, the grouping catches up with what it read: an index asked for meanwhile costs little.
      breathe:
        options.breathe &&
        (() => {
          const pause = options.breathe!();
          if (pause) this.indexes.refresh(this.docs, this.indexContext);
          return pause;
        }),
    });
    this.ruleCache = options.incremental === false ? undefined : new RuleCache(true);
    this.indexes = new IndexBuilder(options.incremental !== false);
    this.breathe = options.breathe;
  }

  /** Editor settings that mirror mimspec.yaml; a config file's own keys win over them. */
  setSettings(settings: Partial<ProjectConfig>): void {
    this.configs.setFallback(settings);
    this.registries.clear();
    this.invalidate();
    this.dropExcluded();
  }

  /** Discovers and parses every file under the roots. */
  async scan(): Promise<void> {
    this.unread.clear();
    this.scans++;
    try {
      await this.reader.scan(this.roots);
    } finally {
      this.scans--;
    }
    this.invalidate();
  }

  /** Whether a scan is reading the files: until it ends, what is not found may not be read yet. */
  get reading(): boolean {
    return this.scans > 0;
  }

  /** Whether the config that governs a document leaves it out (its include and exclude globs); a config file never is. */
  isExcluded(file: string): boolean {
    const path = normalizePath(file);
    return fileKindOf(path) !== 'config' && isExcludedBy(this.configFor(path), path);
  }

  /**
   * Whether a document may enter the workspace. One that is left out is forgotten, wherever
   * its text came from (the disk or an editor), and remembered to be read again if the globs
   * come to let it in.
   */
  private admit(path: string): boolean {
    if (!this.isExcluded(path)) {
      this.leftOut.delete(path);
      return true;
    }
    if (this.docs.has(path)) this.removeDocument(path);
    this.leftOut.add(path);
    return false;
  }

  /** After the globs changed: the documents they now leave out go. */
  private dropExcluded(): void {
    for (const path of [...this.docs.keys()]) this.admit(path);
  }

  /**
   * After the globs changed: reads again from disk the files left out before that they let
   * in now. Whether any came back (an editor then gives its unsaved text again).
   */
  async readmit(): Promise<boolean> {
    const back = [...this.leftOut].filter((path) => !this.isExcluded(path));
    for (const path of back) this.leftOut.delete(path);
    await Promise.all(back.map((path) => this.loadFile(path)));
    return back.length > 0;
  }

  /** Reads one file from disk and (re)parses it; dropped if the file is removed, set or read again before the read ends. */
  loadFile(file: string): Promise<void> {
    return this.reader.load(normalizePath(file));
  }

  /** A new turn for a path: what an earlier read of it brings back is then stale. */
  private nextTurn(path: string): number {
    const turn = (this.turns.get(path) ?? 0) + 1;
    this.turns.set(path, turn);
    return turn;
  }

  /** Takes what was read from disk; `parsed` is its document when it was parsed from the tokenizer's events. */
  private accept(read: DiskText, parsed: DocumentModel | undefined, scanned: boolean): void {
    const { path, kind } = read;
    if (kind === 'config') {
      if ('text' in read) this.setConfig(path, read.text);
      return;
    }
    // The text itself tells whether the file changed (setDocument compares it): no stat is needed.
    if (!this.admit(path)) return;
    // A file opened while the scan read it: what the editor holds is what the answers are about.
    const current = this.docs.get(path);
    if (scanned && current && current.version !== DISK) return;
    if ('why' in read && read.failed) this.unread.set(path, read.why);
    else this.unread.delete(path);
    if ('why' in read) this.putDocument(skippedDocument(path, kind, DISK, read.why));
    else if (parsed === undefined) this.setDocument(path, read.text, DISK);
    // The text may have been set meanwhile (an editor buffer): the newer one stays.
    else if (!current || current.version === DISK) this.putDocument(parsed);
  }

  private unchanged(path: string, text: string, version: string | number): boolean {
    const old = this.docs.get(path);
    return old !== undefined && old.version === version && old.text === text;
  }

  /** New text for a file (an editor buffer, or a change on disk). Parses only when the version changed. */
  setDocument(file: string, text: string, version: string | number): void {
    const path = normalizePath(file);
    const kind = fileKindOf(path);
    if (!kind) return;
    if (kind === 'config') {
      this.setConfig(path, text);
      return;
    }
    if (version !== DISK) this.nextTurn(path);
    if (!this.admit(path) || this.unchanged(path, text, version)) return;
    this.unread.delete(path);
    this.putDocument(parseDocument(path, kind, text, version));
  }

  private putDocument(doc: DocumentModel): void {
    const before = this.docs.get(doc.file);
    if (!before && this.sortedPaths) insertPath(this.sortedPaths, doc.file); // a scan adds thousands, one at a time
    this.docs.set(doc.file, doc);
    this.invalidate({ before, after: doc });
  }

  private setConfig(file: string, text: string): void {
    this.configs.set(parseConfig(file, text, RULE_CODES));
    this.rootCache.clear();
    this.registries.clear();
    this.invalidate();
    this.dropExcluded();
  }

  removeDocument(file: string): void {
    const path = normalizePath(file);
    this.nextTurn(path);
    this.leftOut.delete(path);
    this.unread.delete(path);
    this.sortedPaths = undefined;
    if (fileKindOf(path) === 'config') {
      this.configs.remove(dirname(path));
      this.invalidate();
      this.dropExcluded();
    } else {
      const before = this.docs.get(path);
      if (this.docs.delete(path)) this.invalidate({ before });
    }
  }
  /** What the index and the findings are built from changed: one document (`change`), or anything. */
  private invalidate(change?: DocumentChange): void {
    this.indexes.changed(change);
    this.ruleCache?.passes.changed(change?.before && change.after ? change.after.file : undefined);
    this.changes++;
    this.indexCache = undefined;
    this.findingsCache = undefined;
  }

  /** The files and folders the system would not let the last reads read, with why: what a check did not see. */
  unreadable(): ReadonlyMap<string, string> {
    return this.unread;
  }

  get documents(): ReadonlyMap<string, DocumentModel> {
    return this.docs;
  }

  document(file: string): DocumentModel | undefined {
    return this.docs.get(normalizePath(file));
  }

  configFor(file: string): ProjectConfig {
    return this.configs.configFor(normalizePath(file));
  }

  /** Configs read so far, with the problems found in them. */
  configFiles(): ProjectConfig[] {
    return this.explicitConfig ? [this.explicitConfig] : this.configs.all();
  }

  registryFor(file: string): Map<string, RegistryEntry> {
    const config = this.configFor(file);
    let reg = this.registries.get(config);
    if (!reg) {
      reg = registryFor(config.numbering, config.registry);
      this.registries.set(config, reg);
    }
    return reg;
  }

  get index(): SymbolIndex {
    this.indexCache ??= this.indexes.build(this.docs, this.indexContext);
    return this.indexCache;
  }

  mims(): readonly Mim[] {
    return this.index.mims;
  }

  /** Whether a path is a file or folder the workspace knows, or one that exists on disk; the disk is asked only inside the roots. */
  exists(path: string): boolean {
    const p = normalizePath(path);
    if (this.docs.has(p) || this.folders.has(p)) return true;
    if (this.roots.length > 0 && !this.roots.some((r) => isInside(p, r))) return false;
    return this.fs.existsSync?.(p) ?? false;
  }

  /** What rules (and features that answer as rules do) read of the workspace. */
  ruleEnvironment(): RuleEnvironment {
    return {
      index: this.index,
      documents: this.docs,
      configFor: (f) => this.configFor(f),
      registryFor: (f) => this.registryFor(f),
      exists: (p) => this.exists(p),
      documentsUnder: (d) => this.documentsUnder(d),
      repositoryRoot: (f) => this.repositoryRoot(f),
    };
  }

  /** The documents under a folder, in path order. */
  documentsUnder(dir: string): DocumentModel[] {
    this.sortedPaths ??= [...this.docs.keys()].sort();
    return pathsUnder(this.sortedPaths, dir).map((p) => this.docs.get(p)!);
  }

  /** Every finding of the workspace, by file; recomputed only after a change. */
  check(): Map<string, Finding[]> {
    this.findingsCache ??= this.withConfigProblems(runRules(this.ruleEnvironment(), undefined, this.ruleCache));
    return this.findingsCache;
  }

  /**
   * `check()`, pausing between two documents or MIMs where the workspace's `breathe` asks, so
   * that a server answers the editor during the first check of a large workspace. A change
   * meanwhile starts the rules again on the new state; the rule cache keeps what they found
   * that the change did not touch. The findings are those `check()` gives.
   */
  async checkInTurns(): Promise<Map<string, Finding[]>> {
    while (!this.findingsCache) {
      const seen = this.changes;
      const turns = ruleTurns(this.ruleEnvironment(), undefined, this.ruleCache);
      for (let step = turns.next(); ; step = turns.next()) {
        // Nothing was awaited since the last look at `changes`: the findings are of the current state.
        if (step.done) return (this.findingsCache = this.withConfigProblems(step.value));
        await this.breathe?.();
        if (this.changes !== seen) break;
      }
    }
    return this.findingsCache;
  }

  /** The problems of the configs are findings on them (`configFindings`). */
  private withConfigProblems(findings: Map<string, Finding[]>): Map<string, Finding[]> {
    for (const [file, list] of configFindings(this.configFiles())) findings.set(file, list);
    return findings;
  }

  /** The findings of one document that the rest of the workspace cannot change (see `alone.ts`). */
  checkAlone(file: string): Promise<Finding[] | undefined> {
    return checkAlone(this, this.fs, normalizePath(file));
  }

  /** Whether grouping puts a document in a MIM of its own whatever else the workspace holds (see `alone.ts`). */
  formsMimAlone(doc: DocumentModel): Promise<boolean> {
    return formsMimAlone(this.fs, doc);
  }

  /** The nearest folder above holding `.git` or a mimspec.yaml, else the workspace root. Cached per folder. */
  repositoryRoot(file: string): string {
    const dir = dirname(file);
    const hit = this.rootCache.get(dir);
    if (hit) return hit;
    const root = this.roots.find((r) => isInside(file, r)) ?? dir;
    let found = root;
    for (let d = dir; isInside(d, root); d = dirname(d)) {
      if (this.fs.existsSync?.(`${d}/.git`) || this.configs.all().some((c) => c.dir === d)) {
        found = d;
        break;
      }
      if (d === root || d === '/') break;
    }
    this.rootCache.set(dir, found);
    return found;
  }
}

export { defaultConfig };
