import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { normalizePath } from '../base/paths.js';
import { REGISTRIES } from '../config/registry.js';
import type { Numbering } from '../config/project-config.js';
import { CONVENTIONS, type Convention } from '../model/conventions.js';
import type { Mim } from '../model/mim.js';
import { NodeFileSystem } from '../node/file-system.js';
import { writeFileAtomically } from '../node/write-file.js';
import { Workspace } from '../workspace/workspace.js';
import { USAGE } from './args.js';

/** What `init` found in the repository, each with where it was found, for the comments it writes. */
interface Detected {
  mim?: { id: string; from: string };
  numbering: { value: Numbering; why: string };
  conventions?: { value: Convention; why: string };
}

const WORKFLOW = '.github/workflows/mimspec.yml';

/**
 * `mimspec init [FOLDER] [--force]`: writes a commented mimspec.yaml for the repository in
 * FOLDER, with the MIM number, the numbering edition and the keyword convention detected from
 * what is there, and a GitHub Actions workflow that checks it on every push and pull request.
 * An existing file is written over only when the user agrees (on a terminal) or with --force.
 */
export async function runInit(
  argv: string[],
  out: (s: string) => void,
  err: (s: string) => void,
  ask: ((question: string) => Promise<boolean>) | undefined,
): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    out(`${USAGE}\n`);
    return 0;
  }
  const force = argv.includes('--force');
  const rest = argv.filter((a) => a !== '--force');
  const unknown = rest.find((a) => a.startsWith('-'));
  if (unknown || rest.length > 1) {
    err(`mimspec: ${unknown ? `unknown option '${unknown}' for init` : 'init takes one folder'}\n${USAGE}\n`);
    return 2;
  }
  const dir = resolve(rest[0] ?? '.');
  if (!existsSync(dir)) {
    err(`mimspec: no such folder: ${rest[0]}\n`);
    return 2;
  }
  const ws = new Workspace(new NodeFileSystem(), { roots: [normalizePath(dir)], incremental: false });
  await ws.scan();
  const detected = detect(
    ws.mims().filter((m) => m.known),
    (f) => relative(dir, f).split('\\').join('/'),
  );
  const files = new Map([
    ['mimspec.yaml', configText(detected)],
    [WORKFLOW, workflowText()],
  ]);
  let wrote = 0;
  for (const [name, text] of files) {
    const path = join(dir, name);
    if (existsSync(path) && !force) {
      const yes = ask ? await ask(`${name} exists: write over it? [y/N] `) : false;
      if (!yes) {
        err(`mimspec: ${name} left as it is${ask ? '' : ' (give --force to write over it)'}\n`);
        continue;
      }
    }
    writeFileAtomically(path, text);
    out(`wrote ${relative(process.cwd(), path) || name}\n`);
    wrote++;
  }
  return wrote > 0 || force ? 0 : 1;
}

function detect(mims: readonly Mim[], rel: (file: string) => string): Detected {
  const mim = mims.length === 1 ? { id: mims[0].id, from: rel(mims[0].root) || '.' } : undefined;
  return { mim, numbering: numberingOf(mims), conventions: conventionOf(mims) };
}

/** The 2022 numbering when a MIM's number and title are those of the 2022 registry and not of the current one. */
function numberingOf(mims: readonly Mim[]): Detected['numbering'] {
  const titled = (numbering: Numbering, m: Mim) =>
    REGISTRIES[numbering].some((e) => e.id === m.id && m.title?.toLowerCase().includes(e.title.toLowerCase()));
  const old = mims.find((m) => titled('oasc-2022', m) && !titled('oasc-2025', m));
  return old
    ? { value: 'oasc-2022', why: `${old.id} is "${old.title}", as numbered in 2022` }
    : { value: 'oasc-2025', why: 'the current OASC numbering' };
}

/** The convention declared, else the one whose keywords the requirements use in the case that counts. */
function conventionOf(mims: readonly Mim[]): Detected['conventions'] {
  const declared = mims.find((m) => m.convention)?.convention;
  if (declared) return { value: declared, why: 'as the documents declare' };
  const votes = new Map<Convention, number>(CONVENTIONS.map((c) => [c, 0]));
  let requirements = 0;
  for (const r of mims.flatMap((m) => m.requirements)) {
    requirements++;
    for (const hit of r.keywords) for (const c of hit.caseOk) votes.set(c, votes.get(c)! + 1);
  }
  const [best, count] = [...votes].sort((a, b) => b[1] - a[1])[0];
  return count > 0 ? { value: best, why: `the keywords of ${requirements} requirements` } : undefined;
}

function configText(d: Detected): string {
  const lines = [
    '# mimspec configuration: `mimspec check` and the editor read it for every file of this folder.',
    '# Every key is optional; the README of mimspec lists them all.',
    '',
  ];
  if (d.mim) lines.push(`# The MIM this repository holds (found in ${d.mim.from}).`, `mim: ${d.mim.id}`, '');
  else lines.push('# The MIM this repository holds, where no page says it.', '# mim: MIM21', '');
  lines.push(
    `# Which MIM numbers are meant: oasc-2025 or oasc-2022 (${d.numbering.why}).`,
    `numbering: ${d.numbering.value}`,
    '',
  );
  if (d.conventions)
    lines.push(
      `# The requirement keywords: bcp14, iso or itu (${d.conventions.why}).`,
      `conventions: ${d.conventions.value}`,
      '',
    );
  else lines.push('# The requirement keywords: bcp14, iso or itu.', '# conventions: bcp14', '');
  lines.push(
    '# Severity per rule code (error, warning, info or off); `mimspec rules` lists the codes.',
    '# rules:',
    '#   trace/untested-requirement: warning',
    '',
    '# Files not to check, relative to this folder; a glob without a slash matches at any depth.',
    '# exclude:',
    '#   - drafts/',
  );
  return `${lines.join('\n')}\n`;
}

function workflowText(): string {
  return `# Checks the MIM on every push and pull request; findings show on the changed lines.
name: mimspec
on: [push, pull_request]
permissions:
  contents: read
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: npx --yes mimspec check --format github
      # For GitHub code scanning instead, write SARIF and upload it (needs security-events: write):
      # - run: npx --yes mimspec check --format sarif > mimspec.sarif
      # - uses: github/codeql-action/upload-sarif@v3
      #   with:
      #     sarif_file: mimspec.sarif
`;
}
