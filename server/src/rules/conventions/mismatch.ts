import type { ConventionsDecl } from '../../model/elements.js';
import type { Range } from '../../model/range.js';
import { phraseInfo } from '../../parse/text/keywords.js';
import type { MimRule, RuleContext } from '../rule.js';
import { classifyHits, CONVENTION_NAME, keywordView } from '../support/keyword-classes.js';
import { mimName } from '../support/mim-name.js';

/**
 * conventions/mismatch: a requirement keyword the declared conventions do not define (one of
 * another convention only, or one the declaration does not list or define), and a declaration
 * that lists one set of keywords and defines another. Declared but unused keywords are fine.
 */
export const conventionsMismatch: MimRule = {
  code: 'conventions/mismatch',
  severity: 'warning',
  summary: 'A keyword the declared conventions do not define, or a self-contradicting declaration',
  scope: 'mim',
  check(mim, ctx) {
    for (const doc of mim.documents)
      if (doc.conventions)
        checkDeclaration(doc.conventions, doc.lines.lineRange(doc.conventions.range.start.line), ctx);
    const view = keywordView(mim);
    const convention = view.convention;
    if (!convention) return;
    const decl = mim.conventions;
    const declared = view.declared ? [...view.declared].join(', ') : '';
    for (const r of mim.requirements) {
      if (r.keywords.length === 0) continue;
      const classes = classifyHits(r, view);
      const doc = ctx.documents.get(r.file);
      if (!doc) continue;
      r.keywords.forEach((hit, i) => {
        const range = doc.lines.rangeOf(hit.offset, hit.offset + hit.length);
        if (classes[i] === 'foreign') {
          const other = hit.caseOk[0];
          ctx.report({
            code: 'conventions/mismatch',
            file: r.file,
            range,
            message: `Requirement ${r.id} uses "${hit.written}", ${CONVENTION_NAME[other]} keyword; ${mimName(mim)} declares ${convention}`,
          });
        } else if (classes[i] === 'undeclared' && decl) {
          ctx.report({
            code: 'conventions/mismatch',
            file: r.file,
            range,
            message: `Requirement ${r.id} uses ${hit.written}, which the conventions do not declare (${declared})`,
            related: [{ file: decl.file, range: decl.range, message: 'the conventions in force' }],
          });
        }
      });
    }
  },
};

/** Both a declaring sentence and definitions, naming different keywords: reported once, on the declaration's first line. */
function checkDeclaration(decl: ConventionsDecl, at: Range, ctx: RuleContext): void {
  // Terms such as "Dataset" defined beside the keywords are no keywords.
  const listed = firstOfEach(decl.listed);
  const defined = firstOfEach(decl.defined.filter((k) => phraseInfo(k.key)));
  if (listed.size === 0 || defined.size === 0) return;
  const notDefined = [...listed.values()].filter((k) => !defined.has(k.key));
  const notListed = [...defined.values()].filter((k) => !listed.has(k.key));
  if (notDefined.length === 0 && notListed.length === 0) return;
  const parts: string[] = [];
  if (notDefined.length > 0) parts.push(`listed but not defined: ${notDefined.map((k) => k.key).join(', ')}`);
  if (notListed.length > 0) parts.push(`defined but not listed: ${notListed.map((k) => k.key).join(', ')}`);
  ctx.report({
    code: 'conventions/mismatch',
    file: decl.file,
    range: at,
    message: `The conventions contradict themselves: ${parts.join('; ')}`,
    related: [
      ...notDefined.map((k) => ({
        file: decl.file,
        range: k.range,
        message: `${k.key} is listed here but not defined`,
      })),
      ...notListed.map((k) => ({
        file: decl.file,
        range: k.range,
        message: `${k.key} is defined here but not listed`,
      })),
    ],
  });
}

function firstOfEach(keys: ConventionsDecl['listed']): Map<string, ConventionsDecl['listed'][number]> {
  const out = new Map<string, ConventionsDecl['listed'][number]>();
  for (const k of keys) if (!out.has(k.key)) out.set(k.key, k);
  return out;
}
