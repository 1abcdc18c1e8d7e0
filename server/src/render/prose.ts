import MarkdownIt from 'markdown-it';
import type { StateCore, Token } from 'markdown-it';

// The model's prose (an objective, a description, a page's text under a part) as HTML: raw HTML
// is text, a link goes only to the web, a mail address or a place in the document, an image is
// a link to it (a view loads nothing), a MIM named in the text is a cross-reference, and each
// block carries its source line.

/** Where a piece of prose is written: the file's URI (escaped by markdown-it) and the line its first line is on. */
export interface ProseEnv {
  uri: string;
  line: number;
}

const SAFE_SCHEME = /^(?:https?:|mailto:)/i;
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

md.validateLink = (url: string): boolean => {
  // Control characters and white space inside a scheme would hide it from the test below.
  const clean = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  return SAFE_SCHEME.test(clean) || !ANY_SCHEME.test(clean);
};

md.renderer.rules.image = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  const src = String(token.attrGet('src') ?? '');
  const alt = self.renderInlineAsText(token.children ?? [], options, env) || src;
  return `<a class="image-link" href="${md.utils.escapeHtml(src)}">${md.utils.escapeHtml(`[image: ${alt}]`)}</a>`;
};

/** A MIM named in prose, `MIM2` or `MIM 2` with an element after it (`MIM2.R1.1`). */
const MIM_REF = /\bMIM ?(\d+)((?:\.[A-Z]{1,2}\d+(?:\.\d+)*)?)\b/g;

function linkXrefs(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const out: Token[] = [];
    let inLink = 0;
    for (const t of block.children) {
      if (t.type === 'link_open') inLink++;
      if (t.type === 'link_close') inLink--;
      if (t.type !== 'text' || inLink > 0 || !t.content.includes('MIM')) {
        out.push(t);
        continue;
      }
      let last = 0;
      for (const m of t.content.matchAll(MIM_REF)) {
        if (m.index > last) out.push(text(state, t.content.slice(last, m.index)));
        const open = new state.Token('link_open', 'a', 1);
        open.attrs = [
          ['class', 'mim-xref'],
          ['data-mim', `MIM${m[1]}`],
          ['href', '#'],
        ];
        if (m[2]) open.attrs.push(['data-id', m[2].slice(1)]);
        out.push(open, text(state, m[0]), new state.Token('link_close', 'a', -1));
        last = m.index + m[0].length;
      }
      if (last < t.content.length) out.push(text(state, t.content.slice(last)));
    }
    block.children = out;
  }
}

function text(state: StateCore, content: string): Token {
  const t = new state.Token('text', '', 0);
  t.content = content;
  return t;
}

/** A table column's alignment as a class: a style attribute is what a strict policy refuses (and says so). */
function alignClasses(state: StateCore): void {
  for (const t of state.tokens) {
    if (t.type !== 'th_open' && t.type !== 'td_open') continue;
    const style = t.attrGet('style');
    if (style === null) continue;
    t.attrs = (t.attrs ?? []).filter(([name]) => name !== 'style');
    const align = /text-align:\s*(left|right|center)/.exec(String(style));
    if (align) t.attrJoin('class', `align-${align[1]}`);
  }
}

/** Every block that opens on a source line says which, offset by where the prose starts. */
function sourceLines(state: StateCore): void {
  const env = state.env as unknown as Partial<ProseEnv>;
  if (env.uri === undefined || env.line === undefined) return;
  for (const t of state.tokens) {
    if (!t.map || t.nesting < 0 || t.type === 'inline') continue;
    t.attrSet('data-uri', env.uri);
    t.attrSet('data-line', String(env.line + t.map[0]));
  }
}

md.core.ruler.push('mim_xrefs', linkXrefs);
md.core.ruler.push('source_lines', sourceLines);
md.core.ruler.push('align_classes', alignClasses);

/** Markdown prose as HTML blocks; empty for a text of white space. */
export function renderProse(markdown: string, env: ProseEnv, cache?: ProseCache): string {
  if (markdown.trim() === '') return '';
  if (!cache) return md.render(markdown, { ...env });
  const key = `${env.uri}\n${env.line}\n${markdown}`;
  let html = cache.get(key);
  if (html === undefined) {
    html = md.render(markdown, { ...env });
    cache.set(key, html);
  }
  return html;
}

/**
 * The prose of the last render, reused by the next: after a keystroke in a long MIM, only the
 * text that changed (or moved to another line) goes through markdown-it again. The owner calls
 * `rotate()` after each render, which forgets what that render did not use.
 */
export class ProseCache {
  private previous = new Map<string, string>();
  private current = new Map<string, string>();

  get(key: string): string | undefined {
    const hit = this.current.get(key) ?? this.previous.get(key);
    if (hit !== undefined) this.current.set(key, hit);
    return hit;
  }

  set(key: string, html: string): void {
    this.current.set(key, html);
  }

  rotate(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}

/** One line of inline Markdown (a title, a cell) as HTML, with no block around it. */
export function renderInline(markdown: string): string {
  return md.renderInline(markdown, {});
}
