import { escapeInline } from '../parse/text/escape-markdown.js';
import { yamlScalar } from '../parse/yaml/write-scalar.js';
import { PART_GUIDANCE, wrapGuidance } from './guidance.js';

/** What every template is made for. */
export interface NewMimInput {
  /** `MIM21`. */
  id: string;
  title: string;
  /** The edition written into the specification. */
  year: number;
}

const comment = (text: string, indent = '') => wrapGuidance(text, `${indent}# `);

// A *.mim.yaml in the Y.MIM structure whose every text tells the author what belongs in its
// place. It checks clean as written, so the first finding an author sees is about their own
// text. The ITU-T variant adds the clauses of a draft Recommendation (itu-block.ts).

/** The specification as text; `ituBlock` appends the Recommendation's clauses. */
export function yamlSpec(input: NewMimInput, variant: 'mim' | 'itu' = 'mim'): string {
  const itu = variant === 'itu';
  const what = itu ? 'Recommendation' : 'MIM';
  const keywords = itu ? { must: 'is required to', should: 'is recommended to' } : { must: 'SHALL', should: 'SHOULD' };
  return `${comment(
    `${input.title} (${input.id}): a ${itu ? 'draft ITU-T Recommendation' : 'MIM specification'} in the ` +
      'Y.MIM structure. mimspec checks this file as you type, "MIM: Open Preview" shows it as its ' +
      'readers will see it, and "mimspec export --to markdown" makes a GitBook repository of it. ' +
      'Each text below says what belongs in its place: replace the text, keep the ids.',
  )}
mim: ${input.id}
title: ${yamlScalar(escapeInline(input.title))}
edition: "${input.year}"
# proposal | work-item | capabilities | specification | governance
status: proposal
# foundational (every city needs it) | application-specific (one domain)
category: application-specific
${comment(
  itu
    ? 'The requirement keywords of ITU-T: "is required to", "is recommended", "can optionally", ' +
        '"is prohibited from", "is not recommended".'
    : 'The requirement keywords: bcp14 (SHALL, SHOULD, MAY, in capitals only), iso (shall, should, ' +
        'may) or itu ("is required to", "is recommended", "can optionally").',
)}
conventions: ${itu ? 'itu' : 'bcp14'}

${comment(PART_GUIDANCE.objective)}
objective: |
  Describe the situation this ${what} improves and who gains from it: which city services,
  which suppliers, which data. A reader should know after this paragraph whether the ${what}
  concerns them.

${comment(PART_GUIDANCE.capabilities)}
capabilities:
  - id: C1
    title: Name what a city can do, as a short sentence
    description: |
      Explain the capability: what a city can do once it is in place, and why that matters to
      the people it serves.
    requirements:
      - id: R1.1
        text: A conforming system ${keywords.must} do the one thing that a test of T1 checks; write that thing here.
      - id: R1.2
        text: A conforming system ${keywords.should} do one further thing; write it here, or remove this requirement and its mapping and test.

${comment(PART_GUIDANCE.mechanisms)}
mechanisms:
  - id: M1
    title: Name the standard or technique
    description: |
      Describe how the mechanism is used for this ${what}: the profile, the options chosen,
      and what a supplier implements.
    satisfies:
      - requirement: R1.1
        how: Say how the mechanism meets R1.1.
      - requirement: R1.2
        how: Say how the mechanism meets R1.2.

${comment(PART_GUIDANCE.guidance)}
interoperabilityGuidance:
  - id: G1
    mechanisms: [M1]
    text: |
      Say how systems built on different mechanisms work together. With a single mechanism,
      say what its implementations agree on beyond the standard itself.

${comment(PART_GUIDANCE.conformance)}
conformance:
  - id: T1
    covers: [R1.1]
    method: manual
    description: Describe the test of R1.1, what the tester does and what result passes.
  - id: T2
    covers: [R1.2]
    method: self-assessment
    description: Describe how a supplier shows that it meets R1.2.
${itu ? '' : referencesExample()}`;
}

/** References are optional in a MIM: shown as a commented example to copy. */
function referencesExample(): string {
  return `
${comment(PART_GUIDANCE.references)}
# references:
#   normative:
#     - { tag: "OGC 17-069r4", title: "OGC API - Features - Part 1: Core", url: "https://docs.ogc.org/is/17-069r4/17-069r4.html" }
#   bibliography:
#     - { tag: "b-ISO/IEC 30182", title: "Smart city concept model" }
`;
}
