import type { DocumentModel } from '../../model/document.js';
import { basename, dirname, relativePath } from '../../base/paths.js';
import type { DocumentRule, RuleContext } from '../rule.js';
import { resolveLink } from '../../query/links.js';
import { summaryLinks } from '../support/summary-links.js';
import { rangeBetween } from '../../model/range.js';
import { escapeLinkText } from '../../parse/text/escape-markdown.js';

/** Repository files that sit beside the pages but are no pages of the book. */
const REPOSITORY_FILE =
  /^(?:licen[cs]e|copying|notice|authors|contributing|code[-_]of[-_]conduct|changelog|changes|security|summary)(?:[-_.][\w-]*)?\.md$/i;

const MD_EXTENSION = /\.md$/i;
/** Characters that need a link destination in angle brackets. */
const NEEDS_ANGLES = /[\s()<>]/;

function pageTitle(doc: DocumentModel): string {
  return doc.title ?? doc.sections[0]?.title ?? basename(doc.file).replace(MD_EXTENSION, '');
}

/**
 * The Markdown pages of the book whose SUMMARY.md is `summary`: those of its folder tree whose
 * nearest SUMMARY.md above is this one (a sub-folder with its own is another book).
 */
function bookPages(summary: DocumentModel, ctx: RuleContext): DocumentModel[] {
  const tree = dirname(summary.file);
  const inner = new Set<string>();
  const pages: DocumentModel[] = [];
  for (const d of ctx.documentsUnder(tree)) {
    if (d === summary || d.kind !== 'markdown') continue;
    if (d.role === 'summary') inner.add(dirname(d.file));
    else if (!REPOSITORY_FILE.test(basename(d.file))) pages.push(d);
  }
  const own = (file: string) => {
    for (let dir = dirname(file); dir !== tree; dir = dirname(dir)) if (inner.has(dir)) return false;
    return true;
  };
  return pages.filter((d) => inner.size === 0 || own(d.file)).sort((a, b) => (a.file < b.file ? -1 : 1));
}

/**
 * gitbook/summary: a SUMMARY.md entry whose page is missing, and each Markdown page of the
 * SUMMARY's folder tree that no entry lists (reported on the SUMMARY, where it is added).
 */
export const gitbookSummary: DocumentRule = {
  code: 'gitbook/summary',
  severity: 'warning',
  summary: 'SUMMARY.md lists a missing page, or a page is not listed',
  scope: 'document',
  check(doc, ctx) {
    if (doc.role !== 'summary' || doc.skipped) return;
    const listed = new Set<string>();
    for (const link of summaryLinks(doc).values()) {
      const t = resolveLink(link, doc.file, ctx);
      if (!t?.path) continue;
      listed.add(t.path);
      // An entry out of the repository is link/outside-repository's.
      if (t.outside || ctx.exists(t.path)) continue;
      ctx.report({
        code: 'gitbook/summary',
        file: doc.file,
        range: link.targetRange,
        message: `SUMMARY.md lists '${link.target.split('#')[0]}', which does not exist`,
      });
    }
    const last = doc.summary[doc.summary.length - 1];
    const at = last ? last.range.end : doc.lines.positionAt(doc.text.length);
    const range = last ? doc.lines.lineRange(last.range.start.line) : doc.lines.lineRange(0);
    for (const page of bookPages(doc, ctx)) {
      if (listed.has(page.file)) continue;
      const rel = relativePath(dirname(doc.file), page.file);
      const target = NEEDS_ANGLES.test(rel) ? `<${rel}>` : rel;
      ctx.report({
        code: 'gitbook/summary',
        file: doc.file,
        range,
        message: `${rel} is not listed in SUMMARY.md`,
        related: [{ file: page.file, range: page.lines.lineRange(0), message: `the page ${rel}` }],
        fixes: [
          {
            title: `List ${rel} in SUMMARY.md`,
            edits: [
              {
                file: doc.file,
                range: rangeBetween(at, at),
                newText: `\n* [${escapeLinkText(pageTitle(page))}](${target})`,
              },
            ],
          },
        ],
      });
    }
  },
};
