import type { MimElement } from '../../model/elements.js';
import { ELEMENT_PREFIX } from '../../model/ids.js';
import type { MimRule, RuleContext } from '../rule.js';
import { KIND_NAME } from '../../query/elements.js';

interface Numbered {
  e: MimElement;
  n: number;
}

interface Sequence {
  /** `C`, or `R2.` for the requirements of C2: what goes before the number. */
  prefix: string;
  /** `capability`, `requirement of C2`. */
  what: string;
  items: Numbered[];
}

const SIMPLE = /^([CMGT])(\d+)$/;
const REQUIREMENT = /^R(\d+)\.(\d+)[a-z]?$/;

/**
 * id/sequence: a gap or disorder in numbering, per MIM and kind, requirements per capability
 * number. One finding per sequence, at the first element out of sequence, with the id
 * expected there. Sequences start at 1 (or at 0 where the first element is numbered 0);
 * letter suffixes (`R1.2a`, `R1.2b`) share their number; repeats are id/duplicate's.
 */
export const idSequence: MimRule = {
  code: 'id/sequence',
  severity: 'info',
  summary: 'A gap or disorder in numbering',
  scope: 'mim',
  check(mim, ctx) {
    const sequences = new Map<string, Sequence>();
    const add = (key: string, prefix: string, what: string, item: Numbered) => {
      let s = sequences.get(key);
      if (!s) sequences.set(key, (s = { prefix, what, items: [] }));
      s.items.push(item);
    };
    // Pages in path order, so the result does not depend on the order files were read.
    const docs = [...mim.documents].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    for (const doc of docs) {
      // A malformed id counts as the id it is read as (`C.2` as C2); one of another kind
      // (a YAML capability with `id: M1`) counts nowhere.
      for (const e of [...doc.capabilities, ...doc.mechanisms, ...doc.guidance, ...doc.tests]) {
        const m = SIMPLE.exec(e.id);
        if (m && m[1] === ELEMENT_PREFIX[e.kind]) add(m[1], m[1], KIND_NAME[e.kind], { e, n: Number(m[2]) });
      }
      for (const r of doc.requirements) {
        const m = REQUIREMENT.exec(r.id);
        if (m) add(`R${m[1]}`, `R${m[1]}.`, `requirement of C${m[1]}`, { e: r, n: Number(m[2]) });
      }
    }
    for (const s of sequences.values()) checkSequence(s, ctx);
  },
};

function checkSequence(s: Sequence, ctx: RuleContext): void {
  const seen = new Set<string>();
  let prev: Numbered | undefined;
  for (const item of s.items) {
    if (seen.has(item.e.id)) continue;
    seen.add(item.e.id);
    const expected = prev ? prev.n + 1 : item.n === 0 ? 0 : 1;
    if (item.n === expected || (prev && item.n === prev.n)) {
      prev = item;
      continue;
    }
    const expectedId = `${s.prefix}${expected}`;
    // The expected element, or one numbered in the gap, written later: disorder, not a gap.
    const later = s.items.find((x) => x.n >= expected && (x.n < item.n || x.n === expected))?.e;
    let message: string;
    if (!prev) message = `${item.e.id} is the first ${s.what}; expected ${expectedId}`;
    else if (item.n > expected && !later)
      message = `${item.e.id} follows ${prev.e.id}; ${missing(s.prefix, expected, item.n - 1)}`;
    else message = `${item.e.id} follows ${prev.e.id}; expected ${expectedId}`;
    ctx.report({
      code: 'id/sequence',
      file: item.e.file,
      range: item.e.idRange,
      message,
      related: later ? [{ file: later.file, range: later.idRange, message: `${later.id} comes later` }] : undefined,
    });
    return;
  }
}

function missing(prefix: string, from: number, to: number): string {
  if (from === to) return `${prefix}${from} is missing`;
  return `${prefix}${from} ${to === from + 1 ? 'and' : 'to'} ${prefix}${to} are missing`;
}
