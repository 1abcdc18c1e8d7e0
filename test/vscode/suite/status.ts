import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MimspecApi } from '../../../client/src/extension.js';
import { askDriver, file, log, sleep, waitFor, type Check } from './support.js';

/**
 * What the user sees of the server: the status bar item (its text, read through the
 * extension's API and, where the outer driver runs, in the workbench's status bar) and the
 * server started again after its process is killed.
 */

function api(): MimspecApi {
  const ext = vscode.extensions.getExtension<MimspecApi>('mimspec.mimspec');
  assert.ok(ext?.isActive, 'the extension is not active');
  return ext.exports;
}

const TWIN = ['pinned', 'twin.mim.yaml'] as const;

const errorCount = (uri: vscode.Uri) =>
  vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;

async function showTwin(): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file(...TWIN)));
}

export const statusChecks: Check[] = [
  [
    "the status bar shows the active file's MIM and its findings, and a click opens its preview",
    async () => {
      const editor = await showTwin();
      await waitFor(() => (errorCount(editor.document.uri) > 0 ? true : undefined), 'the error of twin.mim.yaml');
      const status = api().status;
      const text = await waitFor(
        () => (/^\$\(book\) MIM8 /.test(status.item.text) ? status.item.text : undefined),
        `MIM8 in the status bar (it shows ${status.item.text})`,
      );
      const { errors, warnings } = status.counts();
      assert.ok(errors >= 1, `errors counted: ${errors}`);
      assert.equal(text, `$(book) MIM8 $(error) ${errors} $(warning) ${warnings}`);
      const command = status.item.command as vscode.Command;
      assert.equal(command.command, 'mimspec.openPreview');
      assert.equal(String(command.arguments?.[0]), editor.document.uri.toString());
      await askDriver('status', { status: `MIM8 ${errors} ${warnings}` });
      // Away from any MIM the item says the server runs, and a click opens the problems.
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await waitFor(() => (status.item.text === '$(check) mimspec' ? true : undefined), 'the plain status');
      assert.equal((status.item.command as vscode.Command).command, 'workbench.actions.view.problems');
    },
  ],
  [
    'a killed language server is started again and its diagnostics come back',
    async () => {
      const editor = await showTwin();
      const uri = editor.document.uri;
      await waitFor(() => (errorCount(uri) > 0 ? true : undefined), 'the error of twin.mim.yaml');
      const pid = await api().serverPid();
      const killed = Date.now();
      process.kill(pid, 'SIGKILL');
      const status = api().status;
      await waitFor(
        () => (status.state !== 'running' ? true : undefined),
        'the status seeing the server die',
        5000,
        20,
      );
      let again: number | undefined;
      for (const end = Date.now() + 15000; again === undefined && Date.now() < end; await sleep(200))
        again = await api()
          .serverPid()
          .catch(() => undefined);
      assert.ok(again !== undefined && again !== pid, `the server was not started again (pid ${again})`);
      await waitFor(() => (errorCount(uri) > 0 ? true : undefined), 'the diagnostics of the new server', 15000);
      await waitFor(() => (status.state === 'running' ? true : undefined), 'the status running again');
      log(`# the server was back, diagnostics included, ${Date.now() - killed} ms after it was killed`);
    },
  ],
];
