import type { PartName } from '../../model/elements.js';
import { type ElementKind, parseLocalId } from '../../model/ids.js';
import { cleanInline, plainInline } from '../text/inline-markdown.js';

export interface HeadingId {
  kind: ElementKind;
  id: string;
  rawId: string;
  malformed: boolean;
  /** Offsets of the id in the raw heading or item text. */
  start: number;
  end: number;
  /** Offset in the raw text where the title begins. */
  titleStart: number;
}

/** What follows the id, without separators and markup; computed only where a title is kept (requirements clean their text themselves). */
export function leadingTitle(raw: string, id: HeadingId): string {
  return plainInline(raw.slice(id.titleStart))
    .replace(/[\s:]+$/, '')
    .trim();
}

// `C1`, `R1.2a`, `M3`, `RC1.1`, `R.1`, `C.1`, flat `R4`; or the long forms `Mechanism 1`, `Capability 2`.
const ID_AT_START =
  /^\s*(?:(Mechanism|Capability|Guidance|Test)\s+(\d+)|(RC\d+\.\d+[a-z]?|R\d+\.\d+[a-z]?|[CRMGT]\.\d+|[CRMGT]\d+[a-z]?))(?=$|[\s:.,;)\]–—-])/;

const LONG_FORM: Record<string, ElementKind> = {
  Mechanism: 'mechanism',
  Capability: 'capability',
  Guidance: 'guidance',
  Test: 'test',
};

/** Reads the id an item or heading starts with: `**R1.1** text`, `## C1: Title`, `## Mechanism 1: Name`. */
/** Cheap test before any cleaning: most paragraphs and items start with no id at all. */
const MAY_START_WITH_ID = /^[\s*_`\u200B\uFEFF]*(?:[CRMGT]|Mechanism|Capability|Guidance|Test)/;

/** An id sits near the start: only this much of the text is cleaned to find it. */
const ID_PREFIX = 80;

// The usual form, `**R1.1** text` or `C1: Title`, read on the raw text without cleaning it.
const PLAIN_ID_AT_START = /^([\s*_]*)(R\d+\.\d+[a-z]?|[CMGT]\d+)(?=$|[\s:.,;)\]–—*_-])([\s*_:.,;–—-]*)/;

export function readLeadingId(raw: string): HeadingId | undefined {
  if (!MAY_START_WITH_ID.test(raw)) return undefined;
  const plain = PLAIN_ID_AT_START.exec(raw);
  if (plain) {
    const local = parseLocalId(plain[2]);
    if (local) {
      const start = plain[1].length;
      return {
        kind: local.kind,
        id: local.id,
        rawId: plain[2],
        malformed: local.malformed,
        start,
        end: start + plain[2].length,
        titleStart: plain[0].length,
      };
    }
  }
  const clean = cleanInline(raw.length > ID_PREFIX ? raw.slice(0, ID_PREFIX) : raw);
  const m = ID_AT_START.exec(clean.text);
  if (!m) return undefined;
  const idText = m[1] ? `${m[1]} ${m[2]}` : m[3];
  const idStartClean = m.index + m[0].length - idText.length;
  let parsed;
  if (m[1]) {
    const kind = LONG_FORM[m[1]];
    parsed = {
      kind,
      id: `${kind === 'mechanism' ? 'M' : kind === 'capability' ? 'C' : kind === 'guidance' ? 'G' : 'T'}${Number(m[2])}`,
      malformed: false,
    };
  } else {
    const local = parseLocalId(m[3]);
    if (!local) return undefined;
    // Flat `M1a`-style ids are no id at all; only requirements take a letter suffix.
    parsed = { kind: local.kind, id: local.id, malformed: local.malformed };
  }
  const rest = clean.text.slice(m.index + m[0].length);
  const sep = /^[\s:.,;–—-]*/.exec(rest)?.[0].length ?? 0;
  const titleClean = Math.min(m.index + m[0].length + sep, clean.text.length);
  const titleStart = clean.map[titleClean];
  return {
    kind: parsed.kind,
    id: parsed.id,
    rawId: raw.slice(clean.map[idStartClean], clean.map[idStartClean + idText.length - 1] + 1),
    malformed: parsed.malformed,
    start: clean.map[idStartClean],
    end: clean.map[idStartClean + idText.length - 1] + 1,
    titleStart,
  };
}

const PART_TITLES: [RegExp, PartName][] = [
  [/^(objectives?|goals?|purpose)\b/, 'objective'],
  [/^(capabilities( (and|&) requirements)?|requirements)$/, 'capabilities'],
  [/^(mechanisms?|(recommended |technical )?specifications?)\b/, 'mechanisms'],
  [/^(interoperability guidance|guidance)\b/, 'guidance'],
  [/^(conformance|compliance|verification|testing)\b/, 'conformance'],
];

/** The Y.MIM part a heading opens, judged from its title (`3. Mechanisms`, `Objectives`, `Verification`). */
export function partOfTitle(title: string): PartName | undefined {
  const t = title
    .toLowerCase()
    .replace(/^[\d.\s]+/, '')
    .replace(/[:\s]+$/, '')
    .trim();
  for (const [re, part] of PART_TITLES) if (re.test(t)) return part;
  return undefined;
}

const PART_FILES: [RegExp, PartName][] = [
  [/^objectives?\.md$/i, 'objective'],
  [/^(capabilities(-and-requirements)?|requirements)\.md$/i, 'capabilities'],
  [/^mechanisms?\.md$/i, 'mechanisms'],
  [/^interoperability(-guidance)?\.md$/i, 'guidance'],
  [/^(conformance|compliance)[\w-]*\.md$/i, 'conformance'],
];

/** The part a repository page holds, judged from its file name. */
export function partOfFileName(name: string): PartName | undefined {
  for (const [re, part] of PART_FILES) if (re.test(name)) return part;
  return undefined;
}

/** `# MIM1 - Context`, `# OASC MIM1: Context Information Management`, `# MIM7: Geospatial`. */
export const SINGLE_PAGE_H1 = /^(?:OASC\s+)?MIM[ -]?(\d+)\s*[-:–—]\s*(.+)$/;

/** `# Accessing Data (MIM0)`. */
export const REPOSITORY_H1 = /^(.*?)\s*\((?:OASC\s+)?MIM[ -]?(\d+)\)\s*(.*)$/;
