import { firstNotBefore } from '../../base/search.js';
import type { DocumentModel } from '../../model/document.js';
import type { InvisibleChar } from '../../model/elements.js';
import { findInvisibles, isSpaceEntity, type InvisibleMatch } from '../text/invisible.js';
import { isSpaceCode } from '../text/white-space.js';
import { codeSpans } from './code-spans.js';
import type { OffsetMap } from './inline-map.js';

type Place = InvisibleChar['where'];

const MARKUP_CHAR = /[*_`]/;

/** The zero-width non-joiner and joiner, which shape emoji sequences and some scripts. */
const JOINER = /^[\u200C\u200D]$/;

/**
 * Every invisible character of a page, found by one scan of its whole text. The reader then
 * places those that sit in a heading, an id or code as it walks the page; the rest are text.
 * In code and front matter an entity (`&#x200B;`) is literal text, shown as written, so it is
 * no invisible character there.
 */
export class PageInvisibles {
  private readonly found: readonly InvisibleMatch[];
  private readonly places: (Place | undefined)[];
  private readonly literal: boolean[];

  constructor(private readonly text: string) {
    this.found = findInvisibles(text);
    this.places = new Array(this.found.length);
    this.literal = new Array(this.found.length).fill(false);
  }

  get none(): boolean {
    return this.found.length === 0;
  }

  /** Places every character in [start, end) that has no place yet. */
  place(start: number, end: number, where: Place): void {
    for (let k = this.first(start); k < this.found.length && this.found[k].offset < end; k++) this.places[k] ??= where;
  }

  /** Places as part of an id the characters glued after it through emphasis or code marks only: `**R1.1\u200B**`. */
  placeGlued(from: number): void {
    let k = this.first(from);
    for (let pos = from; k < this.found.length; k++) {
      while (pos < this.found[k].offset && MARKUP_CHAR.test(this.text[pos])) pos++;
      if (pos !== this.found[k].offset) return;
      this.places[k] ??= 'id';
      pos += this.found[k].length;
    }
  }

  /** Marks [start, end) as code or other literal text: its entities are dropped, its characters placed as `where` if given. */
  literalText(start: number, end: number, where?: Place): void {
    for (let k = this.first(start); k < this.found.length && this.found[k].offset < end; k++) {
      if (this.found[k].length > 1) this.literal[k] = true;
      else if (where) this.places[k] ??= where;
    }
  }

  /** The code spans of an inline text: their entities are literal, their characters in code. */
  codeSpansIn(content: string, map: OffsetMap): void {
    if (this.none || !content.includes('`')) return;
    const k = this.first(map.toDocument(0));
    if (k >= this.found.length || this.found[k].offset >= map.toDocument(content.length)) return;
    for (const [start, end] of codeSpans(content))
      this.literalText(map.toDocument(start), map.toDocument(end - 1) + 1, 'code');
  }

  /** Puts the characters into the model, in page order. */
  record(doc: DocumentModel): void {
    for (let k = 0; k < this.found.length; k++) {
      const inv = this.found[k];
      if (this.literal[k] || this.escaped(inv)) continue;
      let where = this.places[k] ?? 'text';
      // A space entity between words of text or code stands for the space it renders: only
      // in a heading or an id does it change what the reader reads.
      if (
        (where !== 'heading' &&
          where !== 'id' &&
          isSpaceEntity(this.text.slice(inv.offset, inv.offset + inv.length))) ||
        (where !== 'id' && this.joins(inv))
      )
        continue;
      if (where === 'text' && this.alone(k)) where = 'line';
      doc.invisibles.push({
        what: inv.what,
        where,
        file: doc.file,
        range: doc.lines.rangeOf(inv.offset, inv.offset + inv.length),
      });
    }
  }

  /** An entity after a backslash is written out, not read. */
  private escaped(inv: InvisibleMatch): boolean {
    return inv.length > 1 && this.text[inv.offset - 1] === '\\';
  }

  /** A joiner between two characters beyond ASCII, as in an emoji sequence: part of the writing. */
  private joins(inv: InvisibleMatch): boolean {
    if (!JOINER.test(this.text[inv.offset])) return false;
    const before = this.text.charCodeAt(inv.offset - 1);
    const after = this.text.charCodeAt(inv.offset + 1);
    return before > 0x7f && after > 0x7f && !isSpaceCode(before) && !isSpaceCode(after);
  }

  /** Whether the k-th character's line holds nothing but invisible characters and white space. */
  private alone(k: number): boolean {
    let start = this.found[k].offset;
    while (start > 0 && this.text[start - 1] !== '\n' && this.text[start - 1] !== '\r') start--;
    let j = this.first(start);
    for (let pos = start; pos < this.text.length;) {
      const c = this.text.charCodeAt(pos);
      if (c === 10 || c === 13) return true;
      if (j < this.found.length && this.found[j].offset === pos) {
        pos += this.found[j++].length;
      } else if (isSpaceCode(c)) pos++;
      else return false;
    }
    return true;
  }

  /** Index of the first character at or after an offset (binary search: they are in page order). */
  private first(offset: number): number {
    return firstNotBefore(this.found.length, (i) => this.found[i].offset < offset);
  }
}
