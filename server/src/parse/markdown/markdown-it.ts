import MarkdownIt from 'markdown-it';
import type { StateBlock, StateInline, Token } from 'markdown-it';
import { useLineMarks } from './line-marks.js';
import { tableRows } from './table-block-rule.js';

type Md = InstanceType<typeof MarkdownIt>;

/** Source positions markdown-it does not keep on inline tokens; offsets are into the inline token's content. */
export interface InlineMeta {
  start: number;
  end: number;
  /** For links: where the destination is written, and how. */
  destStart?: number;
  destEnd?: number;
}

type InlineRule = (state: StateInline, silent: boolean) => boolean;

/**
 * Wraps one of markdown-it's own inline rules so that the token it opens records the span of
 * source it consumed. The rule itself still decides what is a link: nothing is re-parsed here.
 */
function recordSpan(md: Md, name: string, opens: string, withDestination: boolean): void {
  const rules = (md.inline.ruler as unknown as { __rules__: { name: string; fn: InlineRule }[] }).__rules__;
  const original = rules.find((r) => r.name === name)?.fn;
  if (!original) return;
  md.inline.ruler.at(name, (state: StateInline, silent: boolean) => {
    const start = state.pos;
    const before = state.tokens.length;
    if (!original(state, silent)) return false;
    if (silent) return true;
    const token = state.tokens.slice(before).find((t: Token) => t.type === opens);
    if (token) {
      const meta: InlineMeta = { start, end: state.pos };
      if (withDestination) Object.assign(meta, destinationOf(state, start));
      token.meta = meta as unknown as Record<string, unknown>;
    }
    return true;
  });
}

/** Finds the raw `(destination)` of an inline link using markdown-it's own helpers. */
function destinationOf(state: StateInline, start: number): Partial<InlineMeta> {
  const labelEnd = state.md.helpers.parseLinkLabel(state, start, true);
  if (labelEnd < 0 || state.src.charCodeAt(labelEnd + 1) !== 0x28 /* ( */) return {};
  let pos = labelEnd + 2;
  while (pos < state.posMax && /\s/.test(state.src[pos])) pos++;
  const res = state.md.helpers.parseLinkDestination(state.src, pos, state.posMax);
  return res.ok ? { destStart: pos, destEnd: res.pos } : {};
}

let instance: Md | undefined;

/** One configured parser, shared: CommonMark + GFM tables (rows only), raw HTML kept, positions recorded. */
export function markdown(): Md {
  if (instance) return instance;
  const md = new MarkdownIt({ html: true, linkify: false });
  recordSpan(md, 'link', 'link_open', true);
  recordSpan(md, 'autolink', 'link_open', false);
  recordSpan(md, 'html_inline', 'html_inline', false);
  // Inline structure matters only where a link or tag can be: readers parse it lazily there.
  md.core.ruler.disable(['inline', 'text_join']);
  // Tables keep markdown-it's shape but not its cells, which the reader splits from the source.
  md.block.ruler.at('table', tableRows, { alt: ['paragraph', 'reference'] });
  // The block state's table of lines is read with native searches (line-marks.ts).
  useLineMarks(md);
  // markdown-it's first rule makes every line break LF and every NUL U+FFFD, with two replaces
  // over the whole text; a text that holds neither is left as it is, unscanned by them.
  md.core.ruler.at('normalize', (state) => {
    const src = state.src;
    if (src.indexOf('\r') !== -1 || src.indexOf('\0') !== -1)
      state.src = src.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');
  });
  handOverBlocks(md);
  instance = md;
  return md;
}

type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;

/** Where `parseBlocks` hands the tokens of each block of the page it parses; unset otherwise. */
let sink: ((tokens: Token[]) => void) | undefined;

/**
 * Makes every block rule that matched at the top level of a page hand the tokens it made to
 * the sink, which reads them, and let them go. markdown-it keeps every token of a page until
 * its parse ends: about 200 bytes a token, 250 MB for a page of 5 MB. A rule that matches at
 * the top level has made the whole of its block (a list with its items, a table with its rows),
 * and no rule looks back at the tokens of a block before its own. Inside a container (a quote,
 * a list item) the level is above zero, and a rule asked only whether it would match (silent)
 * makes no tokens.
 */
function handOverBlocks(md: Md): void {
  const ruler = md.block.ruler as unknown as { __rules__: { fn: BlockRule }[]; __cache__: unknown };
  for (const rule of ruler.__rules__) {
    const fn = rule.fn;
    rule.fn = (state, startLine, endLine, silent) => {
      const top = state.level === 0;
      if (!fn(state, startLine, endLine, silent)) return false;
      if (top && !silent && sink && state.tokens.length > 0) {
        const tokens = withoutDefinitions(state.tokens.splice(0));
        if (tokens.length > 0) sink(tokens);
      }
      return true;
    };
  }
  ruler.__cache__ = null;
}

/** markdown-it drops the tokens of reference definitions once the parse is done (`strip_references`): so are they here. */
function withoutDefinitions(tokens: Token[]): Token[] {
  return tokens.some((t) => t.type === 'reference_definition')
    ? tokens.filter((t) => t.type !== 'reference_definition')
    : tokens;
}

/**
 * Parses a page, handing the tokens of each top-level block to `onBlock` in order as soon as
 * the block is read; none is kept once handed over. Links written by reference may name a
 * definition further down the page, which the reader of a block must know already: a page
 * that may hold one (a `]:` in it) is first parsed for its definitions alone, into `env`.
 */
export function parseBlocks(src: string, env: Record<string, unknown>, onBlock: (tokens: Token[]) => void): void {
  const md = markdown();
  const outer = sink;
  try {
    if (src.includes(']:')) {
      sink = () => undefined;
      md.parse(src, env);
    }
    sink = onBlock;
    const rest = md.parse(src, env);
    if (rest.length > 0) onBlock(rest);
  } finally {
    sink = outer;
  }
}
