import type { Range } from './range.js';
import type { Severity } from './severity.js';

export interface RelatedPlace {
  file: string;
  range: Range;
  message: string;
}

/** A text edit that a quick fix proposes; applied only when the user accepts it. */
export interface TextEdit {
  file: string;
  range: Range;
  newText: string;
}

/** Edits that go together under a label and a description, for the user to review before they are applied. */
export interface EditGroup {
  label: string;
  description: string;
  edits: TextEdit[];
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe to apply in a "fix all" without review. */
  preferred?: boolean;
}

/** One result of a rule, in engine terms; every front translates it. */
export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  file: string;
  range: Range;
  related?: RelatedPlace[];
  fixes?: Fix[];
}

/** A finding made while parsing (syntax, schema, unreadable file); its severity comes from the rule catalogue. */
export interface ParseProblem {
  code: string;
  message: string;
  range: Range;
  related?: RelatedPlace[];
  fixes?: Fix[];
}
