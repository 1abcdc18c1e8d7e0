import { elementsOf, type IdRef, type MimElement } from '../../model/elements.js';
import { type ElementKind, intendedId, parseLocalId } from '../../model/ids.js';
import type { Range } from '../../model/range.js';
import { stripInvisibles } from '../../parse/text/invisible.js';
import type { DocumentRule, RuleContext } from '../rule.js';
import { KIND_NAME } from '../../query/elements.js';

const FORM: Record<ElementKind, string> = {
  capability: 'C<n>, e.g. C1',
  requirement: 'R<capability>.<n>, e.g. R1.1',
  mechanism: 'M<n>, e.g. M1',
  guidance: 'G<n>, e.g. G1',
  test: 'T<n>, e.g. T1',
};

interface Verdict {
  file: string;
  range: Range;
  written: string;
  kind: ElementKind;
  /** The id to write instead, when there is one. */
  canonical?: string;
  /** Said before the canonical id, e.g. `under C1 `. */
  context?: string;
  what?: string;
}

/**
 * id/format: an element id that does not follow mim-format §2 (`R.1`, `C.1`, `RC1.1`, `C01`,
 * flat `R4`), and a reference written in a legacy form (`MIM3.C5.R0`, `RC1.1`). The message
 * gives the expected form; the quick fix writes the canonical id where there is one.
 */
export const idFormat: DocumentRule = {
  code: 'id/format',
  severity: 'error',
  summary: 'An id that does not follow the MIM id forms',
  scope: 'document',
  check(doc, ctx) {
    for (const e of elementsOf(doc)) if (e.malformed) report(ctx, elementVerdict(e));
    for (const ref of doc.refs) if (ref.legacy && ref.target) report(ctx, refVerdict(ref, ref.target));
  },
};

function elementVerdict(e: MimElement): Verdict {
  const written = stripInvisibles(e.rawId).trim();
  const parsed = parseLocalId(written);
  const v: Verdict = { file: e.file, range: e.idRange, written, kind: e.kind };
  if (!parsed || parsed.kind !== e.kind) return v;
  const capability = e.kind === 'requirement' ? e.capability : undefined;
  const canonical = intendedId(parsed, capability);
  if (!canonical) return v;
  // A flat `R4` or `R.4` takes the number of the capability it is written under.
  return canonical === parsed.id ? { ...v, canonical } : { ...v, canonical, context: `under ${capability} ` };
}

function refVerdict(ref: IdRef, target: NonNullable<IdRef['target']>): Verdict {
  const v: Verdict = { file: ref.file, range: ref.range, written: ref.text, kind: target.kind };
  const local = intendedId(target);
  if (!local) return v;
  const canonical = ref.mim ? `${ref.mim}.${local}` : local;
  const dotted = ref.mim !== undefined && /\.C\d+\.R/.test(ref.text);
  return { ...v, canonical, ...(dotted && { what: 'is a legacy dotted path' }) };
}

function report(ctx: RuleContext, v: Verdict): void {
  const advice = v.canonical ? `${v.context ?? ''}write ${v.canonical}` : `write ${FORM[v.kind]}`;
  ctx.report({
    code: 'id/format',
    file: v.file,
    range: v.range,
    message: `${v.written} ${v.what ?? `is not a ${KIND_NAME[v.kind]} id`}: ${advice}`,
    fixes: v.canonical
      ? [{ title: `Write ${v.canonical}`, edits: [{ file: v.file, range: v.range, newText: v.canonical }] }]
      : undefined,
  });
}
