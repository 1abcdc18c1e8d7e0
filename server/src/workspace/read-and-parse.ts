import { readFileSync, statSync } from 'node:fs';
import type { DocumentModel, FileKind } from '../model/document.js';
import { decodeText, parseDocument, skippedDocument } from './load-document.js';

/** A parsed document as it crosses threads: everything but its LineIndex, which is rebuilt from the text. */
export type PortableDocument = Omit<DocumentModel, 'lines'>;

/** Reads and parses one file from disk; shared by the worker and the in-process path. */
export function readAndParse(path: string, kind: FileKind): DocumentModel {
  let bytes: Uint8Array;
  let version = 'disk:0';
  try {
    bytes = readFileSync(path);
    const st = statSync(path);
    version = `disk:${st.mtimeMs}:${bytes.length}`;
  } catch (e) {
    return skippedDocument(path, kind, version, `the file cannot be read (${e instanceof Error ? e.message : String(e)})`);
  }
  const decoded = decodeText(bytes);
  return 'why' in decoded ? skippedDocument(path, kind, version, decoded.why) : parseDocument(path, kind, decoded.text, version);
}

