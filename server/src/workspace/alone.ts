import type { DocumentModel } from '../model/document.js';
import type { Finding } from '../model/finding.js';
import type { ProjectConfig, RegistryEntry } from '../config/project-config.js';
import { basename, dirname, isInside } from '../base/paths.js';
import { IndexCaches } from '../query/index-caches.js';
import { SymbolIndex } from '../query/symbol-index.js';
import { runAlone } from '../rules/run-alone.js';
import type { FileSystem } from './file-system.js';
import { groupMims } from './grouping.js';

/** What the findings of a document alone read of its workspace. */
export interface AloneSource {
  readonly roots: readonly string[];
  /** The config given on the command line: no other is looked for. */
  readonly explicitConfig?: ProjectConfig;
  configFiles(): ProjectConfig[];
  loadFile(file: string): Promise<void>;
  document(file: string): DocumentModel | undefined;
  configFor(file: string): ProjectConfig;
  registryFor(file: string): ReadonlyMap<string, RegistryEntry>;
}

/**
 * The findings of one document that the rest of the workspace cannot change, for an editor
 * that opened it before the scan is done (see `runAlone`). The configs above it are read
 * first, so that its own config is in force; undefined when the workspace does not hold it.
 */
export async function checkAlone(ws: AloneSource, fs: FileSystem, path: string): Promise<Finding[] | undefined> {
  await loadConfigsAbove(ws, fs, path);
  const doc = ws.document(path);
  if (!doc) return undefined;
  const mim = (await formsMimAlone(fs, doc))
    ? groupMims({ documents: [doc], configFor: (f) => ws.configFor(f), roots: ws.roots })[0]
    : undefined;
  const own = mim && new SymbolIndex([mim], new Map([[path, doc]]), new IndexCaches());
  return runAlone({
    doc,
    mim,
    ownElements: own && ((m, id) => own.ownElements(m, id)),
    configFor: (f) => ws.configFor(f),
    registryFor: (f) => ws.registryFor(f),
  });
}

/**
 * Whether grouping puts a document in a MIM of its own whatever else the workspace holds:
 * a `*.mim.yaml`, or a single page not named README, with no publiccode file beside it.
 */
export async function formsMimAlone(fs: FileSystem, doc: DocumentModel): Promise<boolean> {
  if (doc.skipped) return false;
  const single =
    doc.kind === 'markdown' && doc.role === 'single-page' && basename(doc.file).toLowerCase() !== 'readme.md';
  if (doc.kind !== 'mim-yaml' && !single) return false;
  const dir = dirname(doc.file);
  const beside = fs.readDirectorySync?.(dir) ?? (await fs.readDirectory(dir)).map((e) => e.name);
  return !beside.some((name) => name.toLowerCase().startsWith('publiccode.'));
}

/** Reads the configs on the way from the file's root down to its folder that are not held yet. */
async function loadConfigsAbove(ws: AloneSource, fs: FileSystem, path: string): Promise<void> {
  const root = ws.roots.find((r) => isInside(path, r));
  if (!root || ws.explicitConfig) return;
  const held = new Set(ws.configFiles().map((c) => c.dir));
  const dirs: string[] = [];
  for (let d = dirname(path); isInside(d, root); d = dirname(d)) {
    if (!held.has(d)) dirs.push(d);
    if (d === root || d === '/') break;
  }
  const names = ['mimspec.yaml', '.mimspec.yaml'];
  // Asked at once where the file system can: a scan's reads may fill the queue of asynchronous ones.
  const isFile = async (p: string) => (fs.existsSync ? fs.existsSync(p) : (await fs.stat(p))?.isFile);
  const found = await Promise.all(
    dirs.flatMap((d) => names.map(async (n) => ((await isFile(`${d}/${n}`)) ? `${d}/${n}` : undefined))),
  );
  await Promise.all(found.filter((f): f is string => f !== undefined).map((f) => ws.loadFile(f)));
}
