import type { DocumentModel } from '../model/document.js';
import type { Finding } from '../model/finding.js';
import type { Mim } from '../model/mim.js';
import { parseConfig } from '../parse/yaml/config.js';
import { RuleCache, runRules, type RuleEnvironment } from '../rules/run-rules.js';
import { defaultConfig, type ProjectConfig, type RegistryEntry } from './config.js';
import { ConfigResolver } from './config-resolver.js';
import { fileKindOf, isSkippedFolder, type WorkspaceFileKind } from './file-kinds.js';
import type { FileSystem } from './file-system.js';
import { groupMims } from './grouping.js';
import { decodeText, parseDocument, skippedDocument } from './load-document.js';
import { dirname, isInside, joinPath, normalizePath } from './paths.js';
import { registryFor } from './registry.js';
import { SymbolIndex } from './symbol-index.js';
import { globMatcher } from './globs.js';
import { YAML_EVENTS_MIN_LENGTH, type YamlEventReader } from './yaml-event-reader.js';

export interface WorkspaceOptions {
  /** Folders (or single files) the workspace covers. */
  roots: string[];
  /** An explicit config file (the CLI's --config) that governs every file. */
  config?: { file: string; text: string };
  /** Where large YAML files read from disk are tokenized, beside the thread that parses the rest. */
  yamlEvents?: YamlEventReader;
  /**
   * Whether rule results are kept, with what each rule read, so that a check after a change
   * reruns only what the change touches (the default, for editors). A workspace checked once,
   * as by the CLI, keeps none.
   */
  incremental?: boolean;
}

/** A file as read from disk: its text, or why it has none. */
type DiskText = { path: string; kind: WorkspaceFileKind } & ({ text: string } | { why: string });

/** The YAML events of a text from the tokenizer thread: undefined when it could not read them (null: js-yaml rejected the text). */
type TokenizedYaml = Promise<Int32Array | null | undefined>;

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
  private previousMims: readonly Mim[] = [];
  private readonly rootCache = new Map<string, string>();
  private findingsCache: Map<string, Finding[]> | undefined;
  private readonly registries = new Map<ProjectConfig, Map<string, RegistryEntry>>();
  private readonly folders = new Set<string>();
  /** The extra config given on the command line, if any. */
  readonly explicitConfig?: ProjectConfig;
  private readonly yamlEvents: YamlEventReader | undefined;

  constructor(
    private readonly fs: FileSystem,
    options: WorkspaceOptions,
  ) {
    this.roots = options.roots.map(normalizePath);
    if (options.config) this.explicitConfig = parseConfig(normalizePath(options.config.file), options.config.text);
    this.configs = new ConfigResolver(this.roots, this.explicitConfig);
    this.yamlEvents = options.yamlEvents;
    this.ruleCache = options.incremental === false ? undefined : new RuleCache();
  }

  /** Editor settings that mirror mimspec.yaml; a config file's own keys win over them. */
  setSettings(settings: Partial<ProjectConfig>): void {
    this.configs.setFallback(settings);
    this.registries.clear();
    this.invalidate();
  }

  /** Discovers and parses every file under the roots. */
  async scan(): Promise<void> {
    const files: string[] = [];
    for (const root of this.roots) {
      const st = await this.fs.stat(root);
      if (st?.isFile) files.push(root);
      else if (st?.isDirectory) await this.walk(root, files);
    }
    // Configs first, so that excludes apply to the documents that follow.
    const configs = files.filter((f) => fileKindOf(f) === 'config');
    await Promise.all(configs.map((f) => this.loadFile(f)));
    const docs = files.filter((f) => fileKindOf(f) !== 'config' && this.included(f));
    // Every read is asked for at once, the *.mim.yaml first. A large YAML file goes to the
    // tokenizer thread as soon as it is read; any other is parsed here, in the order of the walk,
    // while the rest are still being read. The tokenized ones are parsed last, in that order too.
    const reads = new Map<string, Promise<{ read: DiskText | undefined; events: TokenizedYaml | undefined }>>();
    const request = (f: string) => reads.set(f, this.readFromDisk(f).then((read) => ({ read, events: this.tokenize(read) })));
    for (const f of docs) if (fileKindOf(f) === 'mim-yaml') request(f);
    for (const f of docs) if (fileKindOf(f) !== 'mim-yaml') request(f);
    const handedOver: { read: DiskText | undefined; events: TokenizedYaml }[] = [];
    for (const f of docs) {
      const { read, events } = await reads.get(f)!;
      if (events) handedOver.push({ read, events });
      else this.accept(read);
    }
    for (const { read, events } of handedOver) this.accept(read, await events);
    this.invalidate();
  }

  private async walk(dir: string, out: string[]): Promise<void> {
    this.folders.add(dir);
    const entries = await this.fs.readDirectory(dir);
    const subdirs: string[] = [];
    for (const e of entries) {
      const path = `${dir === '/' ? '' : dir}/${e.name}`;
      if (e.isDirectory) {
        if (!isSkippedFolder(e.name)) subdirs.push(path);
      } else if (fileKindOf(path)) out.push(path);
    }
    await Promise.all(subdirs.map((d) => this.walk(d, out)));
  }

  private included(file: string): boolean {
    const config = this.configs.configFor(file);
    const rel = file.slice(config.dir.length + 1);
    if (config.exclude.length > 0 && globMatcher(config.exclude)(rel)) return false;
    if (config.include.length > 0 && !globMatcher(config.include)(rel)) return false;
    return true;
  }

  /** Reads one file from disk and (re)parses it. */
  async loadFile(file: string): Promise<void> {
    const read = await this.readFromDisk(file);
    const events = this.tokenize(read);
    this.accept(read, events && (await events));
  }

  /** A file's text as read from disk; undefined (and the file forgotten) when it cannot be read. */
  private async readFromDisk(file: string): Promise<DiskText | undefined> {
    const path = normalizePath(file);
    const kind = fileKindOf(path);
    if (!kind) return undefined;
    let bytes: Uint8Array;
    try {
      bytes = await this.fs.readFile(path);
    } catch {
      this.removeDocument(path);
      return undefined;
    }
    return { path, kind, ...decodeText(bytes) };
  }

  /**
   * Sends a text to the tokenizer thread if it goes there (a large *.mim.yaml that changed):
   * its events to come, or undefined (also when the thread fails) to parse it here.
   */
  private tokenize(read: DiskText | undefined): TokenizedYaml | undefined {
    if (!this.yamlEvents || !read || read.kind !== 'mim-yaml' || !('text' in read)) return undefined;
    if (read.text.length < YAML_EVENTS_MIN_LENGTH || this.unchanged(read.path, read.text, DISK)) return undefined;
    return this.yamlEvents.events(read.text).catch(() => undefined);
  }

  /** Takes what was read from disk; `events` are its YAML events when the tokenizer read them. */
  private accept(read: DiskText | undefined, events?: Int32Array | null): void {
    if (!read) return;
    const { path, kind } = read;
    if (kind === 'config') {
      if ('text' in read) this.setConfig(path, read.text);
      return;
    }
    // The text itself tells whether the file changed (setDocument compares it): no stat is needed.
    if ('why' in read) this.putDocument(skippedDocument(path, kind, DISK, read.why));
    else if (events === undefined) this.setDocument(path, read.text, DISK);
    else {
      // The text may have been set meanwhile (an editor buffer): the newer one stays.
      const current = this.docs.get(path);
      if (!current || current.version === DISK) this.putDocument(parseDocument(path, kind, read.text, DISK, events));
    }
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
    if (this.unchanged(path, text, version)) return;
    this.putDocument(parseDocument(path, kind, text, version));
  }

  private putDocument(doc: DocumentModel): void {
    if (!this.docs.has(doc.file)) this.sortedPaths = undefined;
    this.docs.set(doc.file, doc);
    this.invalidate();
  }

  private setConfig(file: string, text: string): void {
    this.configs.set(parseConfig(file, text));
    this.rootCache.clear();
    this.registries.clear();
    this.invalidate();
  }

  removeDocument(file: string): void {
    const path = normalizePath(file);
    if (fileKindOf(path) === 'config') this.configs.remove(dirname(path));
    this.sortedPaths = undefined;
    if (this.docs.delete(path) || fileKindOf(path) === 'config') this.invalidate();
  }

  private invalidate(): void {
    this.indexCache = undefined;
    this.findingsCache = undefined;
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
    if (!this.indexCache) {
      // Path order, not the order reads finished: findings and "first definition" must not vary between runs.
      const documents = [...this.docs.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
      const mims = groupMims({ documents, configFor: (f) => this.configFor(f), roots: this.roots, previous: this.previousMims });
      this.previousMims = mims;
      this.indexCache = new SymbolIndex(mims, this.docs);
    }
    return this.indexCache;
  }

  mims(): readonly Mim[] {
    return this.index.mims;
  }

  /** Whether a path is a file or folder the workspace knows, or one that exists on disk. */
  exists(path: string): boolean {
    const p = normalizePath(path);
    if (this.docs.has(p) || this.folders.has(p)) return true;
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

  /** The documents under a folder, in path order: a binary search in the sorted paths. */
  documentsUnder(dir: string): DocumentModel[] {
    this.sortedPaths ??= [...this.docs.keys()].sort();
    const paths = this.sortedPaths;
    const prefix = dir.endsWith('/') ? dir : `${dir}/`;
    let lo = 0;
    let hi = paths.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (paths[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: DocumentModel[] = [];
    for (let i = lo; i < paths.length && paths[i].startsWith(prefix); i++) out.push(this.docs.get(paths[i])!);
    return out;
  }

  /** Every finding of the workspace, by file; recomputed only after a change. */
  check(): Map<string, Finding[]> {
    if (!this.findingsCache) {
      const findings = runRules(this.ruleEnvironment(), undefined, this.ruleCache);
      for (const config of this.configFiles()) {
        if (config.file && config.problems.length > 0) {
          findings.set(config.file, config.problems.map((p) => ({ ...p, file: config.file!, severity: 'error' as const })));
        }
      }
      this.findingsCache = findings;
    }
    return this.findingsCache;
  }

  /** The file a link in `from` points at, with `/` meaning the repository root (mim-format §4). */
  resolveLinkPath(from: string, target: string): string {
    if (target.startsWith('/')) return joinPath(this.repositoryRoot(from), target);
    return joinPath(dirname(from), target);
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
