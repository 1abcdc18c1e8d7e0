import type { IdRef } from '../../model/elements.js';
import type { Fix } from '../../model/finding.js';
import type { Mim } from '../../model/mim.js';
import type { Numbering, RegistryEntry } from '../../config/project-config.js';
import { OTHER_EDITION as OTHER, REGISTRIES } from '../../config/registry.js';
import { titleKey, type IndexView } from '../../query/index-view.js';
import type { DocumentRule } from '../rule.js';

/** Who gives a name its number: the numbering edition, the registry of mimspec.yaml, or the MIM's own pages. */
type Authority = 'edition' | 'config' | 'workspace';

interface Owner {
  id: string;
  /** The name as that authority writes it. */
  title: string;
  by: Authority;
}

/** Names are compared without regard to case or spacing, as the index compares titles. */
const key = titleKey;

/** Names by key, each with the numbers that own it in order, without the same number twice. */
type Names = Map<string, Owner[]>;

function addName(names: Names, title: string, id: string, by: Authority): void {
  const owners = names.get(key(title)) ?? [];
  if (!owners.some((o) => o.id === id)) owners.push({ id, title, by });
  names.set(key(title), owners);
}

/**
 * The registry's names, once per registry. The workspace's are asked of the index one name at
 * a time (`titled`), so that a result depends on the MIMs that own its names, not on every MIM:
 * a table of both per registry would also hold every MIM's name once per config, which grows
 * with the square of a workspace's repositories.
 */
const registryNames = new WeakMap<ReadonlyMap<string, RegistryEntry>, Names>();

function namesOfRegistry(registry: ReadonlyMap<string, RegistryEntry>, numbering: Numbering): Names {
  let names = registryNames.get(registry);
  if (names) return names;
  names = new Map();
  const edition = new Set(REGISTRIES[numbering]);
  for (const entry of registry.values())
    addName(names, entry.title, entry.id, edition.has(entry) ? 'edition' : 'config');
  registryNames.set(registry, names);
  return names;
}

/** A MIM's own pages are an authority on its name too (a README's `# Accessing Data (MIM0)`). */
function ownersInWorkspace(name: string, index: IndexView): Owner[] | undefined {
  const names: Names = new Map();
  for (const mim of index.titled(name))
    for (const claim of mim.identity)
      if (claim.title && claim.mim === mim.id && key(claim.title) === key(name))
        addName(names, claim.title, mim.id, 'workspace');
  return names.get(key(name));
}

/** Who owns a name: the registry's numbers first, then those the workspace's pages give it. */
function ownersOf(name: string, registry: Names, index: IndexView): Owner[] | undefined {
  const fromRegistry = registry.get(key(name));
  const fromPages = ownersInWorkspace(name, index);
  if (!fromPages) return fromRegistry;
  if (!fromRegistry) return fromPages;
  return [...fromRegistry, ...fromPages.filter((o) => !fromRegistry.some((r) => r.id === o.id))];
}

/** The title a MIM's own pages give it, if they give one. */
function pageTitle(mim: Mim): string | undefined {
  return mim.identity.find((c) => c.title && c.mim === mim.id)?.title;
}

function where(owner: Owner, numbering: Numbering): string {
  if (owner.by === 'edition') return `in the ${numbering} numbering`;
  if (owner.by === 'config') return 'in the registry of mimspec.yaml';
  return `in this workspace (the title ${owner.id}'s pages give it)`;
}

/** The same reference with another number, written as it was: `MIM-3` becomes `MIM-4`. */
function renumbered(ref: IdRef, id: string): string {
  return ref.text.replace(/\d+$/, id.slice(3));
}

/**
 * xref/name-mismatch: a MIM reference with a name beside it (`MIM3 Personal Data`,
 * `Personal Data (MIM3)`) that the registry in force, or the named MIM's own pages, give
 * another number; or a name of the other numbering edition.
 */
export const xrefNameMismatch: DocumentRule = {
  code: 'xref/name-mismatch',
  severity: 'warning',
  summary: 'A MIM number written beside the name of another MIM',
  scope: 'document',
  check(doc, ctx) {
    if (!doc.refs.some((r) => r.name)) return;
    const numbering = ctx.configFor(doc.file).numbering;
    const registry = ctx.registryFor(doc.file);
    const fromRegistry = namesOfRegistry(registry, numbering);
    /** What a number is called in force: its pages' title, else its registry title. */
    const titleOf = (id: string) =>
      ctx.index.byId
        .get(id)
        ?.map(pageTitle)
        .find((t) => t) ?? registry.get(id)?.title;
    for (const ref of doc.refs) {
      const name = ref.name;
      if (!name || !ref.mim || ref.target) continue;
      const owners = ownersOf(name.text, fromRegistry, ctx.index);
      const current = titleOf(ref.mim);
      const actually = current ? `; ${ref.mim} is ${current}` : '';
      let message: string;
      const fixes: Fix[] = [];
      if (owners) {
        if (owners.some((o) => o.id === ref.mim)) continue;
        const first = owners[0];
        const others = owners
          .slice(1)
          .map((o) => `, and ${o.id} ${where(o, numbering)}`)
          .join('');
        message = `${first.title} is ${first.id} ${where(first, numbering)}${others}, not ${ref.mim}${actually}`;
        if (owners.length === 1)
          fixes.push({
            title: `Change ${ref.text} to ${renumbered(ref, first.id)}`,
            edits: [{ file: doc.file, range: ref.range, newText: renumbered(ref, first.id) }],
          });
      } else {
        const old = REGISTRIES[OTHER[numbering]].find((e) => key(e.title) === key(name.text));
        if (!old) continue;
        message =
          old.id === ref.mim
            ? `${old.title} is the ${OTHER[numbering]} name of ${old.id}: no MIM has that name in the ${numbering} numbering${actually} (set 'numbering: ${OTHER[numbering]}' in mimspec.yaml if this text follows it)`
            : `${old.title} is no MIM in the ${numbering} numbering (it was ${old.id} in ${OTHER[numbering]})${actually}`;
      }
      if (current)
        fixes.push({ title: `Name it ${current}`, edits: [{ file: doc.file, range: name.range, newText: current }] });
      ctx.report({ code: 'xref/name-mismatch', file: doc.file, range: ref.range, message, fixes });
    }
  },
};
