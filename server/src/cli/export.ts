import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ProjectConfig } from '../config/project-config.js';
import type { Mim } from '../model/mim.js';
import { renderGitbook, type GitbookOptions } from '../render/gitbook.js';
import { exportHtmlPage, mimPlaces } from '../render/preview.js';
import type { Workspace } from '../workspace/workspace.js';
import { writeFileAtomically } from '../node/write-file.js';
import { runCommand } from './command.js';
import { readArgs } from './read-args.js';
import { scanPaths } from './scan.js';

export interface ExportArgs {
  paths: string[];
  to: string;
  out: string;
  force: boolean;
  config?: string;
}

/**
 * What makes the files of one MIM's export (by path relative to its place), or why the MIM does
 * not go to this format. The files are made when they are written, one MIM at a time, so that
 * the export never holds every page at once (200 pages of HTML are tens of megabytes).
 */
type Exporter = (mim: Mim, ws: Workspace, places: MimPlaces) => (() => Map<string, string>) | { skip: string };

/** Where each MIM of the workspace says its number, found once for all the MIMs of an export. */
type MimPlaces = ReturnType<typeof mimPlaces>;

/**
 * One export per format: `--to <name>`. A format writes each MIM to a folder of its own
 * (`OUT/MIM8/...`) or to one file beside the others (`OUT/MIM8.html`): `place` names it.
 */
const FORMATS: Record<string, { exporter: Exporter; place: (id: string) => string }> = {
  markdown: {
    exporter: (mim, ws) => {
      const files = exportMarkdown(mim, ws);
      return files instanceof Map ? () => files : files;
    },
    place: (id) => id,
  },
  html: {
    exporter: (mim, _ws, places) => () => {
      const { fileName, html } = exportHtmlPage(mim, places);
      return new Map([[fileName, html]]);
    },
    place: (id) => `${id}.html`,
  },
};

/** `mimspec export PATH... --to FORMAT -o OUT [--force]`: one folder (markdown) or file (html) per MIM under OUT; exit 0, or 2 on bad usage or failure. */
export async function runExport(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  return runCommand(argv, out, err, parseExportArgs, (args) => runExportWith(args, out, err));
}

async function runExportWith(args: ExportArgs, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const scanned = await scanPaths(args.paths, args.config, err);
  if (!scanned) return 2;
  const { ws, wanted, rel } = scanned;
  const { exporter, place } = FORMATS[args.to];
  const places = mimPlaces(ws.mims());
  const folders = new Map<string, { mim: Mim; make: () => Map<string, string> }>();
  for (const mim of ws.mims().filter((m) => m.documents.some((d) => wanted(d.file)))) {
    const where = rel(mim.root);
    if (!mim.known) {
      err(`mimspec: ${where} is not exported: it names no MIM number\n`);
      continue;
    }
    const make = exporter(mim, ws, places);
    if (typeof make !== 'function') {
      err(`mimspec: ${mim.id} (${where}) is not exported: ${make.skip}\n`);
      continue;
    }
    const other = folders.get(mim.id);
    if (other) {
      err(`mimspec: ${mim.id} is held by both ${rel(other.mim.root)} and ${where}: export them one at a time\n`);
      return 2;
    }
    folders.set(mim.id, { mim, make });
  }
  if (folders.size === 0) {
    err(`mimspec: nothing to export to ${args.to}\n`);
    return 2;
  }
  const outDir = resolve(args.out);
  // Every folder is looked at before any is written, so that a refusal leaves everything as it was.
  for (const id of folders.keys()) {
    const target = join(outDir, place(id));
    if (args.force || !existsSync(target)) continue;
    if (args.to === 'html') {
      err(`mimspec: ${rel(target)} exists: give --force to write over it\n`);
      return 2;
    }
    if (!statSync(target).isDirectory() || readdirSync(target).length > 0) {
      err(`mimspec: ${rel(target)} is not empty: give --force to write over it\n`);
      return 2;
    }
  }
  try {
    for (const [id, { mim, make }] of folders) {
      const files = make();
      if (args.to === 'html') {
        for (const [name, text] of files) writeFileAtomically(join(outDir, name), text);
        out(`${mim.id}: ${rel(join(outDir, place(id)))} (from ${rel(mim.root)})\n`);
        continue;
      }
      const dir = join(outDir, place(id));
      for (const [path, text] of files) writeFileAtomically(join(dir, path), text);
      out(`${mim.id}: ${rel(dir)} (${files.size} files, from ${rel(mim.root)})\n`);
    }
  } catch (e) {
    err(`mimspec: cannot write the export: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  return 0;
}

/** The arguments of `export`, or what is wrong with them. */
export function parseExportArgs(argv: string[]): ExportArgs | string {
  const args: Partial<ExportArgs> & { paths: string[]; force: boolean } = { paths: [], force: false };
  for (const { arg: a, flag, value } of readArgs(argv)) {
    if (flag === '--to') {
      const v = value();
      if (!v || !(v in FORMATS)) return `--to takes ${Object.keys(FORMATS).join(' or ')}${v ? `, not '${v}'` : ''}`;
      args.to = v;
    } else if (flag === '--output' || flag === '-o') {
      const v = value();
      if (!v) return `${flag} takes a folder`;
      args.out = v;
    } else if (flag === '--config' || flag === '-c') {
      const v = value();
      if (!v) return '--config takes a file';
      args.config = v;
    } else if (a === '--force') args.force = true;
    else if (a.startsWith('-')) return `unknown option '${a}'`;
    else args.paths.push(a);
  }
  if (!args.to) return `export needs --to ${Object.keys(FORMATS).join(' or ')}`;
  if (!args.out) return 'export needs -o FOLDER, where each MIM gets a folder (markdown) or a file (html) of its own';
  if (args.paths.length === 0) args.paths.push('.');
  return args as ExportArgs;
}

// ---- markdown: a *.mim.yaml as a GitBook repository -------------------------------------

function exportMarkdown(mim: Mim, ws: Workspace): Map<string, string> | { skip: string } {
  const spec = mim.documents.find((d) => d.kind === 'mim-yaml');
  if (!spec) return { skip: 'it is written in Markdown already (only a *.mim.yaml is exported to Markdown)' };
  return renderGitbook(mim, exportOptions(ws.configFor(spec.file)));
}

/** What the repository's mimspec.yaml keeps of the settings the specification was read under. */
export function exportOptions(config: ProjectConfig): GitbookOptions {
  return { numbering: config.numbering, rules: config.rules, registry: config.registry };
}
