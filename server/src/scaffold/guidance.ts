import type { PartName } from '../model/elements.js';

// What an author needs to know about each part while writing it, said once: the YAML
// template puts it in comments above the part's key, the GitBook template in an HTML comment
// at the top of the part's page (GitBook does not show those to readers).

export const PART_GUIDANCE: Record<PartName | 'references', string> = {
  objective:
    'Part 1, Objective: what a city achieves when suppliers meet this MIM, and for whom. ' +
    'No obligations here: they belong to the requirements.',
  capabilities:
    'Part 2, Capabilities and Requirements: the only normative part. A capability (C1, C2, ...) ' +
    'is something a city can do once the MIM is in place; each of its requirements (R1.1, R1.2, ...) ' +
    'is one obligation a test can check, with exactly one keyword of the declared conventions.',
  mechanisms:
    'Part 3, Mechanisms: the standards or techniques that meet the requirements. Each mechanism ' +
    'maps every requirement it satisfies and says how; cite each standard it names from the references.',
  guidance:
    'Part 4, Interoperability Guidance: how systems built on different mechanisms of this MIM ' +
    'work together (a gateway, a shared profile, a conversion). Informative: no keywords.',
  conformance:
    'Part 5, Conformance and Compliance Testing: one test for each requirement, saying what is ' +
    'done and what passes; method automated, manual or self-assessment.',
  references:
    'References: each standard the mechanisms cite, by the tag used in the text ([OGC 17-069r4]); ' +
    'bibliography entries, which are not required to apply the MIM, take a b- prefix ([b-ISO 37120]).',
};

/** The guidance wrapped at `width` columns, each line prefixed (for comments). */
export function wrapGuidance(text: string, prefix: string, width = 96): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && prefix.length + line.length + 1 + word.length > width) {
      lines.push(prefix + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(prefix + line);
  return lines.join('\n');
}
