import { PART_GUIDANCE, wrapGuidance } from './guidance.js';

const comment = (text: string) => wrapGuidance(text, '# ');

/**
 * What a draft ITU-T Recommendation holds around the five parts (mim-format §3.3, the `itu:`
 * block; the references and conventions clauses come from the top-level keys), in ITU-T order.
 * The references are two real documents every Recommendation in this structure may cite;
 * they are meant to be replaced or kept on purpose.
 */
export function ituBlock(): string {
  return `
${comment(PART_GUIDANCE.references)}
references:
  normative:
    - { tag: "ITU-T Y.4200", title: "Requirements for the interoperability of smart city platforms", url: "https://www.itu.int/rec/T-REC-Y.4200" }
  bibliography:
    - { tag: "b-ISO/IEC 30182", title: "Smart city concept model - Guidance for establishing a model for data interoperability" }

${comment(
  'The clauses of a draft Recommendation before and after the five parts: summary, keywords ' +
    '(in alphabetical order), scope, definitions (terms defined elsewhere, with their source, and ' +
    'terms defined here), abbreviations (each one used in the text), then annexes and appendices.',
)}
itu:
  summary: |
    Summarise in one paragraph what this Recommendation specifies and for whom, as it will
    appear in the ITU-T catalogue. It builds on the platform interoperability requirements of
    [ITU-T Y.4200].
  keywords: [interoperability, minimal interoperability mechanism, smart city]
  scope: |
    Say what this Recommendation covers and what it leaves to other Recommendations, in the
    vocabulary of the smart city concept model [b-ISO/IEC 30182].
  definitions:
    here:
      - term: minimal interoperability mechanism (MIM)
        definition: A minimal but sufficient capability needed to achieve interoperability of data, systems and services between cities and their suppliers.
  abbreviations:
    - { abbr: MIM, expansion: Minimal Interoperability Mechanism }
`;
}
