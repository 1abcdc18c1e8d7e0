import type { DocumentModel } from '../../model/document.js';
import { basename, dirname, isInside, relativePath } from '../../workspace/paths.js';
import type { DocumentRule, RuleContext } from '../rule.js';
import { resolveLink } from '../support/link-target.js';
import { summaryLinks } from '../support/summary-links.js';

/** Whether `summary` is the nearest SUMMARY.md above `file`: a sub-folder with its own is another book. */
function governedBy(file: string, summaryDir: string, summaryDirs: Set<string>): boolean {
  for (let d = dirname(file); d !== summaryDir; d = dirname(d)) {
    if (summaryDirs.has(d) || d === '/') return false;
  }
  return true;
}

function pageTitle(doc: DocumentModel): string {
  return doc.title ?? doc.sections[0]?.title ?? basename(doc.file).replace(/\.md$/i, '');
}

function unlistedPages(doc: DocumentModel, listed: Set<string>, ctx: RuleContext): DocumentModel[] {
  const tree = dirname(doc.file);
  const summaryDirs = new Set<string>();
  for (const d of ctx.documents.values()) if (d.role === 'summary') summaryDirs.add(dirname(d.file));
  const out: DocumentModel[] = [];
  for (const d of ctx.documents.values()) {
    if (d.kind !== 'markdown' || d.role === 'summary' || listed.has(d.file) || !isInside(d.file, tree)) continue;
    if (basename(d.file).toLowerCase() === 'summary.md' || !governedBy(d.file, tree, summaryDirs)) continue;
    out.push(d);
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : 1));
}

/**
 * gitbook/summary: a SUMMARY.md entry whose page is missing, and each Markdown page of the
 * SUMMARY's folder tree that no entry lists (reported on the SUMMARY, where it is added).
 */
export const gitbookSummary: DocumentRule = {
  codes: ['gitbook/summary'],
  scope: 'document',
  check(doc, ctx) {
    if (doc.role !== 'summary' || doc.skipped) return;
    const listed = new Set<string>();
    for (const link of summaryLinks(doc).values()) {
      const t = resolveLink(link, doc.file, ctx, ctx.repositoryRoot);
      if (!t?.path) continue;
      listed.add(t.path);
      if (ctx.exists(t.path)) continue;
      ctx.report({ code: 'gitbook/summary', file: doc.file, range: link.targetRange, message: `SUMMARY.md lists '${link.target.split('#')[0]}', which does not exist` });
    }
    const last = doc.summary[doc.summary.length - 1];
    const at = last ? last.range.end : doc.lines.positionAt(doc.text.length);
    const range = last ? doc.lines.lineRange(last.range.start.line) : doc.lines.lineRange(0);
    for (const page of unlistedPages(doc, listed, ctx)) {
      const rel = relativePath(dirname(doc.file), page.file);
      const target = /[\s()<>]/.test(rel) ? `<${rel}>` : rel;
      ctx.report({
        code: 'gitbook/summary',
        file: doc.file,
        range,
        message: `${rel} is not listed in SUMMARY.md`,
        related: [{ file: page.file, range: page.lines.lineRange(0), message: `the page ${rel}` }],
        fixes: [{ title: `List ${rel} in SUMMARY.md`, edits: [{ file: doc.file, range: { start: at, end: at }, newText: `\n* [${pageTitle(page)}](${target})` }] }],
      });
    }
  },
};
