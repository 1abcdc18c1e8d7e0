import { PART_ORDER, type PartName, type TextBlock } from './elements.js';

const KINDS: readonly TextBlock['kind'][] = [
  'paragraph',
  'list-item',
  'table-cell',
  'heading',
  'quote',
  'code',
  'yaml',
];
const KIND_CODE = new Map(KINDS.map((k, i) => [k, i]));
const PART_CODE = new Map<PartName | undefined, number>([
  [undefined, 0],
  ...PART_ORDER.map((p, i) => [p, i + 1] as const),
]);
const QUOTES = 1 << 6;
/** A part given as `undefined` (a page's block outside any part) is told apart from none given (a YAML field's). */
const PART_SET = 1 << 7;

/**
 * A document's blocks of prose, three integers each: where the block starts and ends, and its
 * kind, part and flags in one. A page has a block for every paragraph, item, cell and heading;
 * as objects they were the largest part of the model after the text (64 bytes each where
 * these take 12). Read as `TextBlock` objects, made as they are read.
 */
export class TextBlocks implements Iterable<TextBlock> {
  private data = new Int32Array(0);
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(block: TextBlock): void {
    if (this.data.length < (this.count + 1) * 3) {
      const grown = new Int32Array(Math.max(24, this.data.length * 2));
      grown.set(this.data);
      this.data = grown;
    }
    let code = KIND_CODE.get(block.kind)! | (PART_CODE.get(block.part)! << 3);
    if ('part' in block) code |= PART_SET;
    if (block.quotesRequirement) code |= QUOTES;
    const at = this.count++ * 3;
    this.data[at] = block.start;
    this.data[at + 1] = block.end;
    this.data[at + 2] = code;
  }

  /** The block at an index, or undefined past the end. */
  at(i: number): TextBlock | undefined {
    if (i < 0 || i >= this.count) return undefined;
    const code = this.data[i * 3 + 2];
    const block: TextBlock = { kind: KINDS[code & 7], start: this.data[i * 3], end: this.data[i * 3 + 1] };
    if (code & PART_SET) block.part = PART_ORDER[((code >> 3) & 7) - 1];
    if (code & QUOTES) block.quotesRequirement = true;
    return block;
  }

  *[Symbol.iterator](): Iterator<TextBlock> {
    for (let i = 0; i < this.count; i++) yield this.at(i)!;
  }

  some(test: (b: TextBlock) => boolean): boolean {
    for (const b of this) if (test(b)) return true;
    return false;
  }

  find(test: (b: TextBlock) => boolean): TextBlock | undefined {
    for (const b of this) if (test(b)) return b;
    return undefined;
  }

  /** Gives up the room kept for more blocks, once the document is read. */
  trim(): void {
    if (this.data.length > this.count * 3) this.data = this.data.slice(0, this.count * 3);
  }

  toJSON(): TextBlock[] {
    return [...this];
  }
}
