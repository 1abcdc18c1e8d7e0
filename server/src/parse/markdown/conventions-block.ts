import type { Convention } from '../../model/conventions.js';
import type { DocumentModel } from '../../model/document.js';
import type { ConventionsDecl } from '../../model/elements.js';
import type { LineIndex } from '../../model/range.js';
import { findKeywords, phraseInfo } from '../text/keywords.js';
import type { OffsetMap } from './inline-map.js';

/** A Terminology or Conventions heading (mim-format §3.1). */
export const CONVENTIONS_TITLE =
  /^(terminology|conventions|notational conventions|keywords|key words|requirement keywords|requirements language)$/i;

export interface KeyAt {
  key: string;
  offset: number;
  length: number;
}

/** Keywords named in the declaring sentence: "The key words MAY, MUST ... in this document are to be interpreted". */
export function listedKeywords(text: string, base: number): KeyAt[] | undefined {
  const at = /key\s*words?/i.exec(text);
  if (!at) return undefined;
  const stop = /are to be interpreted|in this document/i.exec(text.slice(at.index));
  const sentence = text.slice(at.index, stop ? at.index + stop.index : undefined);
  return findKeywords(sentence, base + at.index).map((h) => ({ key: h.key, offset: h.offset, length: h.length }));
}

/** A definition line: `"SHALL" indicates a requirement`, `**MAY**: permitted`, `SHOULD NOT - ...`. */
export function definedKeyword(text: string, base: number): KeyAt | undefined {
  const m =
    /^\s*(?:["“”']|\*\*)([A-Za-z][A-Za-z ]*?)(?:["“”']|\*\*)/.exec(text) ??
    /^\s*([A-Z][A-Z ]*[A-Z])\s*[:–—-]/.exec(text);
  if (!m) return undefined;
  const offset = base + m.index + m[0].indexOf(m[1]);
  return { key: m[1].toUpperCase().replace(/\s+/g, ' '), offset, length: m[1].length };
}

/** Which convention a declaration amounts to: named outright, or judged from how its keywords are written. */
export function conventionOf(text: string, keys: string[], writtenLower: boolean): Convention | undefined {
  if (/BCP\s*14|RFC\s*2119|RFC\s*8174|all capitals|capital letters/i.test(text)) return 'bcp14';
  if (/ITU-T|is required to|is prohibited from/i.test(text)) return 'itu';
  if (/ISO\/IEC Directives|ISO Directives/i.test(text)) return 'iso';
  const known = keys.filter((k) => phraseInfo(k));
  if (known.length === 0) return undefined;
  return writtenLower ? 'iso' : 'bcp14';
}

/**
 * The Terminology / Conventions section of a page as the walk meets it: its text and the
 * keywords it lists and defines, read into the page's declaration once the page is read.
 */
export class ConventionsReader {
  /** The open section's heading level; negated when it closes, so that `finish` knows one was seen. */
  private level = 0;
  private text = '';
  private listedKeys: KeyAt[] = [];
  private readonly definedKeys: KeyAt[] = [];

  heading(title: string, level: number): void {
    if (CONVENTIONS_TITLE.test(title)) {
      this.level = level;
      this.text = '';
    } else if (this.level > 0 && level <= this.level) {
      this.level = -this.level;
    }
  }

  /** A paragraph or a list item's first paragraph; a list item may define one keyword. */
  inline(content: string, map: OffsetMap, inList: boolean): void {
    if (this.level <= 0) return;
    this.text += `${content}\n`;
    const shift = (k: KeyAt): KeyAt => ({ ...k, offset: map.toDocument(k.offset) });
    const listed = listedKeywords(content, 0);
    if (listed && this.listedKeys.length === 0) this.listedKeys = listed.map(shift);
    if (inList) {
      const defined = definedKeyword(content, 0);
      if (defined) this.definedKeys.push(shift(defined));
    }
  }

  /** The page's declaration, if it has a conventions section. */
  finish(doc: DocumentModel, lines: LineIndex): ConventionsDecl | undefined {
    if (this.level === 0) return undefined;
    const section = doc.sections.find((s) => CONVENTIONS_TITLE.test(s.title));
    if (!section) return undefined;
    const keys = [...this.listedKeys, ...this.definedKeys];
    const writtenLower =
      keys.length > 0 &&
      keys.every(
        (k) =>
          doc.text.slice(k.offset, k.offset + k.length) === doc.text.slice(k.offset, k.offset + k.length).toLowerCase(),
      );
    const at = (k: KeyAt) => ({ key: k.key, range: lines.rangeOf(k.offset, k.offset + k.length) });
    return {
      convention: conventionOf(
        this.text,
        keys.map((k) => k.key),
        writtenLower,
      ),
      listed: this.listedKeys.map(at),
      defined: this.definedKeys.map(at),
      file: doc.file,
      range: section.range,
      source: 'terminology',
    };
  }
}
