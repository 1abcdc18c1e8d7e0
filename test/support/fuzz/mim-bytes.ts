import fc from 'fast-check';
import { anyDocument } from './mim-text.js';

/**
 * Documents as bytes on a disk: MIM texts in UTF-8 with byte-level damage, the kind a legacy
 * export, a bad merge or a half-written file leaves. Each is the text a disk holds; what an
 * editor shows for it is `editorText`.
 */

const BOM = [0xef, 0xbb, 0xbf];

/** Byte sequences to insert: invalid, overlong, truncated, surrogates, BOMs, and some valid ones beside them. */
const SEQUENCES: readonly (readonly number[])[] = [
  [0x80], // a continuation byte alone
  [0xbf],
  [0xc0], // bytes that never occur in UTF-8
  [0xc1],
  [0xf5],
  [0xfe],
  [0xff],
  [0xc0, 0xaf], // overlong encodings of '/'
  [0xe0, 0x80, 0xaf],
  [0xf0, 0x80, 0x80, 0xaf],
  [0xc1, 0xbf],
  [0xed, 0xa0, 0x80], // lone surrogates as CESU-8 / WTF-8 write them
  [0xed, 0xbf, 0xbf],
  [0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80], // a surrogate pair as CESU-8 (U+1F600)
  [0xe2, 0x82], // multi-byte characters cut short
  [0xf0, 0x9f, 0x98],
  [0xc3],
  [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
  BOM, // a byte-order mark, wherever it lands
  [0x00],
  [0x0d],
  [0xe2, 0x80, 0x8b], // valid: a zero-width space, an emoji, an accented letter
  [0xf0, 0x9f, 0x98, 0x80],
  [0xc3, 0xa9],
];

type ByteEdit = (bytes: Uint8Array) => Uint8Array;

const at = (bytes: Uint8Array, f: number) => Math.min(bytes.length, Math.floor(f * (bytes.length + 1)));
function join(...parts: ArrayLike<number>[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
const fraction = fc.double({ min: 0, max: 1, noNaN: true });

const byteEdit: fc.Arbitrary<ByteEdit> = fc.oneof(
  // A sequence inserted anywhere, the start included (where a BOM is one).
  {
    weight: 6,
    arbitrary: fc.tuple(fc.constantFrom(...SEQUENCES), fc.oneof(fc.constant(0), fraction)).map(
      ([seq, f]): ByteEdit =>
        (b) =>
          join(b.subarray(0, at(b, f)), seq, b.subarray(at(b, f))),
    ),
  },
  // A byte-order mark in front: one is dropped by decoders, a second one is text.
  { weight: 1, arbitrary: fc.constant((b: Uint8Array) => join(BOM, b)) },
  // A byte removed (cutting a multi-byte character), or the file cut short.
  {
    weight: 2,
    arbitrary: fraction.map(
      (f): ByteEdit =>
        (b) =>
          join(b.subarray(0, at(b, f)), b.subarray(at(b, f) + 1)),
    ),
  },
  {
    weight: 1,
    arbitrary: fraction.map(
      (f): ByteEdit =>
        (b) =>
          b.subarray(0, at(b, f)),
    ),
  },
  // A byte replaced by any byte.
  {
    weight: 2,
    arbitrary: fc.tuple(fraction, fc.integer({ min: 0, max: 255 })).map(([f, v]): ByteEdit => (b) => {
      const out = b.slice();
      if (out.length > 0) out[Math.min(out.length - 1, at(b, f))] = v;
      return out;
    }),
  },
  // Thousands of two- or three-byte characters in front: bytes and characters then count
  // differently past them (a NUL 8,000 characters in is 16,000 or 24,000 bytes in).
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom('é', '✓'), fc.integer({ min: 2500, max: 9000 })).map(
      ([c, n]): ByteEdit =>
        (b) =>
          join(new TextEncoder().encode(c.repeat(n)), b),
    ),
  },
);

/** A MIM document's UTF-8 bytes after one to four byte-level edits. */
export const damagedBytes: fc.Arbitrary<{ kind: 'markdown' | 'mim-yaml'; bytes: Uint8Array }> = fc
  .tuple(anyDocument, fc.array(byteEdit, { minLength: 1, maxLength: 4 }))
  .map(([{ kind, text }, edits]) => ({
    kind,
    bytes: edits.reduce<Uint8Array>((b, e) => e(b), new TextEncoder().encode(text)),
  }));

/**
 * The text an editor holds for bytes it opens as UTF-8: one leading byte-order mark dropped,
 * each invalid sequence shown as U+FFFD (the WHATWG decoder's reading).
 */
export function editorText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}
