import type { Token } from 'markdown-it';
import type { LinkForm } from '../../model/elements.js';
import { foldSpace } from '../text/white-space.js';
import type { OffsetMap } from './inline-map.js';
import { markdown, type InlineMeta } from './markdown-it.js';
import type { PageSink } from './page-sink.js';

interface Reader extends PageSink {
  /** The block parse's environment: reference definitions for `[text][label]` links. */
  readonly env: Record<string, unknown>;
}

const ANCHOR = /<a\s+(?:[^>]*?\s)?(?:id|name)\s*=\s*["']([^"']+)["']/gi;
const HREF = /<(?:a|img)\s+(?:[^>]*?\s)?(?:href|src)\s*=\s*["']([^"']+)["']/gi;

function addLink(
  r: Reader,
  target: string,
  text: string | undefined,
  form: LinkForm,
  map: OffsetMap,
  start: number,
  end: number,
  tStart: number,
  tEnd: number,
): void {
  const lines = r.lineIndex;
  r.doc.links.push({
    target,
    text,
    form,
    file: r.doc.file,
    range: lines.rangeOf(map.toDocument(start), map.toDocument(end)),
    targetRange: lines.rangeOf(map.toDocument(tStart), map.toDocument(tEnd)),
  });
}

/** Anchors (`<a id>`) and links (`<a href>`, `<img src>`) written as raw HTML. */
function html(r: Reader, content: string, map: OffsetMap): void {
  if (!content.includes('<')) return;
  ANCHOR.lastIndex = 0;
  for (let m = ANCHOR.exec(content); m; m = ANCHOR.exec(content)) {
    const at = m.index + m[0].lastIndexOf(m[1]);
    r.doc.anchors.push({
      id: m[1],
      file: r.doc.file,
      range: r.lineIndex.rangeOf(map.toDocument(at), map.toDocument(at + m[1].length)),
      source: 'html',
    });
  }
  HREF.lastIndex = 0;
  for (let m = HREF.exec(content); m; m = HREF.exec(content)) {
    const at = m.index + m[0].lastIndexOf(m[1]);
    addLink(r, m[1], undefined, 'html', map, m.index, m.index + m[0].length, at, at + m[1].length);
  }
}

/** Whether inline Markdown can hold a link or a tag at all; two native searches beat one character class. */
const mayHoldLink = (s: string) => s.indexOf('[') !== -1 || s.indexOf('<') !== -1;

/**
 * Links in an inline token's children. markdown-it decided each link; the position plugin
 * recorded where its source and destination are.
 */
function tokens(r: Reader, inline: Token, map: OffsetMap): void {
  const src = inline.content;
  // The block parse leaves inline tokens empty (see markdown-it.ts): each is parsed here, where
  // needed, once (a SUMMARY.md entry is read for its link, then as any list item).
  if (!mayHoldLink(src)) return;
  if (!inline.children?.length) inline.children = inlineTokens(src, r.env);
  const children = inline.children;
  for (let i = 0; i < children.length; i++) {
    const t = children[i];
    const meta = t.meta as unknown as InlineMeta | undefined;
    if (t.type === 'html_inline' && meta) {
      html(r, t.content, { toDocument: (o: number) => map.toDocument(meta.start + o) } as OffsetMap);
      continue;
    }
    if (t.type !== 'link_open' || !meta) continue;
    let text = '';
    let j = i + 1;
    for (; j < children.length && children[j].type !== 'link_close'; j++) {
      // `text_special` holds a backslash escape (`\_`), which the lazy inline parse leaves unjoined.
      const type = children[j].type;
      if (type === 'text' || type === 'text_special' || type === 'code_inline') text += children[j].content;
      // A line break inside the link's text still parts its words.
      else if (type === 'softbreak' || type === 'hardbreak') text += ' ';
    }
    i = j;
    const href = String(t.attrGet('href') ?? '');
    if (t.markup === 'autolink' || t.info === 'auto') {
      addLink(r, href, foldSpace(text), 'autolink', map, meta.start, meta.end, meta.start + 1, meta.end - 1);
    } else if (meta.destStart !== undefined && meta.destEnd !== undefined) {
      let ds = meta.destStart;
      let de = meta.destEnd;
      if (src[ds] === '<' && src[de - 1] === '>') {
        ds++;
        de--;
      }
      const raw = src.slice(ds, de).replace(/\\([!-/:-@[-`{-~])/g, '$1');
      addLink(
        r,
        raw,
        foldSpace(text),
        src[meta.destStart] === '<' ? 'angle' : 'inline',
        map,
        meta.start,
        meta.end,
        ds,
        de,
      );
    } else {
      let decoded = href;
      try {
        decoded = decodeURI(href);
      } catch {
        // keep the encoded form
      }
      addLink(r, decoded, foldSpace(text), 'reference', map, meta.start, meta.end, meta.start, meta.end);
    }
  }
}

/** Links in raw inline Markdown that was not tokenized with its block (a table cell): `tokens` parses it as for any inline token. */
function inline(r: Reader, content: string, map: OffsetMap): void {
  tokens(r, { content, children: null } as Token, map);
}

/** Runs markdown-it's inline parser alone (its core 'inline' rule is off). */
function inlineTokens(src: string, env: Record<string, unknown>): Token[] {
  const md = markdown();
  const out: Token[] = [];
  md.inline.parse(src, md, env, out);
  return out;
}

export const readLinks = { html, tokens, inline };
