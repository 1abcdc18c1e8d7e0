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

  // The fields of the block at an index, read without making the block: what a check that
  // passes over every block of a workspace reads.
  kind(i: number): TextBlock['kind'] {
    return KINDS[this.data[i * 3 + 2] & 7];
  }

  start(i: number): number {
    return this.data[i * 3];
  }

  end(i: number): number {
    return this.data[i * 3 + 1];
  }

  part(i: number): PartName | undefined {
    return PART_ORDER[((this.data[i * 3 + 2] >> 3) & 7) - 1];
  }

  quotesRequirement(i: number): boolean {
    return (this.data[i * 3 + 2] & QUOTES) !== 0;
  }

  /** The block at an index, or undefined past the end. */
  at(i: number): TextBlock | undefined {
    if (i < 0 || i >= this.count) return undefined;
    const code = this.data[i * 3 + 2];
    const kind = KINDS[code & 7];
    const start = this.data[i * 3];
    const end = this.data[i * 3 + 1];
    // Each shape made whole, its fields in the order the readers put them, none added after.
    if (!(code & PART_SET)) return code & QUOTES ? { kind, start, end, quotesRequirement: true } : { kind, start, end };
    const part = PART_ORDER[((code >> 3) & 7) - 1];
    return code & QUOTES ? { kind, start, end, part, quotesRequirement: true } : { kind, start, end, part };
  }

  [Symbol.iterator](): Iterator<TextBlock> {
    // A plain iterator: a generator's resumptions cost several times the reading of the blocks.
    let i = 0;
    return {
      next: (): IteratorResult<TextBlock> =>
        i < this.count ? { value: this.at(i++)!, done: false } : { value: undefined, done: true },
    };
  }

  some(test: (b: TextBlock) => boolean): boolean {
    for (let i = 0; i < this.count; i++) if (test(this.at(i)!)) return true;
    return false;
  }

  find(test: (b: TextBlock) => boolean): TextBlock | undefined {
    for (let i = 0; i < this.count; i++) {
      const b = this.at(i)!;
      if (test(b)) return b;
    }
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
