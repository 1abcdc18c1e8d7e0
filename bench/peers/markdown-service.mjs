// The host the benchmark gives vscode-markdown-languageservice: its parser (markdown-it, the
// library our Markdown reader runs on, with VS Code's options and GitHub's slugs) and its
// workspace (the files of one folder, read from disk when first asked for, the editor's texts
// over them). The package is a development dependency; where it is not installed,
// MIMSPEC_BENCH_PEERS names a folder whose node_modules holds it (as for yaml-language-server).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PACKAGE = 'vscode-markdown-languageservice';

/** Where the language service resolves from, or undefined when it is not installed. */
export function markdownServiceEntry() {
  for (const base of [ROOT, process.env.MIMSPEC_BENCH_PEERS].filter(Boolean)) {
    try {
      return createRequire(join(resolve(base), 'package.json')).resolve(PACKAGE);
    } catch {
      // not installed there
    }
  }
  return undefined;
}

/** Link validation on, at the severities VS Code uses when `markdown.validate.enabled` is set. */
export const LINK_VALIDATION = {
  validateReferences: 'warning',
  validateFragmentLinks: 'warning',
  validateFileLinks: 'warning',
  validateMarkdownFileLinkFragments: 'warning',
  validateUnusedLinkDefinitions: 'hint',
  validateDuplicateLinkDefinitions: 'warning',
  ignoreLinks: [],
};

/** `name` as an ES module would import it from beside the service (its `import` export, else its main). */
async function importNear(near, name) {
  const pkgFile = near.resolve
    .paths(name)
    .map((d) => join(d, name, 'package.json'))
    .find(existsSync);
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  const exp = pkg.exports?.['.'] ?? pkg.exports;
  const file = (typeof exp === 'string' ? exp : (exp?.import ?? exp?.default)) ?? pkg.main;
  return import(pathToFileURL(join(dirname(pkgFile), file)).href);
}

/** What the host needs of the service and of its own dependencies, resolved beside it. */
async function load() {
  const entry = markdownServiceEntry();
  if (!entry) throw new Error(`${PACKAGE} is not installed (npm install, or MIMSPEC_BENCH_PEERS)`);
  const near = createRequire(entry);
  const md = await import(pathToFileURL(entry).href);
  const { URI } = await importNear(near, 'vscode-uri');
  const { Emitter, CancellationTokenSource } = await importNear(near, 'vscode-languageserver-protocol');
  const { TextDocument } = await importNear(near, 'vscode-languageserver-textdocument');
  const { default: MarkdownIt } = await import('markdown-it');
  return { md, URI, Emitter, CancellationTokenSource, TextDocument, MarkdownIt };
}

/** Every Markdown file under `dir`, skipping hidden folders and node_modules as the service does. */
function markdownFiles(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) markdownFiles(path, out);
    else if (entry.isFile() && entry.name.endsWith('.md')) out.push(path);
  }
  return out;
}

/**
 * The language service on the folder `dir`, with what a host does around it: `open` and
 * `change` (an editor's text), `diagnose` (link validation of one document, through the pull
 * diagnostics manager that VS Code's Markdown server uses) and `all` (every page of the folder).
 */
export async function createMarkdownHost(dir) {
  const { md, URI, Emitter, CancellationTokenSource, TextDocument, MarkdownIt } = await load();
  const parser = new MarkdownIt({ html: true });
  const docs = new Map(); // uri string -> TextDocument
  const changed = new Emitter();
  const created = new Emitter();
  const deleted = new Emitter();
  const never = () => ({ dispose() {} });
  const toDoc = (uri, text, version = 0) => TextDocument.create(uri, 'markdown', version, text);

  const workspace = {
    workspaceFolders: [URI.file(dir)],
    onDidChangeMarkdownDocument: changed.event,
    onDidCreateMarkdownDocument: created.event,
    onDidDeleteMarkdownDocument: deleted.event,
    async getAllMarkdownDocuments() {
      const uris = markdownFiles(dir).map((p) => URI.file(p));
      return (await Promise.all(uris.map((u) => workspace.openMarkdownDocument(u)))).filter(Boolean);
    },
    hasMarkdownDocument: (resource) => docs.has(resource.toString()),
    async openMarkdownDocument(resource) {
      const key = resource.toString();
      if (docs.has(key)) return docs.get(key);
      if (resource.scheme !== 'file' || !resource.fsPath.endsWith('.md')) return undefined;
      try {
        const doc = toDoc(key, await readFile(resource.fsPath, 'utf8'));
        // A read that raced an editor's text loses to it.
        if (!docs.has(key)) docs.set(key, doc);
        return docs.get(key);
      } catch {
        return undefined;
      }
    },
    async stat(resource) {
      try {
        return { isDirectory: (await stat(resource.fsPath)).isDirectory() };
      } catch {
        return undefined;
      }
    },
    async readDirectory(resource) {
      try {
        return readdirSync(resource.fsPath, { withFileTypes: true }).map((e) => [
          e.name,
          { isDirectory: e.isDirectory() },
        ]);
      } catch {
        return [];
      }
    },
    // Files do not change on disk while the benchmark runs: a watcher that never fires.
    watchFile: () => ({ dispose() {}, onDidCreate: never, onDidChange: never, onDidDelete: never }),
  };
  const service = md.createLanguageService({
    workspace,
    parser: { slugifier: md.githubSlugifier, tokenize: async (doc) => parser.parse(doc.getText(), {}) },
    logger: { level: md.LogLevel.Off, log() {} },
  });
  const manager = service.createPullDiagnosticsManager();
  const token = new CancellationTokenSource().token;

  return {
    open(uri, text, version) {
      const doc = toDoc(uri, text, version);
      docs.set(uri, doc);
      changed.fire(doc);
      return doc;
    },
    change(uri, text, version) {
      return this.open(uri, text, version);
    },
    diagnose: (doc) => manager.computeDiagnostics(doc, LINK_VALIDATION, token),
    all: () => workspace.getAllMarkdownDocuments(),
  };
}
