import type { DocumentModel } from './document.js';

/**
 * Gives the model's lists room for what they hold and no more. A list grown push by push keeps
 * room for at least 16 more entries (128 bytes), and the model of a workspace holds hundreds
 * of thousands of short lists (a capability's requirements, a test's covers), which their
 * document keeps for as long as its text is unchanged. A copy is exactly as long as the list.
 * Called once, when a parser is done with the document; no list is held in two places then.
 */
export function trimLists(doc: DocumentModel): void {
  doc.identity = trim(doc.identity);
  doc.sections = trim(doc.sections);
  doc.parts = trim(doc.parts);
  doc.capabilities = trim(doc.capabilities);
  for (const c of doc.capabilities) c.requirements = trim(c.requirements);
  doc.requirements = trim(doc.requirements);
  for (const r of doc.requirements) r.seeAlso = trim(r.seeAlso);
  doc.mechanisms = trim(doc.mechanisms);
  for (const m of doc.mechanisms) {
    m.standards = trim(m.standards);
    m.satisfies = trim(m.satisfies);
  }
  doc.guidance = trim(doc.guidance);
  for (const g of doc.guidance) g.mechanisms = trim(g.mechanisms);
  doc.tests = trim(doc.tests);
  for (const t of doc.tests) t.covers = trim(t.covers);
  doc.references = trim(doc.references);
  doc.citations = trim(doc.citations);
  doc.refs = trim(doc.refs);
  doc.links = trim(doc.links);
  doc.anchors = trim(doc.anchors);
  doc.blocks.trim();
  doc.gitbookTags = trim(doc.gitbookTags);
  doc.invisibles = trim(doc.invisibles);
  doc.summary = trim(doc.summary);
  doc.problems = trim(doc.problems);
  doc.suppressions = trim(doc.suppressions);
}

const trim = <T>(list: T[]): T[] => (list.length > 0 ? list.slice() : list);
