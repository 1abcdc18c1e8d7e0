import { applyEdit, type Edit } from './repair-edits.js';
import type { Bias } from './tree-map.js';

/**
 * A text with some of its regions left out (the reduced text), kept current through edits
 * made inside the kept parts, and the way between its offsets and those of the whole text with
 * the same edits. A kept part keeps its distance to its place in the whole text whatever the
 * edits (they only move what follows them in both texts alike), so one difference per part
 * maps its offsets both ways.
 */
export class Reduction {
  text: string;
  /** Each kept part's start in the reduced text, and where it ends. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** Each kept part's offset in the whole text less its offset in the reduced text. */
  private readonly shifts: number[] = [];
  /** Whether the last part kept runs to the end of the whole text. */
  private readonly toEnd: boolean;
  /** The edits kept, in the reduced text's offsets. */
  readonly edits: Edit[] = [];

  /** `keep`: the parts kept, in order, apart from one another (adjacent parts merged by the caller). */
  constructor(whole: string, keep: readonly (readonly [number, number])[]) {
    let text = '';
    for (const [start, end] of keep) {
      this.starts.push(text.length);
      this.shifts.push(start - text.length);
      text += whole.slice(start, end);
      this.ends.push(text.length);
    }
    this.text = text;
    this.toEnd = keep.length > 0 && keep[keep.length - 1][1] === whole.length;
  }

  /** The whole text's offset of a reduced one; `edit` a reduced edit not kept yet (a candidate), made first. */
  toWhole(offset: number, bias: Bias, edit?: { part: number; edit: Edit }): number {
    return offset + this.shifts[this.partAt(offset, bias, edit)];
  }

  /** The reduced offset of a whole one, undefined when it falls in a part left out. */
  toReduced(offset: number, bias: Bias, edit?: { part: number; edit: Edit }): number | undefined {
    const delta = edit ? edit.edit.insert.length - edit.edit.remove : 0;
    for (let i = 0; i < this.starts.length; i++) {
      const shift = edit && i > edit.part ? delta : 0;
      const start = this.starts[i] + this.shifts[i] + shift;
      const end = this.ends[i] + this.shifts[i] + shift + (edit && i === edit.part ? delta : 0);
      if (bias === 'start' ? offset >= start && offset < end : offset > start && offset <= end)
        return offset - this.shifts[i];
      if (offset === start && offset === end) return offset - this.shifts[i];
    }
    return undefined;
  }

  /** The kept part that holds a whole offset, in the whole text's offsets (before any edit); undefined in a part left out. */
  wholePart(offset: number): [number, number] | undefined {
    for (let i = 0; i < this.starts.length; i++) {
      const start = this.starts[i] + this.shifts[i];
      const end = this.ends[i] + this.shifts[i];
      if (offset >= start && offset < end) return [start, end];
    }
    return undefined;
  }

  /**
   * A whole-text edit as the same edit of the reduced text, with its part; undefined when it
   * reaches a part left out. An insertion goes with the character it is made before.
   */
  reduce(edit: Edit): { part: number; edit: Edit } | undefined {
    const last = this.starts.length - 1;
    let at = this.toReduced(edit.at, 'start');
    // At the very end of the text, nothing follows.
    if (at === undefined && edit.remove === 0 && this.toEnd && edit.at === this.ends[last] + this.shifts[last])
      at = this.ends[last];
    if (at === undefined) return undefined;
    const part = this.partAt(at, 'start');
    if (edit.remove > 0) {
      const to = this.toReduced(edit.at + edit.remove, 'end');
      if (to === undefined || this.partAt(to, 'end') !== part) return undefined;
    }
    return { part, edit: { at, remove: edit.remove, insert: edit.insert } };
  }

  /** Makes a reduced edit (from `reduce`) in the reduced text. */
  keep(reduced: { part: number; edit: Edit }): void {
    const { part, edit } = reduced;
    const delta = edit.insert.length - edit.remove;
    this.text = applyEdit(this.text, edit);
    this.ends[part] += delta;
    for (let i = part + 1; i < this.starts.length; i++) {
      this.starts[i] += delta;
      this.ends[i] += delta;
    }
    this.edits.push(edit);
  }

  /** The kept part that holds a reduced offset (a seam goes with the bias); `edit` as for toWhole. */
  private partAt(offset: number, bias: Bias, edit?: { part: number; edit: Edit }): number {
    const delta = edit ? edit.edit.insert.length - edit.edit.remove : 0;
    const n = this.starts.length;
    for (let i = 0; i < n; i++) {
      const end = this.ends[i] + (edit && i >= edit.part ? delta : 0);
      if (offset < end || (offset === end && (bias === 'end' || i === n - 1))) return i;
    }
    return n - 1;
  }
}
