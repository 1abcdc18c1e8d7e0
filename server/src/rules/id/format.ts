import type { IdRef, MimElement } from '../../model/elements.js';
import { ELEMENT_PREFIX, type ElementKind } from '../../model/ids.js';
import { parseLocalId } from '../../parse/text/ids.js';
import { stripInvisibles } from '../../parse/text/invisible.js';
import type { DocumentRule, RuleContext } from '../rule.js';
import { KIND_NAME } from '../support/elements.js';

const FORM: Record<ElementKind, string> = {
  capability: 'C<n>, e.g. C1',
  requirement: 'R<capability>.<n>, e.g. R1.1',
  mechanism: 'M<n>, e.g. M1',
  guidance: 'G<n>, e.g. G1',
  test: 'T<n>, e.g. T1',
};

const CANONICAL_REQUIREMENT = /^R\d+\.\d+[a-z]?$/;

/**
 * id/format: an element id that does not follow mim-format §2 (`R.1`, `C.1`, `RC1.1`, `C01`,
 * flat `R4`), and a reference written in a legacy form (`MIM3.C5.R0`, `RC1.1`). The message
 * gives the expected form; the quick fix writes the canonical id where there is one.
 */
export const idFormat: DocumentRule = {
  codes: ['id/format'],
  scope: 'document',
  local: true,
  check(doc, ctx) {
    const elements: MimElement[] = [...doc.capabilities, ...doc.requirements, ...doc.mechanisms, ...doc.guidance, ...doc.tests];
    for (const e of elements) if (e.malformed) element(e, ctx);
    for (const ref of doc.refs) if (ref.legacy) reference(ref, ctx);
  },
};

function element(e: MimElement, ctx: RuleContext): void {
  const written = stripInvisibles(e.rawId).trim();
  const parsed = parseLocalId(written);
  let canonical = parsed && parsed.kind === e.kind ? parsed.id : undefined;
  let where = '';
  if (canonical && e.kind === 'requirement' && !CANONICAL_REQUIREMENT.test(canonical)) {
    // A flat `R4` or `R.4` takes the number of the capability it is written under.
    const cap = e.capability ? /^C(\d+)$/.exec(e.capability)?.[1] : undefined;
    canonical = cap ? `R${cap}.${canonical.slice(1)}` : undefined;
    where = cap ? `under ${e.capability} ` : '';
  }
  report(ctx, e.file, e.idRange, written, e.kind, canonical && `${where}write ${canonical}`, canonical);
}

function reference(ref: IdRef, ctx: RuleContext): void {
  const target = ref.target;
  if (!target) return;
  const local = target.kind !== 'requirement' || CANONICAL_REQUIREMENT.test(target.id) ? target.id : undefined;
  const canonical = local && (ref.mim ? `${ref.mim}.${local}` : local);
  if (canonical && ref.mim && target.kind === 'requirement' && /\.C\d+\.R/.test(ref.text)) {
    return report(ctx, ref.file, ref.range, ref.text, target.kind, `write ${canonical}`, canonical, 'is a legacy dotted path');
  }
  report(ctx, ref.file, ref.range, ref.text, target.kind, canonical && `write ${canonical}`, canonical);
}

function report(ctx: RuleContext, file: string, range: MimElement['idRange'], written: string, kind: ElementKind, advice: string | undefined, canonical: string | undefined, what = `is not a ${KIND_NAME[kind]} id`): void {
  ctx.report({
    code: 'id/format',
    file,
    range,
    message: `${written} ${what}: ${advice ?? `write ${FORM[kind]}`}`,
    fixes: canonical ? [{ title: `Write ${canonical}`, edits: [{ file, range, newText: canonical }] }] : undefined,
  });
}
void ELEMENT_PREFIX;
