import { slugify } from '../parse/text/slug.js';
import { renderGitbook } from '../render/gitbook.js';
import type { FileSystem } from '../workspace/file-system.js';
import { Workspace } from '../workspace/workspace.js';
import { PART_GUIDANCE, wrapGuidance } from './guidance.js';
import { ituBlock } from './itu-block.js';
import { yamlSpec, type NewMimInput } from './yaml-spec.js';

export type { NewMimInput } from './yaml-spec.js';

export type TemplateName = 'yaml' | 'gitbook' | 'itu';

/** The templates a user picks from, in the order they are offered. */
export const TEMPLATES: readonly { name: TemplateName; label: string; detail: string }[] = [
  {
    name: 'yaml',
    label: 'Structured MIM specification (*.mim.yaml)',
    detail: 'One YAML file in the Y.MIM structure, checked against its schema as you type',
  },
  {
    name: 'gitbook',
    label: 'GitBook MIM repository',
    detail: 'README.md, SUMMARY.md and one page per part under docs/, with mimspec.yaml and .gitbook.yaml',
  },
  {
    name: 'itu',
    label: 'Draft ITU-T Recommendation (*.mim.yaml)',
    detail: 'Summary, keywords, scope, references, definitions and abbreviations around the five parts',
  },
];

export function isTemplateName(name: string): name is TemplateName {
  return TEMPLATES.some((t) => t.name === name);
}

/**
 * The files of a new MIM, by path relative to the folder it is made in, the first being the
 * one to open. Every template checks clean as written (a test holds this).
 */
export function newMimFiles(template: TemplateName, input: NewMimInput): Map<string, string> {
  const name = `${slugify(input.title) || input.id.toLowerCase()}.mim.yaml`;
  if (template === 'yaml') return new Map([[name, yamlSpec(input)]]);
  if (template === 'itu') return new Map([[name, yamlSpec(input, 'itu') + ituBlock()]]);
  return gitbookRepository(input);
}

// The GitBook template is the YAML one written out by the Markdown export, so the two cannot
// drift apart and the repository reads back into the same model; the guidance that the YAML
// keeps in comments goes to an HTML comment at the top of each page.

const PAGE_PART: Record<string, keyof typeof PART_GUIDANCE> = {
  'docs/capabilities-and-requirements.md': 'capabilities',
  'docs/mechanisms.md': 'mechanisms',
  'docs/interoperability-guidance.md': 'guidance',
  'docs/conformance.md': 'conformance',
  'docs/references.md': 'references',
};

function gitbookRepository(input: NewMimInput): Map<string, string> {
  const file = '/new/spec.mim.yaml';
  const ws = new Workspace(NO_FILES, { roots: [], incremental: false });
  ws.setDocument(file, yamlSpec(input), 'template');
  const mim = ws.mims()[0];
  const pages = renderGitbook(mim, {});
  const files = new Map<string, string>();
  // The first page is the one an author opens first: the README, with the objective.
  const order = ['docs/README.md', ...[...pages.keys()].filter((p) => p !== 'docs/README.md')];
  for (const path of order) {
    const text = pages.get(path);
    if (text === undefined) continue;
    const part = path === 'docs/README.md' ? 'objective' : PAGE_PART[path];
    files.set(path, part ? `<!--\n${wrapGuidance(PART_GUIDANCE[part], '  ')}\n-->\n\n${text}` : text);
  }
  return files;
}

/** The template reads nothing from disk: its one document is handed to the workspace. */
const NO_FILES: FileSystem = {
  readFile: () => Promise.reject(new Error('no files')),
  stat: () => Promise.resolve(undefined),
  readDirectory: () => Promise.resolve([]),
  existsSync: () => false,
};
