import type { MimElement } from '../../model/elements.js';
import type { DocumentRule } from '../rule.js';

const KIND_TITLE: Record<MimElement['kind'], string> = {
  capability: 'Capability',
  requirement: 'Requirement',
  mechanism: 'Mechanism',
  guidance: 'Guidance',
  test: 'Test',
};

/**
 * id/no-title: a capability, mechanism, guidance or test heading that is only its id (`## C2`).
 * In a *.mim.yaml only capabilities and mechanisms are expected to have a title: the
 * reference shape (mim-format §3.3) gives guidance and tests none.
 */
export const idNoTitle: DocumentRule = {
  code: 'id/no-title',
  severity: 'warning',
  summary: 'A capability, mechanism, guidance or test heading that is only an id',
  scope: 'document',
  check(doc, ctx) {
    const yaml = doc.kind === 'mim-yaml';
    const elements: MimElement[] = yaml
      ? [...doc.capabilities, ...doc.mechanisms]
      : [...doc.capabilities, ...doc.mechanisms, ...doc.guidance, ...doc.tests];
    for (const e of elements) {
      if (e.title.trim() !== '' || e.id === '') continue;
      ctx.report({
        code: 'id/no-title',
        file: e.file,
        range: e.idRange,
        message: `${KIND_TITLE[e.kind]}${yaml ? '' : ' heading'} ${e.id} has no title`,
      });
    }
  },
};
