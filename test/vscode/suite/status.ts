import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MimspecApi } from '../../../client/src/extension.js';
import { askDriver, file, waitFor, type Check } from './support.js';

/**
 * What the user sees of the server: the status bar item (its text, read through the
 * extension's API and, where the outer driver runs, in the workbench's status bar). The server
 * killed, and what the status says then, are faults.ts's.
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
];
