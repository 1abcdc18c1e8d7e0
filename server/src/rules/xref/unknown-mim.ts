import type { RegistryEntry } from '../../config/project-config.js';
import { OTHER_EDITION as OTHER, REGISTRIES } from '../../config/registry.js';
import type { DocumentRule } from '../rule.js';

/** `MIM0 to MIM8, MIM14`: the numbers of a registry, runs shortened; computed once per registry. */
const described = new WeakMap<ReadonlyMap<string, RegistryEntry>, string>();

function describe(registry: ReadonlyMap<string, RegistryEntry>): string {
  let text = described.get(registry);
  if (text === undefined) {
    const numbers = [...registry.keys()].map((id) => Number(id.slice(3))).sort((a, b) => a - b);
    const parts: string[] = [];
    for (let i = 0; i < numbers.length;) {
      let j = i;
      while (j + 1 < numbers.length && numbers[j + 1] === numbers[j] + 1) j++;
      if (j - i >= 2) parts.push(`MIM${numbers[i]} to MIM${numbers[j]}`);
      else for (let k = i; k <= j; k++) parts.push(`MIM${numbers[k]}`);
      i = j + 1;
    }
    text = parts.join(', ');
    described.set(registry, text);
  }
  return text;
}

/**
 * xref/unknown-mim: a MIM number, in prose, in a global id or in a resource's `mims:`, that
 * neither the registry of the file's numbering edition nor the workspace knows.
 */
export const xrefUnknownMim: DocumentRule = {
  code: 'xref/unknown-mim',
  severity: 'error',
  summary: 'A MIM number that the registry and the workspace do not know',
  scope: 'document',
  check(doc, ctx) {
    if (!doc.refs.some((r) => r.mim)) return;
    const registry = ctx.registryFor(doc.file);
    const numbering = ctx.configFor(doc.file).numbering;
    for (const ref of doc.refs) {
      if (!ref.mim || registry.has(ref.mim) || ctx.index.byId.has(ref.mim)) continue;
      const other = REGISTRIES[OTHER[numbering]].find((e) => e.id === ref.mim);
      const hint = other
        ? `; in the ${OTHER[numbering]} numbering it is ${other.id} ${other.title} (the numbering changed in 2025: set 'numbering: ${OTHER[numbering]}' in mimspec.yaml if this text follows it)`
        : '';
      ctx.report({
        code: 'xref/unknown-mim',
        file: doc.file,
        range: ref.range,
        message: `${ref.mim} is not a known MIM (numbering ${numbering}: ${describe(registry)})${hint}`,
      });
    }
  },
};
