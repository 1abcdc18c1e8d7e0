import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { normalizePath } from '../base/paths.js';
import { normalizeMimId } from '../model/ids.js';
import { NodeFileSystem } from '../node/file-system.js';
import { writeFileAtomically } from '../node/write-file.js';
import { isTemplateName, newMimFiles, TEMPLATES, type TemplateName } from '../scaffold/new-mim.js';
import { proposeMimId } from '../scaffold/next-mim.js';
import { Workspace } from '../workspace/workspace.js';

import { runCommand } from './command.js';
import { readArgs } from './read-args.js';

interface NewArgs {
  template: TemplateName;
  id?: string;
  title: string;
  dir: string;
  force: boolean;
}

const TEMPLATE_NAMES = TEMPLATES.map((t) => t.name).join('|');

/**
 * `mimspec new --template yaml|gitbook|itu [--id MIM21] --title "..." DIR [--force]`: writes a
 * new MIM from a template into DIR (made if missing). Without --id, the lowest MIM number that
 * neither the registry nor a MIM under DIR uses. Exit 0, or 2 on bad usage, on a file that
 * exists (without --force) or on a failed write.
 */
export async function runNew(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  return runCommand(argv, out, err, parseNewArgs, (args) => runNewWith(args, out, err));
}

async function runNewWith(args: NewArgs, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const cwd = process.cwd();
  const dir = resolve(cwd, args.dir);
  const id = args.id ?? (await proposeId(dir));
  const files = newMimFiles(args.template, { id, title: args.title, year: new Date().getFullYear() });
  const rel = (p: string) => relative(cwd, p).split('\\').join('/') || '.';
  // Every file is looked at before any is written, so that a refusal leaves everything as it was.
  const existing = [...files.keys()].map((p) => join(dir, p)).filter((p) => existsSync(p));
  if (existing.length > 0 && !args.force) {
    err(
      `mimspec: ${existing.map(rel).join(', ')} already exist${existing.length === 1 ? 's' : ''}: give --force to write over\n`,
    );
    return 2;
  }
  try {
    for (const [path, text] of files) {
      writeFileAtomically(join(dir, path), text);
      out(`${rel(join(dir, path))}\n`);
    }
  } catch (e) {
    err(`mimspec: cannot write the new MIM: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  return 0;
}

/** The lowest MIM number free in the registry in force at DIR and among the MIMs under it. */
async function proposeId(dir: string): Promise<string> {
  const root = normalizePath(dir);
  const ws = new Workspace(new NodeFileSystem(), { roots: existsSync(dir) ? [root] : [], incremental: false });
  await ws.scan();
  return proposeMimId(ws, root);
}

export function parseNewArgs(argv: string[]): NewArgs | string {
  const args: Partial<NewArgs> & { force: boolean; rest: string[] } = { force: false, rest: [] };
  for (const { arg: a, flag, value } of readArgs(argv)) {
    if (flag === '--template' || flag === '-t') {
      const v = value();
      if (!v || !isTemplateName(v)) return `--template takes ${TEMPLATE_NAMES}${v ? `, not '${v}'` : ''}`;
      args.template = v;
    } else if (flag === '--id') {
      const v = value();
      const id = v ? normalizeMimId(v) : undefined;
      if (!id) return `--id takes a MIM number such as MIM21${v ? `, not '${v}'` : ''}`;
      args.id = id;
    } else if (flag === '--title') {
      const v = value()?.trim();
      if (!v) return '--title takes the title of the MIM';
      args.title = v;
    } else if (a === '--force') args.force = true;
    else if (a.startsWith('-')) return `unknown option '${a}'`;
    else args.rest.push(a);
  }
  if (!args.template) return `new needs --template ${TEMPLATE_NAMES}`;
  if (!args.title) return 'new needs --title "..."';
  if (args.rest.length > 1) return `new takes one folder, not ${args.rest.length}`;
  return { template: args.template, id: args.id, title: args.title, dir: args.rest[0] ?? '.', force: args.force };
}
