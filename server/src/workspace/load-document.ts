import { emptyDocument, type DocumentModel, type FileKind } from '../model/document.js';
import { LineIndex, range } from '../model/range.js';
import { parseMarkdown } from '../parse/markdown/markdown-parser.js';
import { parseMimYaml } from '../parse/yaml/mim-yaml.js';
import { parseResourceYaml } from '../parse/yaml/resource-yaml.js';
import { trimLists } from '../model/trim.js';

/** Larger files are not read: no MIM page is that big, and a stray dump must not stall the editor. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Both drop one leading byte-order mark, as an editor does when it opens the file; a second one is text. */
const decoder = new TextDecoder('utf-8', { fatal: true });
/** What an editor shows for bytes that are not UTF-8: each invalid sequence as U+FFFD. */
const lenient = new TextDecoder('utf-8');

/** A document the engine could not read as text; it carries one `file/unreadable` finding. */
export function skippedDocument(file: string, kind: FileKind, version: string | number, why: string): DocumentModel {
  const doc = emptyDocument(
    file,
    kind,
    kind === 'markdown' ? 'page' : kind === 'mim-yaml' ? 'spec' : 'resource',
    version,
    '',
    new LineIndex(''),
  );
  doc.skipped = why;
  doc.problems.push({ code: 'file/unreadable', message: `Skipped: ${why}`, range: range(0, 0, 0, 0) });
  return doc;
}

const BINARY = 'the file is binary (it contains NUL bytes)';
/** How far into a text a NUL makes it binary. */
const BINARY_PROBE = 8000;
/**
 * The bytes that decode to a text's first BINARY_PROBE characters, whatever they are: a
 * character (a UTF-16 unit) takes at most 3 bytes, an invalid sequence read as one U+FFFD too,
 * and 4 more bytes finish a sequence begun before. Decoding all of a 5 MB file that is not
 * UTF-8 leniently takes a fifth of a second.
 */
const PROBE_BYTES = 3 * BINARY_PROBE + 4;

/**
 * The one decision of whether a text is binary, whether it came from disk (the CLI, files the
 * editor has not opened) or from an editor's buffer: a NUL among its first 8,000 characters.
 */
export function binaryReason(text: string): string | undefined {
  const nul = text.indexOf('\0');
  return nul >= 0 && nul < BINARY_PROBE ? BINARY : undefined;
}

/** Bytes from disk to text, or the reason they are not text. */
export function decodeText(bytes: Uint8Array): { text: string } | { why: string } {
  if (bytes.length > MAX_FILE_BYTES)
    return { why: `the file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB, over the 5 MB limit` };
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    // Binary data is seldom valid UTF-8: its NULs say what it is better than the encoding does,
    // counted in characters of the text an editor shows for it, as for any other text.
    return { why: binaryReason(lenient.decode(bytes.subarray(0, PROBE_BYTES))) ?? 'the file is not valid UTF-8' };
  }
  const binary = binaryReason(text);
  return binary ? { why: binary } : { text };
}

/** Parses text of a known kind; a parser failure becomes a finding, never an exception. `yamlEvents`: see readYaml. */
export function parseDocument(
  file: string,
  kind: FileKind,
  text: string,
  version: string | number,
  yamlEvents?: Int32Array | null,
): DocumentModel {
  if (text.length > MAX_FILE_BYTES) return skippedDocument(file, kind, version, 'the text is over the 5 MB limit');
  const binary = binaryReason(text);
  if (binary) return skippedDocument(file, kind, version, binary);
  try {
    const doc =
      kind === 'markdown'
        ? parseMarkdown(file, text, version)
        : kind === 'mim-yaml'
          ? parseMimYaml(file, text, version, yamlEvents)
          : parseResourceYaml(file, text, version);
    trimLists(doc);
    return doc;
  } catch (e) {
    const doc = skippedDocument(
      file,
      kind,
      version,
      `the parser failed: ${e instanceof Error ? e.message : String(e)}`,
    );
    return doc;
  }
}
