import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MimspecApi } from '../../../client/src/extension.js';
import { askDriver, file, log, putBack, reloaded, reloadWindow, waitFor, type Check } from './support.js';
import { lineOf, PAGE, showPage, webviewTabs } from './views.js';

/**
 * The preview across a real window reload: the workbench saves the webview panel with the
 * state its script saved, the new extension host is activated by `onWebviewPanel:mimspec.preview`
 * and its serializer brings the preview back. The first check reloads the window (where the
 * outer driver runs); the host ends there, and the suite goes on in the new one at the second.
 */

const EXTENSION_ID = 'mimspec.mimspec';

const previewOf = (ext: vscode.Extension<MimspecApi>) => ext.exports.views.preview;

export const reloadChecks: Check[] = [
  [
    'with the preview open and drawn, the window reloads',
    async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await showPage();
      await vscode.commands.executeCommand('mimspec.openPreviewToSide');
      const preview = previewOf(vscode.extensions.getExtension<MimspecApi>(EXTENSION_ID)!);
      await waitFor(() => (preview.panel?.shown.html?.includes('R2.1') ? true : undefined), 'the preview of MIM7');
      // Drawn in its webview: its script has saved the state that VS Code keeps for the reload.
      const drawn = await askDriver('preview-before-reload', { text: ['R1.1', 'R2.1'] });
      if (drawn) await reloadWindow();
    },
  ],
  [
    'after the reload the preview is back on its MIM, follows edits and reveals a clicked line',
    async () => {
      if (!reloaded()) {
        log('# the window was not reloaded: nothing to check');
        return;
      }
      // Activated by the workbench restoring the panel (or by the workspace's files); not by us.
      const ext = await waitFor(
        () => {
          const e = vscode.extensions.getExtension<MimspecApi>(EXTENSION_ID);
          return e?.isActive ? e : undefined;
        },
        'the extension active in the new host',
        30000,
      );
      const preview = previewOf(ext);
      const uri = file(...PAGE).toString();
      await waitFor(
        () => (preview.panel?.shown.html?.includes('R2.1') ? true : undefined),
        `the preview restored (tabs: ${webviewTabs('mimspec.preview').map((t) => t.label)})`,
        30000,
      );
      assert.equal(preview.restoredFrom, 'webview', 'the file came from the webview state');
      assert.equal(preview.panel?.shown.uri, uri);
      assert.equal(preview.panel?.mim, 'MIM7');
      assert.equal(webviewTabs('mimspec.preview').length, 1);
      await askDriver('preview-restored', { text: ['R1.1', 'R1.2', 'R2.1'] });

      const editor = await showPage();
      const text = editor.document.getText();
      assert.ok(!editor.document.isDirty, 'the page came back edited');
      const at = editor.document.positionAt(text.indexOf('permitted uses.') + 14);
      assert.equal(await editor.edit((b) => b.insert(at, ' on weekdays')), true);
      await waitFor(
        () => (preview.panel?.shown.html?.includes('permitted uses on weekdays') ? true : undefined),
        'the edit in the restored preview',
      );
      await askDriver('preview-restored-edit', { text: ['permitted uses on weekdays'] });
      await putBack(editor.document, text);

      const line = lineOf(editor.document, 'R1.2');
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      const clicked = await askDriver('preview-restored-click', { file: PAGE[1], line });
      if (!clicked) await preview.handle({ type: 'reveal', uri, line });
      await waitFor(
        () => {
          const e = vscode.window.activeTextEditor;
          return e?.document.uri.toString() === uri && e.selection.active.line === line ? true : undefined;
        },
        `the cursor on line ${line + 1} of ${PAGE[1]}`,
      );
    },
  ],
];
