import { EVENT_ID, parseEvents, type Event } from 'js-yaml';

/**
 * js-yaml's event stream packed into integers, a fixed-width record an event: what the tree
 * builder reads, and what a worker thread can hand over without copying (the buffer is
 * transferred). Offsets are those of the text; -1 means absent, as in js-yaml.
 */
export const RECORD = 8;

/** Field offsets inside a record. */
export const F = {
  type: 0,
  /** DOCUMENT: bit 0 explicit start, bit 1 explicit end, bit 2 directives. */
  flags: 1,
  /** SEQUENCE, MAPPING: where the collection starts. */
  start: 1,
  /** SCALAR: the value's characters. */
  valueStart: 1,
  valueEnd: 2,
  anchorStart: 3,
  tagStart: 4,
  /** SCALAR: js-yaml's style, plus FAST when the value is its characters as they stand. */
  style: 5,
  chomping: 6,
  indent: 7,
} as const;

export const FAST = 0x100;

export const TYPE = EVENT_ID;

/** The events of a text, packed; null when js-yaml rejects the text (the recovering parser then says why). */
export function readEvents(text: string): Int32Array | null {
  let events: Event[];
  try {
    events = parseEvents(text, {});
  } catch {
    return null;
  }
  return packEvents(events);
}

export function packEvents(events: readonly Event[]): Int32Array {
  const out = new Int32Array(events.length * RECORD);
  let i = 0;
  for (const e of events) {
    out[i + F.type] = e.type;
    switch (e.type) {
      case EVENT_ID.DOCUMENT:
        out[i + F.flags] = (e.explicitStart ? 1 : 0) | (e.explicitEnd ? 2 : 0) | (e.directives.length > 0 ? 4 : 0);
        break;
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING:
        out[i + F.start] = e.start;
        out[i + F.anchorStart] = e.anchorStart;
        out[i + F.tagStart] = e.tagStart;
        out[i + F.style] = e.style;
        break;
      case EVENT_ID.SCALAR:
        out[i + F.valueStart] = e.valueStart;
        out[i + F.valueEnd] = e.valueEnd;
        out[i + F.anchorStart] = e.anchorStart;
        out[i + F.tagStart] = e.tagStart;
        out[i + F.style] = e.style | (e.fast ? FAST : 0);
        out[i + F.chomping] = e.chomping;
        out[i + F.indent] = e.indent;
        break;
      case EVENT_ID.ALIAS:
        out[i + F.anchorStart] = e.anchorStart;
        break;
    }
    i += RECORD;
  }
  return out;
}
