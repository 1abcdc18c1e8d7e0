import { readYaml } from './load.js';

/** A small `*.mim.yaml`, each copy below broken in one of the ways typing breaks one. */
function sample(n: number): string {
  const items = [];
  for (let i = 1; i <= n; i++)
    items.push(
      `  - id: C${i}`,
      `    title: "Capability ${i}"`,
      '    requirements:',
      `      - id: R${i}.1`,
      `        text: Implementations SHALL publish item ${i}.`,
      `        seeAlso: [R${i}.1]`,
      '        mechanisms:',
      `          - M${i}`,
    );
  return ['mim: MIM41', 'title: Warm', 'capabilities:', ...items, ''].join('\n');
}

const INTACT = sample(12);
/** Exported for the test that holds each one broken. */
export const WARM_SAMPLES = [
  INTACT.replace('seeAlso: [R3.1]', 'seeAlso: [R3.1'),
  INTACT.replace('title: "Capability 5"', 'title: "Capability 5'),
  INTACT.replace('      - id: R7.1', '      - id R7.1'),
  INTACT.replace(
    '        text: Implementations SHALL publish item 9.',
    '       text: Implementations SHALL publish item 9.',
  ),
  INTACT.replace('  - id: C10', '\t- id: C10'),
];

/**
 * Runs the recovering parser and the repairs over small broken texts, so that the code a
 * keystroke that breaks a file runs is compiled and optimised before that keystroke: the
 * first uses of `yaml` otherwise run in V8's interpreter, several times slower.
 */
export function warmYamlRecovery(rounds = WARM_ROUNDS, from = 0): void {
  for (let i = from; i < from + rounds; i++) readYaml(WARM_SAMPLES[i % WARM_SAMPLES.length]);
}

/** How many broken texts make the recovering path hot. */
export const WARM_ROUNDS = 24;
