/**
 * Reads the YAML event stream of a text somewhere else than on the calling thread, so that a
 * scan parses Markdown while the YAML is tokenized beside it. Packed as `readEvents` packs
 * them (parse/yaml/yaml-events.ts); null when the text does not parse. A reader that fails
 * rejects, and the workspace reads the text itself.
 */
export interface YamlEventReader {
  events(text: string): Promise<Int32Array | null>;
  /**
   * Starts the reader's thread ahead of the first text, so that it boots while the files are
   * read; a scan asks for it once its walk has found a `*.mim.yaml`, and a scan with none
   * never starts it (a thread costs memory of its own).
   */
  open?(): void;
  /** Frees the reader's thread; later calls read on the caller's thread. */
  close(): void;
}

/** Texts smaller than this are read on the calling thread: handing them over would cost more. */
export const YAML_EVENTS_MIN_LENGTH = 16 * 1024;
