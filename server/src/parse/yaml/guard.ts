import { emptyDocument, type DocumentModel, type FileKind, type PageRole } from '../../model/document.js';
import type { ParseProblem } from '../../model/finding.js';
import { LineIndex, range } from '../../model/range.js';

/**
 * Parsers run on whatever is on disk or in the editor, so they never throw: an unexpected
 * exception becomes one `syntax/yaml` problem at the top of the file.
 */
export function neverThrow<T>(run: () => T, fallback: (problem: ParseProblem) => T): T {
  try {
    return run();
  } catch (e) {
    const message =
      e instanceof RangeError
        ? 'nesting too deep to read this file'
        : `could not read this file: ${e instanceof Error ? e.message : String(e)}`;
    return fallback({ code: 'syntax/yaml', message, range: range(0, 0, 0, 0) });
  }
}

/** Fills a new document model; on an exception, returns an empty one holding the problems so far and the failure. */
export function guardedDocument(
  file: string,
  text: string,
  version: string | number,
  kind: FileKind,
  role: PageRole,
  fill: (model: DocumentModel) => void,
): DocumentModel {
  const lines = new LineIndex(text);
  const model = emptyDocument(file, kind, role, version, text, lines);
  return neverThrow(
    () => {
      fill(model);
      return model;
    },
    (problem) => {
      const empty = emptyDocument(file, kind, role, version, text, lines);
      empty.problems.push(...model.problems, problem);
      return empty;
    },
  );
}
