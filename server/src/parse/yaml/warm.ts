import { splitEntries } from './regions.js';

/**
 * A copy of a YAML text broken by one slip in one of its items: the opening quote of a value
 * left unclosed. Reading it once, as the language server does when a document is opened (while
 * the user reads the document's findings), makes the code that reads a broken text ready for
 * the keystroke that breaks this one: it is compiled and optimised, and the items read alone
 * (region-plan.ts) are held. Undefined for a text with no item to break.
 */
export function slipped(text: string): string | undefined {
  const entries = splitEntries(text) ?? [];
  // The longest sequence's middle item: it has items on either side, as a slip made in typing has.
  const items = entries.reduce<NonNullable<(typeof entries)[number]['items']>>(
    (longest, e) => (e.items && e.items.length > longest.length ? e.items : longest),
    [],
  );
  const item = items[Math.floor(items.length / 2)];
  if (!item) return undefined;
  const eol = text.indexOf('\n', item.start);
  const colon = text.slice(item.start, eol < 0 ? text.length : eol).indexOf(': ');
  if (colon < 0) return undefined;
  const at = item.start + colon + 2;
  return `${text.slice(0, at)}"${text.slice(at)}`;
}
