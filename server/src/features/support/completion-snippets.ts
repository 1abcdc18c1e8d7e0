import type { SchemaObject } from 'ajv';
import type { Mechanism, MimElement, Requirement } from '../../model/elements.js';
import { rangeBetween, type Range } from '../../model/range.js';
import { idNumber } from '../../model/ids.js';
import { nextFreeId } from '../../query/next-id.js';
import type { CompletionItem } from './completion-item.js';
import type { CompletionContext } from './completion-sources.js';
import { lastAtOrBefore, partAt } from './places.js';
import { isList, schemaAt } from './schema-walk.js';
import { snippetSlot as slot } from './snippet-text.js';
import {
  formOfLine,
  markdownHeading,
  markdownMappingRow,
  markdownRequirement,
  paragraph,
  SNIPPET,
  tabStop,
  writeBlocks,
  yamlItem,
  yamlList,
  type Like,
  type MarkdownBlock,
} from './templates.js';
import type { YamlContext, YamlPath } from './yaml-context.js';

function snippet(label: string, detail: string, insertText: string, range: Range, typed: string): CompletionItem {
  // Typed markup (`## `, `* `, indentation) is replaced too: matching it keeps the item in the list.
  const filterText = /^[A-Za-z]*$/.test(typed) ? undefined : `${typed}${label}`;
  return { label, kind: 'snippet', detail, insertText, isSnippet: true, range, ...(filterText && { filterText }) };
}

/** The last element of a kind written in the same syntax, the current file first: the model for a new one. */
function like<T extends { file: string }>(
  ctx: CompletionContext,
  own: readonly T[],
  all: readonly T[],
): Like<T> | undefined {
  if (own.length > 0) return { element: own[own.length - 1], doc: ctx.doc };
  for (let i = all.length - 1; i >= 0; i--) {
    const doc = ctx.ws.document(all[i].file);
    if (doc?.kind === ctx.doc.kind) return { element: all[i], doc };
  }
  return undefined;
}

function isSatisfied(ctx: CompletionContext, r: Requirement): boolean {
  // As trace/uncovered-requirement counts: the MIM's own mechanisms.
  return (ctx.ws.index.refsInto(ctx.mim.id).get(`${ctx.mim.id}.${r.id}`) ?? []).some(
    (u) => u.from === ctx.mim && (u.ref.role === 'mapping' || u.ref.role === 'satisfies'),
  );
}

/** The requirement a new mapping row most likely means: the first that no mechanism satisfies, else the first this one does not. */
function rowRequirement(ctx: CompletionContext, mechanism: Mechanism | undefined): Requirement | undefined {
  const reqs = ctx.mim.requirements.filter((r) => r.id);
  const mapped = new Set(mechanism?.satisfies.map((row) => row.ref.target?.id));
  return reqs.find((r) => !isSatisfied(ctx, r)) ?? reqs.find((r) => !mapped.has(r.id)) ?? reqs[0];
}

function capabilityNumber(ctx: CompletionContext): number | undefined {
  const c = lastAtOrBefore(ctx.doc.capabilities, ctx.pos);
  return c ? idNumber(c.id) : undefined;
}

function next(ctx: CompletionContext, kind: MimElement['kind'], id = ''): string | undefined {
  return nextFreeId(ctx.mim, { kind, id });
}

/** Snippets for a new element at the start of a Markdown line, by the part the cursor is in. */
export function markdownSnippets(ctx: CompletionContext): CompletionItem[] {
  const lead = /^(\s*)((?:#{1,6}\s*|[*+-]\s+|\|\s*)?(?:\*\*)?[A-Za-z]*)$/.exec(ctx.before);
  if (!lead || ctx.line.slice(ctx.before.length).trim() !== '') return [];
  const typed = lead[2];
  const range = rangeBetween({ line: ctx.pos.line, character: lead[1].length }, ctx.pos);
  const out: CompletionItem[] = [];
  // The snippet takes the place of the cursor's line: blank lines part it from the blocks around it where Markdown would join them.
  const above = formOfLine(ctx.doc, ctx.pos.line - 1);
  const below = formOfLine(ctx.doc, ctx.pos.line + 1);
  const add = (label: string, detail: string, blocks: MarkdownBlock[]) =>
    out.push(snippet(label, detail, writeBlocks(blocks, above, below), range, typed));
  // Just below a mapping table, or a new row begun inside one: a row for a requirement still unmapped.
  const mechanism = lastAtOrBefore(ctx.doc.mechanisms, ctx.pos);
  const line = ctx.pos.line;
  const row = mechanism?.satisfies.find(
    (x) => x.range.start.line === line - 1 || (typed.startsWith('|') && x.range.start.line === line + 1),
  );
  if (row) {
    const r = rowRequirement(ctx, mechanism);
    if (r)
      add(`mapping row ${r.id}`, 'a row of the Requirements Mapping Table', [
        markdownMappingRow(
          { element: row, doc: ctx.doc },
          r.id,
          r.text,
          tabStop(1, 'How the mechanism meets it'),
          SNIPPET,
        ),
      ]);
    if (typed.startsWith('|')) return out;
  }
  switch (partAt(ctx.doc, ctx.pos)) {
    case 'capabilities': {
      const cap = next(ctx, 'capability');
      const reqLike = like(ctx, ctx.doc.requirements, ctx.mim.requirements);
      if (cap) {
        const heading = markdownHeading(
          like(ctx, ctx.doc.capabilities, ctx.mim.capabilities),
          cap,
          tabStop(1, 'Title'),
          SNIPPET,
        );
        add(`capability ${cap}`, 'a new capability and its first requirement', [
          heading,
          markdownRequirement(reqLike, `R${cap.slice(1)}.1`, tabStop(2, 'Requirement text'), SNIPPET),
        ]);
      }
      const n = capabilityNumber(ctx);
      const req = n !== undefined ? next(ctx, 'requirement', `R${n}.0`) : undefined;
      if (req)
        add(`requirement ${req}`, `a new requirement of C${n}`, [
          markdownRequirement(reqLike, req, tabStop(1, 'Requirement text'), SNIPPET),
        ]);
      break;
    }
    case 'mechanisms': {
      const id = next(ctx, 'mechanism');
      const rowLike = like(
        ctx,
        ctx.doc.mechanisms.flatMap((m) => m.satisfies),
        ctx.mim.mechanisms.flatMap((m) => m.satisfies),
      );
      const r = rowRequirement(ctx, undefined);
      if (!id) break;
      const row = markdownMappingRow(
        rowLike,
        tabStop(3, r?.id ?? 'R1.1'),
        r?.text ?? '',
        tabStop(4, 'How the mechanism meets it'),
        SNIPPET,
      );
      add(`mechanism ${id}`, 'a new mechanism with a Requirements Mapping Table', [
        markdownHeading(like(ctx, ctx.doc.mechanisms, ctx.mim.mechanisms), id, tabStop(1, 'Name'), SNIPPET),
        paragraph(slot(2, 'What the mechanism is')),
        row,
      ]);
      break;
    }
    case 'guidance': {
      const id = next(ctx, 'guidance');
      if (id)
        add(`guidance ${id}`, 'a new interoperability guidance', [
          markdownHeading(like(ctx, ctx.doc.guidance, ctx.mim.guidance), id, tabStop(1, 'Title'), SNIPPET),
          paragraph(
            `Mechanisms: ${slot(
              2,
              ctx.mim.mechanisms
                .map((m) => m.id)
                .slice(0, 2)
                .join(', ') || 'M1',
            )}`,
          ),
          paragraph(slot(3, 'How the mechanisms work together')),
        ]);
      break;
    }
    case 'conformance': {
      const id = next(ctx, 'test');
      if (id)
        add(`test ${id}`, 'a new conformance test', [
          markdownHeading(like(ctx, ctx.doc.tests, ctx.mim.tests), id, tabStop(1, 'Title'), SNIPPET),
          paragraph(`Covers: ${slot(2, ctx.mim.requirements[0]?.id ?? 'R1.1')}`),
          paragraph(slot(3, 'How to run the test and what passes')),
        ]);
      break;
    }
    default:
      break;
  }
  return out;
}

const LIST_SNIPPETS: [RegExp, string][] = [
  [/^capabilities$/, 'capability'],
  [/^capabilities\/\d+\/requirements$/, 'requirement'],
  [/^mechanisms$/, 'mechanism'],
  [/^mechanisms\/\d+\/satisfies$/, 'row'],
  [/^interoperabilityGuidance$/, 'guidance'],
  [/^conformance$/, 'test'],
];

/** Snippets for a new item of a YAML list of elements: on a new line of the list, or after its `- `. */
export function yamlSnippets(ctx: CompletionContext, y: YamlContext, root: SchemaObject): CompletionItem[] {
  let list: YamlPath;
  let dash: number;
  let range: Range = y.word;
  let indent = '';
  if (y.at === 'item' && !y.flow) {
    list = y.path.slice(0, -1);
    dash = ctx.line.lastIndexOf('-', y.column - 1);
  } else if (y.at === 'entry' && ctx.line.slice(y.word.end.character).trim() === '') {
    const itemMap = typeof y.path[y.path.length - 1] === 'number';
    if (!itemMap && !isList(root, schemaAt(root, y.path))) return [];
    list = itemMap ? y.path.slice(0, -1) : y.path;
    dash = itemMap ? y.column - 2 : y.column;
    // A new line may sit at another column than the items: the snippet brings its own indentation.
    range = rangeBetween({ line: ctx.pos.line, character: 0 }, y.word.end);
    indent = ' '.repeat(dash);
  } else return [];
  const what = LIST_SNIPPETS.find(([re]) => re.test(list.join('/')))?.[1];
  const typed = ctx.line.slice(range.start.character, ctx.pos.character);
  const item = (label: string, detail: string, entries: [string, string][]) => {
    const text = yamlItem(dash, entries);
    return snippet(label, detail, indent ? `${indent}${text}` : text.slice(2), range, typed);
  };
  switch (what) {
    case 'capability': {
      const id = next(ctx, 'capability');
      return id
        ? [
            item(`capability ${id}`, 'a new capability and its first requirement', [
              ['id', id],
              ['title', slot(1, 'Title')],
              [
                'requirements',
                yamlList(dash, [
                  [
                    ['id', `R${id.slice(1)}.1`],
                    ['text', slot(2, 'Requirement text')],
                  ],
                ]),
              ],
            ]),
          ]
        : [];
    }
    case 'requirement': {
      const n = capabilityNumber(ctx);
      const id = n !== undefined ? next(ctx, 'requirement', `R${n}.0`) : undefined;
      return id
        ? [
            item(`requirement ${id}`, `a new requirement of C${n}`, [
              ['id', id],
              ['text', slot(1, 'Requirement text')],
            ]),
          ]
        : [];
    }
    case 'mechanism': {
      const id = next(ctx, 'mechanism');
      const r = rowRequirement(ctx, undefined);
      return id
        ? [
            item(`mechanism ${id}`, 'a new mechanism and the first requirement it satisfies', [
              ['id', id],
              ['title', slot(1, 'Title')],
              [
                'satisfies',
                yamlList(dash, [
                  [
                    ['requirement', slot(2, r?.id ?? 'R1.1')],
                    ['how', slot(3, 'How the mechanism meets it')],
                  ],
                ]),
              ],
            ]),
          ]
        : [];
    }
    case 'row': {
      const r = rowRequirement(ctx, lastAtOrBefore(ctx.doc.mechanisms, ctx.pos));
      return r
        ? [
            item(`mapping row ${r.id}`, 'a requirement this mechanism satisfies', [
              ['requirement', slot(1, r.id)],
              ['how', slot(2, 'How the mechanism meets it')],
            ]),
          ]
        : [];
    }
    case 'guidance': {
      const id = next(ctx, 'guidance');
      return id
        ? [
            item(`guidance ${id}`, 'a new interoperability guidance', [
              ['id', id],
              ['mechanisms', `[${slot(1, ctx.mim.mechanisms[0]?.id ?? 'M1')}]`],
              ['text', slot(2, 'How the mechanisms work together')],
            ]),
          ]
        : [];
    }
    case 'test': {
      const id = next(ctx, 'test');
      return id
        ? [
            item(`test ${id}`, 'a new conformance test', [
              ['id', id],
              ['title', slot(1, 'Title')],
              ['covers', `[${slot(2, ctx.mim.requirements[0]?.id ?? 'R1.1')}]`],
              ['method', '${3|automated,manual,self-assessment|}'],
            ]),
          ]
        : [];
    }
    default:
      return [];
  }
}
