import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { markLines } from '../../server/src/parse/markdown/line-marks.js';
import { markdown, parseBlocks } from '../../server/src/parse/markdown/markdown-it.js';
import { CORPUS, ROOT } from '../support/paths.js';

/**
 * The rules markdown-it.ts puts in place of markdown-it's own must read every text exactly as
 * those do: the table rule that records rows only (the same tables, the same rows, the same
 * tokens around them), the line-break normalization that skips texts with nothing to
 * normalize, and the block state's table of lines. Checked on every Markdown page of the fixtures, the examples and the corpus, on
 * hand-written corner cases and on seeded random tables.
 */

function markdownFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) markdownFiles(path, out);
    else if (name.endsWith('.md')) out.push(path);
  }
  return out;
}

// markdown-it as shipped, configured as ours is apart from the rules it replaces.
const stock = new MarkdownIt({ html: true, linkify: false });
stock.core.ruler.disable(['inline', 'text_join']);

/** A token stream without what only markdown-it's rule makes: cells and their inline content. */
function shape(tokens: Token[]): string[] {
  const out: string[] = [];
  let inCell = 0;
  for (const t of tokens) {
    if (t.type === 'th_open' || t.type === 'td_open') inCell++;
    const cellToken = inCell > 0 || t.type === 'th_close' || t.type === 'td_close';
    if (t.type === 'th_close' || t.type === 'td_close') inCell--;
    if (cellToken) continue;
    out.push(
      `${t.type} ${t.map ? t.map.join('-') : ''} ${t.nesting} ${t.type === 'inline' || t.type === 'fence' ? JSON.stringify(t.content) : ''}`,
    );
  }
  return out;
}

function assertSameShape(text: string, what: string): void {
  const ours = shape(markdown().parse(text, {}));
  const theirs = shape(stock.parse(text, {}));
  assert.deepEqual(ours, theirs, `${what}: the rows-only table rule reads this text differently from markdown-it`);
}

const CORNER_CASES = [
  '| a | b |\n|---|---|\n| 1 | 2 |\n',
  'a | b\n--|--\n1 | 2\n3\n\nafter\n',
  '| a |\n|:-:|\n',
  '| a | b |\n| --- |\n| 1 | 2 |\n',
  '|a|b|\n|-|-|\n|\\|x|y|\n|`a|b`|c|\n|x\\\\|y|\n',
  '| a | b |\n|---|---|\n|\n||\n| 1 |\n| 1 | 2 | 3 |\n',
  '| a | b |\n|---|---|\n| 1 | 2 |\n> quote\n',
  '| a | b |\n|---|---|\n| 1 | 2 |\n# heading\n',
  '| a | b |\n|---|---|\n| 1 | 2 |\n- list\n',
  '| a | b |\n|---|---|\n| 1 | 2 |\n```\nfence\n```\n',
  '| a | b |\n|---|---|\n    | indented | code |\n',
  '    | a | b |\n    |---|---|\n',
  '- item\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n- next\n',
  '> | a | b |\n> |---|---|\n> | 1 | 2 |\n',
  '| a | b |\n|---|---|\n| 1 | 2 |\n<div>html</div>\n',
  'para\n| a | b |\n|---|---|\n',
  '| a | b |\n|- --|---|\n',
  '| a | b |\n|---|---|x\n',
  '| a | b |\n- |---|\n',
  '|a|\n|-\n',
  'a\n-|\n',
  '| a | b |\n|:--|--:|\n| 1 | 2 |\n***\n',
  `| a | b |\n|---|---|\n${'|\n'.repeat(2000)}`,
  `|${' c |'.repeat(40)}\n|${'---|'.repeat(40)}\n${'| x |\n'.repeat(1700)}`,
  '| a | b |\r\n|---|---|\r\n| 1 | 2 |\r\n\r\npara\rline\r\n',
  '# Title\0\n\ntext \0 with NUL\r\n- item\r- item\n',
  '```\r\ncode\r\n```\r\n',
];

/** Seeded random tables: pipes, escapes, code spans, blank lines and block starts in any mix. */
function randomTables(seed: number, count: number): string[] {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)];
  const pieces = ['|', '| ', ' |', '\\|', '\\\\|', '`|`', 'a', 'bc', ' ', '-', ':', '---', ':-:', '\t', '\r', '\0'];
  const starters = ['', '', '', '> ', '- ', '# ', '    ', '  ', '1. ', '```', '<div>', '***'];
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    const lines: string[] = [];
    const rows = 1 + Math.floor(next() * 6);
    for (let r = 0; r < rows; r++) {
      let line = pick(starters);
      const length = Math.floor(next() * 8);
      for (let k = 0; k < length; k++) line += pick(pieces);
      if (r === 1 && next() < 0.7) line = pick(['|---|---|', '---|---', '|:-|-:|', '| --- |', '|-|', '- | -']);
      lines.push(next() < 0.1 ? '' : line);
    }
    out.push(`${lines.join('\n')}\n`);
  }
  return out;
}

/** Seeded random texts of lines, indentation and their ends: spaces, tabs, breaks, no final break. */
function randomLines(seed: number, count: number): string[] {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pieces = [' ', '  ', '\t', '\n', '\n\n', 'a', 'bc d', '\r', '\u00a0', '-', '>'];
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    let text = '';
    const length = Math.floor(next() * 24);
    for (let k = 0; k < length; k++) text += pieces[Math.floor(next() * pieces.length)];
    out.push(text);
  }
  return out;
}

function assertSameLines(text: string, what: string): void {
  const theirs = new stock.block.State(text, stock, {}, []);
  const ours = markLines(text);
  for (const field of ['bMarks', 'eMarks', 'tShift', 'sCount', 'bsCount'] as const) {
    assert.deepEqual(Array.from(ours[field]), theirs[field], `${what}: ${field} differs from markdown-it's`);
  }
}

/** Seeded random pages of blocks: headings, items, quotes, tables, fences, HTML, reference definitions before and after their use. */
function randomPages(seed: number, count: number): string[] {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)];
  const blocks = [
    '# Title [a]\n',
    'Setext [b]\n---\n',
    'Para with [a], [b][] and [c][a].\nA second line.\n',
    '* item [a]\n* [b]: /b.md\n  text [b]\n',
    '1. one\n   [c]: ./c.md\n2. two [c]\n',
    '> quote [a]\n> [q]: /q.md\n\nafter [q]\n',
    '| a | b |\n|---|---|\n| [a] | 2 |\n',
    '```\n[z]: /not-a-definition\n```\n',
    '<div>\n[h]: /html\n</div>\n',
    '[a]: /a.md "A"\n',
    '[b]:\n  /b.md\n',
    '    indented [a]\n',
    '***\n',
    '- a\n  - nested [a]\n    > quoted [b]\n',
    '[unclosed]: \n',
  ];
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    const parts: string[] = [];
    const length = 1 + Math.floor(next() * 12);
    for (let k = 0; k < length; k++) parts.push(pick(blocks));
    out.push(parts.join(next() < 0.8 ? '\n' : ''));
  }
  return out;
}

/**
 * parseBlocks against markdown-it's own parse of the same text: the same tokens in the same
 * order, each handed over within a whole top-level block, and every reference definition of
 * the page known before the first block is handed over.
 */
function assertSameBlocks(text: string, what: string): void {
  const whole = markdown().parse(text, {});
  const theirs: Record<string, unknown> = {};
  markdown().parse(text, theirs);
  const env: Record<string, unknown> = {};
  const handed: Token[] = [];
  let known: unknown;
  parseBlocks(text, env, (tokens) => {
    known ??= JSON.stringify(env.references ?? {});
    assert.equal(tokens[0]?.level, 0, `${what}: a block handed over starts at the top level`);
    assert.equal(
      tokens.reduce((n, t) => n + t.nesting, 0),
      0,
      `${what}: a block handed over is whole`,
    );
    handed.push(...tokens);
  });
  assert.deepEqual(shape(handed), shape(whole), `${what}: parseBlocks hands over other tokens than markdown-it makes`);
  assert.deepEqual(env, theirs, `${what}: other reference definitions`);
  if (handed.length > 0)
    assert.equal(known, JSON.stringify(theirs.references ?? {}), `${what}: a definition came late`);
}

describe('markdown-it rules put in place of its own', () => {
  const pages = [join(ROOT, 'test', 'fixtures'), join(ROOT, 'examples'), ...(CORPUS ? [CORPUS] : [])].flatMap((d) =>
    markdownFiles(d),
  );

  it('reads every page of the fixtures, the examples and the corpus as markdown-it does', () => {
    assert.ok(pages.length > 20, `expected Markdown pages to compare, found ${pages.length}`);
    let tables = 0;
    for (const file of pages) {
      const text = readFileSync(file, 'utf8');
      assertSameShape(text, file);
      tables += markdown()
        .parse(text, {})
        .filter((t) => t.type === 'table_open').length;
    }
    assert.ok(tables > 10, `expected tables among the pages, found ${tables}`);
  });

  it('reads corner cases as markdown-it does', () => {
    CORNER_CASES.forEach((text, i) => assertSameShape(text, `corner case ${i}`));
  });

  it('reads seeded random tables as markdown-it does', () => {
    randomTables(7, 5000).forEach((text, i) => assertSameShape(text, `random table ${i}: ${JSON.stringify(text)}`));
  });

  it("marks the lines of every page, corner case and seeded random text as markdown-it's block state does", () => {
    for (const file of pages) assertSameLines(readFileSync(file, 'utf8'), file);
    CORNER_CASES.forEach((text, i) => assertSameLines(text, `corner case ${i}`));
    ['', ' ', '\t', '\n', 'a', '  a', 'a  ', ' \t \n', 'a\n   ', 'a\n\t', '\t\tx\n \t y', '   \n\n  \t\n'].forEach(
      (text) => assertSameLines(text, JSON.stringify(text)),
    );
    randomLines(11, 20000).forEach((text) => assertSameLines(text, JSON.stringify(text)));
  });

  it('hands over the blocks of every page, corner case and seeded random page as markdown-it parses them', () => {
    for (const file of pages) assertSameBlocks(readFileSync(file, 'utf8'), file);
    CORNER_CASES.forEach((text, i) => assertSameBlocks(text, `corner case ${i}`));
    randomPages(13, 3000).forEach((text) => assertSameBlocks(text, JSON.stringify(text)));
  });

  it('ends a table where markdown-it does after many missing cells', () => {
    const text = `|${' c |'.repeat(40)}\n|${'---|'.repeat(40)}\n${'| x |\n'.repeat(1700)}after\n`;
    const ours = markdown().parse(text, {});
    const open = ours.find((t) => t.type === 'table_open');
    assert.ok(
      open?.map && open.map[1] < 1702,
      `the table should stop before its last row, it spans ${open?.map?.join('-')}`,
    );
    assertSameShape(text, 'many missing cells');
  });
});
