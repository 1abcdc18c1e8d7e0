import type { Level } from '../model/conventions.js';
import type { RefRole } from '../model/elements.js';

// The rows of the traceability matrix and what they point at, apart from the matrix that
// makes them (traceability.ts), so that what reads them (the coverage) needs only this.

/** Where something is written: its file and the 0-based line it starts on. */
export interface SourceLine {
  file: string;
  line: number;
}

/** A mechanism that satisfies a requirement (at its mapping row), or a test that covers it (at its `covers` entry). */
export interface TraceItem extends SourceLine {
  /** The element's local id, `M1` or `T2`. */
  id: string;
  mim: string;
}

/** One requirement of the matrix, at its id. */
export interface TraceRow extends SourceLine {
  /** The local id, `R1.2`. */
  id: string;
  mim: string;
  /** The capability it is written under, if any, and where that capability is. */
  capability?: string;
  capabilitySource?: SourceLine;
  level: Level;
  /** The statement, for a view's tooltip. */
  text: string;
  readonly mechanisms: readonly TraceItem[];
  readonly tests: readonly TraceItem[];
}

/** The roles of a trace reference the matrix reads: mapping rows and `satisfies` of mechanisms, `covers` of tests. */
export type TraceRole = Extract<RefRole, 'mapping' | 'satisfies' | 'covers'>;

/** A mapping row, `satisfies` or `covers` entry that names no requirement (trace/unknown-requirement reports each). */
export interface UnknownRef extends SourceLine {
  /** The id as written. */
  text: string;
  /** The MIM it is written in. */
  mim: string;
  role: TraceRole;
  /** The mechanism or test it belongs to, where it sits under one. */
  from?: string;
  why: MissingTarget;
}

/** Why a traceability reference names nothing: not an id of the kind at all, or an id that no element has. */
export type MissingTarget = 'not-an-id' | 'unknown';
