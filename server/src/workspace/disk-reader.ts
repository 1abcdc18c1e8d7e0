import { normalizePath } from '../base/paths.js';
import type { DocumentModel } from '../model/document.js';
import { fileKindOf, isSkippedFolder, type WorkspaceFileKind } from './file-kinds.js';
import type { FileSystem } from './file-system.js';
import { decodeText } from './load-document.js';
import { errorCode, IoPool, readFailure } from './io-pool.js';
import { YAML_EVENTS_MIN_LENGTH, type YamlEventReader } from './yaml-event-reader.js';

/** A file as read from disk: its text, or why it has none (`failed` when the read itself failed, so the file went unchecked). */
export type DiskText = { path: string; kind: WorkspaceFileKind } & ({ text: string } | { why: string; failed?: true });

/** The YAML events of a text from the tokenizer thread: undefined when it could not read them (null: js-yaml rejected the text). */
type TokenizedYaml = Promise<Int32Array | null | undefined>;

/** A file read from its tokenized events: its document, parsed as soon as they came; undefined when the thread could not read them. */
type ParsedYaml = Promise<DocumentModel | undefined>;

/** What the reading pipeline needs of the workspace it reads into; the workspace keeps the state. */
export interface ReadTarget {
  /** A folder the walk went through (so that its existence is known without asking the disk). */
  addFolder(dir: string): void;
  /** Whether a document may enter the workspace; asked once the configs are read, so that their globs apply. */
  admit(path: string): boolean;
  /** Whether the workspace holds this very text of the file as read from disk: then it is not tokenized again. */
  holdsFromDisk(path: string, text: string): boolean;
  /** A file that is gone: forgotten. */
  forget(path: string): void;
  /**
   * Takes a turn for a read of a file: the answer tells, when the read is back, whether it is
   * still the file's last turn (nothing removed the file, set its text or read it since).
   */
  turn(path: string): () => boolean;
  /** A folder that could not be read: what is in it went unchecked. */
  unreadable(dir: string, why: string): void;
  /**
   * Parses a file from the YAML events the tokenizer thread read (null: js-yaml rejected the
   * text), as soon as they come, so that they are let go at once: they take more room than
   * the text, and a scan takes the documents read this way last.
   */
  parseTokenized(read: DiskText & { text: string }, events: Int32Array | null): DocumentModel;
  /**
   * Takes a file as read; `parsed` is its document when it was parsed from its YAML events.
   * `scanned`: read by the scan, which never takes the place of an editor's text (a file opened
   * while the scan was under way); a file read alone does (the editor closed it).
   */
  accept(read: DiskText, parsed: DocumentModel | undefined, scanned: boolean): void;
  /** Asked between two parses of a scan: a promise it returns is awaited, so that the host's other work can run. */
  breathe?(): Promise<void> | undefined;
}

/**
 * The reading pipeline of a scan: walks the roots, reads the configs first, then every
 * document through the `FileSystem`, handing large *.mim.yaml to the tokenizer thread, and
 * gives each read to the workspace as soon as its turn comes.
 */
export class DiskReader {
  constructor(
    private readonly fs: FileSystem,
    private readonly yamlEvents: YamlEventReader | undefined,
    private readonly target: ReadTarget,
    private readonly pool = new IoPool(),
  ) {}

  /** Discovers and reads every file under the roots. */
  async scan(roots: readonly string[]): Promise<void> {
    const files: string[] = [];
    for (const root of roots) {
      const st = await this.pool.run(() => this.fs.stat(root));
      if (st?.isFile) files.push(root);
      else if (st?.isDirectory) await this.walk(root, files);
    }
    // Configs first, so that excludes apply to the documents that follow.
    const configs = files.filter((f) => fileKindOf(f) === 'config');
    await Promise.all(configs.map((f) => this.load(f)));
    // Thousands of files pass each loop below: each pauses when the host asks for it (and only
    // then, so that a scan without pauses takes no turn of the microtask queue either).
    const docs: string[] = [];
    for (const f of files) {
      if (fileKindOf(f) !== 'config' && this.target.admit(f)) docs.push(f);
      const pause = this.target.breathe?.();
      if (pause) await pause;
    }
    if (docs.some((f) => fileKindOf(f) === 'mim-yaml')) this.yamlEvents?.open?.();
    // Every read is asked for at once, the *.mim.yaml first. A large YAML file goes to the
    // tokenizer thread as soon as it is read; any other is parsed here, in the order of the walk,
    // while the rest are still being read. The tokenized ones are parsed as soon as their events
    // come back, between two other files, and taken last, in the order of the walk too.
    // Each read takes its file's turn: one that a removal, an editor or a later read overtakes
    // before it is taken (the scan may wait long for the reads before it) is dropped.
    type Request = { read: DiskText | undefined; parsed: ParsedYaml | undefined; current: () => boolean };
    const reads = new Map<string, Promise<Request>>();
    const request = (f: string) => {
      const current = this.target.turn(normalizePath(f));
      reads.set(
        f,
        this.read(f, current).then((read) => ({
          read,
          parsed: current() ? this.parseTokenized(read) : undefined,
          current,
        })),
      );
    };
    for (const yaml of [true, false])
      for (const f of docs) {
        if ((fileKindOf(f) === 'mim-yaml') !== yaml) continue;
        request(f);
        const pause = this.target.breathe?.();
        if (pause) await pause;
      }
    const handedOver: { read: DiskText | undefined; parsed: ParsedYaml; current: () => boolean }[] = [];
    for (const f of docs) {
      const { read, parsed, current } = await reads.get(f)!;
      if (parsed) handedOver.push({ read, parsed, current });
      else if (current()) this.accept(read, undefined, true);
      const pause = this.target.breathe?.();
      if (pause) await pause;
    }
    for (const { read, parsed, current } of handedOver) {
      const doc = await parsed;
      if (current()) this.accept(read, doc, true);
      const pause = this.target.breathe?.();
      if (pause) await pause;
    }
  }

  /**
   * Reads one file and hands it to the workspace, unless the file was deleted, read again or
   * set from an editor meanwhile (its turn passed): a stale read never brings it back.
   */
  async load(file: string): Promise<void> {
    const current = this.target.turn(normalizePath(file));
    const read = await this.read(file, current);
    if (!current()) return;
    const parsed = this.parseTokenized(read);
    const doc = parsed && (await parsed);
    if (current()) this.accept(read, doc, false);
  }

  private accept(read: DiskText | undefined, parsed: DocumentModel | undefined, scanned: boolean): void {
    if (read) this.target.accept(read, parsed, scanned);
  }

  private async walk(dir: string, out: string[]): Promise<void> {
    this.target.addFolder(dir);
    let entries: { name: string; isDirectory: boolean }[];
    try {
      entries = await this.pool.run(() => this.fs.readDirectory(dir));
    } catch (e) {
      this.target.unreadable(dir, readFailure(e));
      return;
    }
    const subdirs: string[] = [];
    for (const e of entries) {
      const path = `${dir === '/' ? '' : dir}/${e.name}`;
      if (e.isDirectory) {
        if (!isSkippedFolder(e.name)) subdirs.push(path);
      } else if (fileKindOf(path)) out.push(path);
    }
    await Promise.all(subdirs.map((d) => this.walk(d, out)));
  }

  /**
   * A file's text as read from disk; undefined (and the file forgotten, if the read still has
   * its turn) when it is gone; why it was not read when the system refused it (even after
   * retries), never silence.
   */
  private async read(file: string, current: () => boolean): Promise<DiskText | undefined> {
    const path = normalizePath(file);
    const kind = fileKindOf(path);
    if (!kind) return undefined;
    let bytes: Uint8Array;
    try {
      bytes = await this.pool.run(() => this.fs.readFile(path));
    } catch (e) {
      const code = errorCode(e);
      if (code === 'ENOENT' || code === 'ENOTDIR') {
        if (current()) this.target.forget(path);
        return undefined;
      }
      return { path, kind, why: readFailure(e), failed: true };
    }
    return { path, kind, ...decodeText(bytes) };
  }

  /**
   * Sends a text to the tokenizer thread if it goes there (a large *.mim.yaml that changed):
   * its events to come, or undefined (also when the thread fails) to parse it here.
   */
  private tokenize(read: DiskText | undefined): TokenizedYaml | undefined {
    if (!this.yamlEvents || !read || read.kind !== 'mim-yaml' || !('text' in read)) return undefined;
    if (read.text.length < YAML_EVENTS_MIN_LENGTH || this.target.holdsFromDisk(read.path, read.text)) return undefined;
    return this.yamlEvents.events(read.text).catch(() => undefined);
  }

  /** The document of a file the tokenizer thread reads, parsed once its events come; undefined when it does not go there. */
  private parseTokenized(read: DiskText | undefined): ParsedYaml | undefined {
    const events = this.tokenize(read);
    if (!events || !read || !('text' in read)) return undefined;
    return events.then((e) => (e === undefined ? undefined : this.target.parseTokenized(read, e)));
  }
}
