import assert from 'node:assert/strict';
import { appendFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';

/** What the suite's checks share: its log, the workspace's files, waiting, the outer driver. */

export type Check = [name: string, body: () => Promise<void>];

/** Lines go to the host's console and, when the outer test asks, to a file it reads back. */
export function log(line: string): void {
  console.log(line);
  const file = process.env.MIMSPEC_VSCODE_TEST_LOG;
  if (file) appendFileSync(file, `${line}\n`);
}

export function root(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the host was opened without a workspace folder');
  return folder.uri;
}

export const file = (...parts: string[]) => vscode.Uri.joinPath(root(), ...parts);

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns something other than undefined; fails after `ms` saying `what`. */
export async function waitFor<T>(probe: () => T | undefined, what: string, ms = 10000, every = 100): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`${what}: not within ${ms} ms`);
    await sleep(every);
  }
}

/**
 * A step done by the outer driver (test/vscode/webview-driver.ts), which reads and clicks the
 * webviews through the browser that runs the workbench: the suite writes `STEP.ask.json` in
 * the folder MIMSPEC_VSCODE_DRIVER names and waits for `STEP.done.json`. Without a driver (as
 * under @vscode/test-electron) there is nobody to ask: the answer is undefined.
 */
export async function askDriver(step: string, ask: object, ms = 45000): Promise<Record<string, unknown> | undefined> {
  const dir = process.env.MIMSPEC_VSCODE_DRIVER;
  if (!dir) {
    log(`# no driver: ${step} not checked in the webview`);
    return undefined;
  }
  const done = join(dir, `${step}.done.json`);
  rmSync(done, { force: true });
  // Written under another name, then renamed: the driver polls the folder and must never read half a question.
  writeFileSync(join(dir, `${step}.ask.tmp`), JSON.stringify(ask));
  renameSync(join(dir, `${step}.ask.tmp`), join(dir, `${step}.ask.json`));
  const answer = await waitFor(
    () => (existsSync(done) ? (JSON.parse(readFileSync(done, 'utf8')) as Record<string, unknown>) : undefined),
    `the driver's answer to ${step}`,
    ms,
  );
  if (typeof answer.error === 'string') throw new Error(`driver, ${step}: ${answer.error}`);
  return answer;
}

/**
 * Where the suite stands, kept over a window reload: the next check, the failures so far, when
 * the suite started, and when the window was reloaded.
 */
export interface Progress {
  next: number;
  failed: number;
  started: number;
  reloadedAt?: number;
}

let progress: Progress | undefined;
let afterReload = false;

const progressFile = () => {
  const dir = process.env.MIMSPEC_VSCODE_DRIVER;
  return dir ? join(dir, 'progress.json') : undefined;
};

/** run() says where it is before each check: what a reload keeps. */
export function setProgress(p: Progress): void {
  progress = p;
}

/** Where a suite that reloaded its window goes on (read once: a later start begins afresh). */
export function resumeProgress(): Progress | undefined {
  const file = progressFile();
  if (!file || !existsSync(file)) return undefined;
  const p = JSON.parse(readFileSync(file, 'utf8')) as Progress;
  rmSync(file);
  afterReload = true;
  return p;
}

/** Whether this host was started by a reload of the window the suite asked for. */
export const reloaded = () => afterReload;

/**
 * Reloads the window as **Developer: Reload Window** does: this host ends with it, and the new
 * one runs the suite again from the check after this one. Only where the outer driver runs
 * (its folder keeps the progress); elsewhere it returns false and nothing happens.
 */
export async function reloadWindow(): Promise<boolean> {
  const file = progressFile();
  if (!file || !progress) {
    log('# no driver: the window is not reloaded');
    return false;
  }
  writeFileSync(`${file}.tmp`, JSON.stringify({ ...progress, reloadedAt: Date.now() }));
  renameSync(`${file}.tmp`, file);
  log('# reloading the window');
  // The reload ends this host, cancelling the command: nothing more runs here (the suite
  // would go on in a host that is going away).
  await Promise.resolve(vscode.commands.executeCommand('workbench.action.reloadWindow')).catch(() => undefined);
  await sleep(60000);
  rmSync(file, { force: true });
  throw new Error('the window did not reload within 60 s');
}

/**
 * Puts `text` back into `doc` and saves it (the same bytes as on disk): not dirty, whichever
 * editor has the focus (`workbench.action.files.revert` acts on the active group's editor,
 * which a webview beside it can be).
 */
export async function putBack(doc: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  assert.equal(await vscode.workspace.applyEdit(edit), true, `${doc.fileName} was not put back`);
  assert.equal(doc.getText(), text);
  // A text that is back to what was saved may already count as clean (then save() says false).
  if (doc.isDirty) await doc.save();
  await waitFor(() => (doc.isDirty ? undefined : true), `${doc.fileName} saved`);
}
