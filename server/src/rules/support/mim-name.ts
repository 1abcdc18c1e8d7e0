import type { Mim } from '../../model/mim.js';

/** How a MIM is named in messages: its id, or "this MIM" while no file states its number. */
export function mimName(mim: Mim): string {
  return mim.known ? mim.id : 'this MIM';
}
