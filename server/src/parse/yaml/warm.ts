import { splitEntries, splitItem, type Entry, type Item } from './regions.js';

/**
 * A copy of a YAML text broken by one slip in one of its innermost items: the colon after the
 * item's first key left out (`- id R2.1`), which breaks that item alone. Reading it once, as
 * the language server does when a document is opened (while the user reads the document's
 * findings), makes the code that reads a broken text ready for the keystroke that breaks this
 * one: it is compiled and optimised, and the items read alone (region-plan.ts) are held. The
 * slip is made where typing makes most of them, in an item of an item (a requirement of a
 * capability), which a large text reads by regions at the cost of a few requirements: one in
 * a capability's first line (or an unclosed quote, which runs on to the next quote) keeps
 * whole capabilities, and would cost several keystrokes' time, which a keystroke that comes
 * meanwhile would wait for. Undefined for a text with no item to break.
 */
export function slipped(text: string): string | undefined {
  // The longest sequence's middle item: it has items on either side, as a slip made in typing has.
  let item = middle(splitEntries(text));
  // Then the same within it, as deep as items go.
  for (let inner = item && middle(splitItem(text, item)); inner; inner = middle(splitItem(text, inner))) item = inner;
  if (!item) return undefined;
  const eol = text.indexOf('\n', item.start);
  const colon = text.slice(item.start, eol < 0 ? text.length : eol).indexOf(': ');
  if (colon < 0) return undefined;
  const at = item.start + colon;
  return `${text.slice(0, at)}${text.slice(at + 1)}`;
}

/** The middle item of the longest sequence among `entries`. */
function middle(entries: Entry[] | undefined): Item | undefined {
  const items = (entries ?? []).reduce<Item[]>(
    (longest, e) => (e.items && e.items.length > longest.length ? e.items : longest),
    [],
  );
  return items[Math.floor(items.length / 2)];
}
