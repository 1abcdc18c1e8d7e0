import type { Token } from 'markdown-it';
import type { IdRef, Mechanism, PartName } from '../../model/elements.js';
import type { Range } from '../../model/range.js';
import { cleanInline, plainInline } from '../text/inline-markdown.js';
import { foldSpace } from '../text/white-space.js';
import { readOneId, withTarget } from '../text/xrefs.js';
import { readLeadingId } from './headings.js';
import { FlatMap } from './inline-map.js';
import { requirement, type ElementContext } from './read-elements.js';
import { splitRow, type RawCell } from './table-cells.js';

/** What reading a table needs of the page reader. */
export interface TableContext extends ElementContext {
  readonly part: PartName | undefined;
  /** The mechanism whose section the walk is in: a mapping table's rows are what it satisfies. */
  readonly mechanism: Mechanism | undefined;
  /** The title of the section the table is in: a status table is one under a heading that says so. */
  readonly currentSectionTitle: string;
  problem(code: string, message: string, range: Range): void;
  /** Records a cell as any inline text (its block, code spans, links, tags), with its cross-references unless `prose` is false. */
  tableCell(cell: RawCell, quote: boolean, prose: boolean): void;
}

const CHECKED = /:white_check_mark:|:heavy_check_mark:|✅|✔/;

/**
 * A GFM table, from `table_open` to `table_close`: its shape, then what it is by where it sits
 * and how its header reads. Under a mechanism a table whose first column is headed "Req..." is
 * a Requirements Mapping Table; under a capability a row led by a requirement id is that
 * requirement; under a "Status" heading the checked column names the MIM's status.
 */
export function readTable(r: TableContext, tokens: Token[]): void {
  const open = tokens[0];
  if (!open.map) return;
  const lines = r.lineIndex;
  const rows = tokens.filter((t) => t.type === 'tr_open' && t.map).map((t) => t.map![0]);
  if (rows.length === 0) return;
  const cellsOf = (line: number) => splitRow(lines.lineText(line), lines.lineStart(line));
  // Each row is split once; markdown-it pads short rows, so the shape is read from these cells.
  const grid = rows.map(cellsOf);
  const header = grid[0];
  const headerText = header.map((c) => foldSpace(plainInline(c.text, true)));
  for (let row = 1; row < rows.length; row++) {
    const n = grid[row].length;
    if (n !== header.length) {
      r.problem(
        'structure/table-shape',
        `This row has ${n} cell${n === 1 ? '' : 's'} but the table's header has ${header.length}`,
        lines.lineRange(rows[row]),
      );
    }
  }
  const first = headerText[0]?.toLowerCase() ?? '';
  const isMapping = (r.mechanism !== undefined || r.part === 'mechanisms') && /\breq/.test(first);
  const isRequirements = !isMapping && (r.part === 'capabilities' || r.capability !== undefined);
  if (/status/i.test(r.currentSectionTitle)) statusTable(r, headerText, grid.slice(1));
  // A second column headed "How ..." holds the mechanism's answer, not a quoted requirement.
  const quoteFallback = /how|implement|realis/i.test(headerText[1] ?? '') ? -1 : 1;
  const quoteCol = isMapping
    ? pickColumn(headerText, /requirement text|^text$|requirement$|statement/i, quoteFallback)
    : -1;
  const howCol = isMapping
    ? pickColumn(headerText, /how|implement|realis|descri|mechanism/i, headerText.length > 2 ? 2 : 1)
    : -1;
  for (let row = 0; row < rows.length; row++) {
    const line = rows[row];
    const cells = grid[row];
    const rowRange = lines.lineRange(line);
    let handledFirst = false;
    if (row > 0 && isMapping && cells[0]) {
      mappingRow(r, cells, quoteCol, howCol, rowRange);
      handledFirst = true;
    } else if (row > 0 && isRequirements && cells[0]) {
      const lead = readLeadingId(cells[0].text);
      if (lead?.kind === 'requirement') {
        const textCell = cells[1] ?? cells[0];
        const id = { ...lead, titleStart: cells[1] ? textCell.start - cells[0].start : lead.titleStart };
        const joined = r.doc.text.slice(cells[0].start, textCell.end);
        requirement(r, id, joined, new FlatMap(cells[0].start), rowRange, true);
        handledFirst = true;
      }
    }
    for (let c = 0; c < cells.length; c++) {
      const quote = isMapping && row > 0 && c === quoteCol;
      r.tableCell(cells[c], quote, !(handledFirst && c === 0) && !quote);
    }
  }
}

/** A row of a Requirements Mapping Table: the requirement it names, its quoted text and how the mechanism meets it. */
function mappingRow(r: TableContext, cells: RawCell[], quoteCol: number, howCol: number, rowRange: Range): void {
  const idCell = cells[0];
  const { text, start, end } = idCellText(idCell);
  const one = readOneId(text);
  const ref = withTarget<IdRef>(
    { file: r.doc.file, range: r.lineIndex.rangeOf(start, end), text, role: 'mapping', legacy: one.legacy },
    one,
  );
  r.doc.refs.push(ref);
  r.markDefinition(start);
  if (one.target) r.invisibles.place(idCell.start, idCell.end, 'id');
  const quoteCell = quoteCol >= 0 ? cells[quoteCol] : undefined;
  const howCell = howCol >= 0 && howCol !== quoteCol ? cells[howCol] : undefined;
  const row = {
    ref,
    file: r.doc.file,
    range: rowRange,
    quote: quoteCell ? foldSpace(plainInline(quoteCell.text, true)) : undefined,
    quoteSpan: quoteCell ? { start: quoteCell.start, end: quoteCell.end } : undefined,
    how: howCell ? foldSpace(plainInline(howCell.text, true)) : undefined,
  };
  r.mechanism?.satisfies.push(row);
}

function statusTable(r: TableContext, header: string[], body: RawCell[][]): void {
  let status: string | undefined;
  header.forEach((h, c) => {
    if (body.some((row) => row[c] && CHECKED.test(plainInline(row[c].text, true)))) status = h;
  });
  if (status)
    r.doc.status = status
      .replace(/[^\p{L}\p{N}\s-]/gu, '')
      .trim()
      .toLowerCase()
      .replace(/\s+/g, '-');
}

// The usual id cell, `R1.1` or `**MIM0.R1.2**`: the id itself between emphasis marks, read without cleaning.
const PLAIN_ID_CELL = /^([*_`]*)([A-Za-z0-9][A-Za-z0-9.]*)[*_`]*$/;

/** The id a mapping row's first cell names, as written without its markup, and where it sits. */
function idCellText(cell: RawCell): { text: string; start: number; end: number } {
  const plain = PLAIN_ID_CELL.exec(cell.text);
  if (plain) {
    const start = cell.start + plain[1].length;
    return { text: plain[2], start, end: start + plain[2].length };
  }
  const clean = cleanInline(cell.text, true);
  const text = foldSpace(clean.text);
  const lead = /^\s*/.exec(clean.text)![0].length;
  return {
    text,
    start: cell.start + clean.map[lead],
    end: cell.start + clean.map[Math.max(lead, lead + text.length - 1)] + 1,
  };
}

function pickColumn(header: string[], re: RegExp, fallback: number): number {
  const i = header.findIndex((h, c) => c > 0 && re.test(h));
  return i > 0 ? i : fallback < header.length ? fallback : -1;
}
