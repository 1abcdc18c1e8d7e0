import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';

// Prose of the model (an objective, a description, a guidance text) is Markdown and goes into
// a page as written, but on a page a few of its lines would be read as more than prose: a
// heading is a section (which closes the element it stands under, may open a part, a list of
// references or the conventions, or be an empty section; `## C9 Title` opens an element), a
// paragraph or item that starts with an id is a requirement, and `Covers:` under a test
// heading lists what it covers. Those lines alone are rewritten, so that the page shows much
// the same and reads back as prose: a heading becomes a paragraph in bold, and a leading id or
// label gets its first letter as a character reference (`&#82;1.1`), which a reader sees as
// the letter and the page reader does not take for an id.

// Parsed as the page reader parses: raw HTML is a block of its own, whose lines are not Markdown.
const md = new MarkdownIt({ html: true, linkify: false });

/** An element id or a long form at the start of a line's text: `R1.1`, `C.1`, `RC1.1`, `M2`, `Mechanism 3`. */
const LEADING_ID = /^[\s*_`]*(?:[CRMGT]C?\.?\d|(?:Mechanism|Capability|Guidance|Test)\s+\d)/;
/** The label of a line that lists ids or values under an element heading. */
const LEADING_LABEL = /^[\s*_]*(?:Mechanisms|Covers|Standards|Method)[\s*_]*:/i;
const FIRST_LETTER = /[A-Za-z]/;

/** Prose as a page holds it: trailing blank lines gone, no heading, no line read as an element. */
export function placeProse(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').replace(/\s+$/, '').split('\n');
  const tokens = md.parse(lines.join('\n'), {});
  // From the end, so that the lines of the tokens still to come stay where their maps say.
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i];
    if (!t.map) continue;
    if (t.type === 'heading_open') placeHeading(lines, t, tokens[i + 1]);
    else if (t.type === 'paragraph_open') guardStart(lines, t.map[0], tokens[i + 1]?.content ?? '');
  }
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  return lines.join('\n');
}

/**
 * A heading as a paragraph of its text in bold, between blank lines (a heading may follow a
 * paragraph with none, a paragraph not), in the quote or list item it stands in.
 */
function placeHeading(lines: string[], open: Token, inline: Token | undefined): void {
  const [first, end] = open.map!;
  const text = (inline?.content ?? '').replace(/\n/g, ' ').trim();
  // What stands before the heading on its line: a quote's `>`, a list item's marker.
  const atx = open.markup.startsWith('#') ? /^(.*?)#{1,6}(?=\s|$)/.exec(lines[first]) : null;
  const before = atx ? atx[1] : /^[\s>]*/.exec(lines[first])![0];
  const blank = before.replace(/[^>]/g, ' ').trimEnd();
  const isBlank = (k: number) => k < 0 || k >= lines.length || lines[k].replace(/[\s>]/g, '') === '';
  const bold = text ? [`${before}**${guardText(text)}**`] : [];
  const around = (k: number) => (isBlank(k) ? [] : [blank]);
  lines.splice(first, end - first, ...around(first - 1), ...bold, ...around(end));
}

/** A paragraph's first line, where its text would read as an id or a label. */
function guardStart(lines: string[], line: number, content: string): void {
  const head = content.split('\n')[0];
  const at = lines[line].indexOf(head);
  if (head === '' || at < 0) return;
  lines[line] = lines[line].slice(0, at) + guardText(lines[line].slice(at));
}

function guardText(text: string): string {
  if (!LEADING_ID.test(text) && !LEADING_LABEL.test(text)) return text;
  const at = FIRST_LETTER.exec(text)!.index;
  return `${text.slice(0, at)}&#${text.charCodeAt(at)};${text.slice(at + 1)}`;
}
