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
