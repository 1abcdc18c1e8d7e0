import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { MimspecApi } from '../../../client/src/extension.js';
import { askDriver, file, log, putBack, sleep, waitFor, type Check } from './support.js';

/**
 * The views: the suite opens them through their commands and checks what the extension holds
 * (this part runs in any host); the outer driver, where there is one, checks what the webviews
 * show and clicks in them (see askDriver).
 */

export const PAGE = ['docs', 'capabilities-and-requirements.md'] as const;

function api(): MimspecApi {
  const ext = vscode.extensions.getExtension<MimspecApi>('mimspec.mimspec');
  assert.ok(ext?.isActive, 'the extension is not active');
  return ext.exports;
}

export async function showPage(): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(file(...PAGE));
  return vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
}

export function lineOf(doc: vscode.TextDocument, needle: string): number {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `${needle} not found in ${doc.fileName}`);
  return doc.positionAt(at).line;
}

export const webviewTabs = (viewType: string) =>
  vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(viewType));

const previewHtml = () => api().views.preview.panel?.shown.html;

export const viewChecks: Check[] = [
  [
    'the view commands are registered and a page of MIM7 is known as one',
    async () => {
      const commands = await vscode.commands.getCommands(true);
      for (const c of ['openPreview', 'openPreviewToSide', 'exportHtml', 'showMatrix', 'showGraph'])
        assert.ok(commands.includes(`mimspec.${c}`), `mimspec.${c} is not registered`);
      // One editor group and no side bar: the views' screenshots show the page and the view.
      await vscode.commands.executeCommand('workbench.action.closeAllGroups');
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
      await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
      const editor = await showPage();
      assert.equal(await api().views.mimFiles.mimOf(editor.document.uri), 'MIM7');
    },
  ],
  [
    'MIM: Open Preview to the Side shows the MIM with its requirements',
    async () => {
      await showPage();
      await vscode.commands.executeCommand('mimspec.openPreviewToSide');
      await waitFor(() => (webviewTabs('mimspec.preview').length === 1 ? true : undefined), 'a preview tab');
      const html = await waitFor(previewHtml, 'the preview of MIM7');
      for (const id of ['R1.1', 'R1.2', 'R2.1']) assert.match(html, new RegExp(id.replace('.', '\\.')));
      assert.equal(api().views.preview.panel?.mim, 'MIM7');
      await askDriver('preview', { text: ['R1.1', 'R1.2', 'R2.1'], screenshot: 'preview' });
    },
  ],
  [
    'the preview follows an edit of the page',
    async () => {
      const editor = await showPage();
      const text = editor.document.getText();
      const at = editor.document.positionAt(text.indexOf('permitted uses.') + 14);
      // With markup that must not come alive in the webview (the driver looks for it).
      const hostile = ' and their hours <img src="x" onerror="document.title=1"><script>document.title=2</script>';
      assert.equal(await editor.edit((b) => b.insert(at, hostile)), true);
      const edited = Date.now();
      await waitFor(
        () => (previewHtml()?.includes('permitted uses and their hours') ? true : undefined),
        'the edit in the preview',
        10000,
        5,
      );
      log(`# the preview had the edit ${Date.now() - edited} ms after it (a 200 ms pause for typing included)`);
      await askDriver('preview-edit', { text: ['permitted uses and their hours'], inert: true });
      // The page as it was, for the checks (and pictures) that follow.
      await putBack(editor.document, text);
    },
  ],
  [
    'a click on a requirement in the preview reveals its line',
    async () => {
      const editor = await showPage();
      const line = lineOf(editor.document, 'R1.2');
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      const uri = editor.document.uri.toString();
      // Where a driver clicks in the webview, the script posts the message; elsewhere the
      // message the script would post is handed to the extension.
      const clicked = await askDriver('preview-click', { file: PAGE[1], line });
      if (!clicked) await api().views.preview.handle({ type: 'reveal', uri, line });
      await waitFor(
        () => {
          const e = vscode.window.activeTextEditor;
          return e?.document.uri.toString() === uri && e.selection.active.line === line ? true : undefined;
        },
        `the cursor on line ${line + 1} of ${PAGE[1]}`,
      );
    },
  ],
  [
    'the preview scrolls with the editor, and the editor with the preview',
    async () => {
      const editor = await showPage();
      const [down, up] = [lineOf(editor.document, 'R2.1'), lineOf(editor.document, 'R1.1')];
      // The editor's scrolls just after a click in the preview are the click's, not sent back.
      await sleep(500);
      editor.revealRange(new vscode.Range(down, 0, down, 0), vscode.TextEditorRevealType.AtTop);
      // The editor's top line is a little above (sticky headings cover the first lines).
      const top = await waitFor(() => {
        const at = editor.visibleRanges[0]?.start.line ?? 0;
        return at > up ? at : undefined;
      }, 'the editor scrolled down');
      const uri = editor.document.uri.toString();
      const scrolled = await askDriver('preview-scroll', { file: PAGE[1], line: top, backTo: up });
      if (!scrolled) await api().views.preview.handle({ type: 'scrolled', uri, line: up });
      // Revealed at the top, under the sticky headings that cover a few lines.
      await waitFor(
        () => {
          const at = editor.visibleRanges[0]?.start.line ?? -1;
          return at <= up && at >= up - 4 ? true : undefined;
        },
        `line ${up + 1} at the top of the editor`,
      );
    },
  ],
  [
    'MIM: Show Traceability Matrix lists the requirements of the MIM',
    async () => {
      (await showPage()).revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
      await vscode.commands.executeCommand('mimspec.showMatrix');
      const shown = await waitFor(() => {
        const m = api().views.matrix.shown;
        return m && m.loaded > 0 ? m : undefined;
      }, 'rows in the matrix');
      assert.equal(shown.scope, 'mim');
      assert.equal(shown.mim, 'MIM7');
      await askDriver('matrix', { text: ['R1.1', 'R2.1'], screenshot: 'matrix' });
      // A filter keeps the rows that match it, under the summary already shown (not asked for again).
      const summaries = () => api().views.matrix.shown?.summaries;
      const before = summaries();
      await askDriver('matrix-filter', {
        filter: 'R2.1',
        text: ['R2.1'],
        absent: ['R1.1'],
        summary: ['requirements:'],
      });
      const filtered = await waitFor(() => {
        const m = api().views.matrix.shown;
        return m && m.loaded === m.total && m.total > 0 && m.total < shown.total ? m : undefined;
      }, 'the filtered rows');
      assert.ok(filtered.total >= 1);
      assert.equal(summaries(), before);
      await askDriver('matrix-unfiltered', { filter: '', text: ['R1.1', 'R2.1'] });
      const csv = vscode.Uri.file(join(tmpdir(), `mimspec-matrix-${process.pid}.csv`));
      await vscode.commands.executeCommand('mimspec.exportMatrixCsv', csv);
      assert.match(readFileSync(csv.fsPath, 'utf8'), /R1\.1/);
    },
  ],
  [
    'MIM: Show MIM Graph draws the MIM, and a click on it hides its elements',
    async () => {
      (await showPage()).revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
      await vscode.commands.executeCommand('mimspec.showGraph');
      const shown = await waitFor(() => api().views.graph.shown?.answer && api().views.graph.shown, 'the graph');
      assert.equal(shown.focus, 'MIM7');
      assert.deepEqual(shown.expanded, ['MIM7']);
      assert.match(shown.answer!.svg, /data-id="MIM7"/);
      const clicked = await askDriver('graph', { node: 'MIM7', screenshot: 'graph' });
      if (!clicked) await api().views.graph.toggle('MIM7');
      await waitFor(() => (api().views.graph.shown?.expanded.length === 0 ? true : undefined), 'MIM7 collapsed');
    },
  ],
  [
    "on a MIM page the title bar has the MIM preview and Markdown's keys open it; elsewhere they stay Markdown's",
    async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await showPage();
      const pressed = await askDriver('keys', { keys: ['Control+K', 'V'], action: true });
      if (!pressed) return; // keys need the workbench's page
      await waitFor(() => (webviewTabs('mimspec.preview').length === 1 ? true : undefined), 'a MIM preview tab');
      assert.equal(webviewTabs('markdown.preview').length, 0, "Markdown's preview opened too");
      // A Markdown text of no MIM (not even a file) keeps Markdown's preview.
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      const other = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Notes\n' });
      await vscode.window.showTextDocument(other);
      await askDriver('keys-other', { keys: ['Control+K', 'V'] });
      await waitFor(() => (webviewTabs('markdown.preview').length === 1 ? true : undefined), "Markdown's preview");
      assert.equal(webviewTabs('mimspec.preview').length, 0, 'the MIM preview opened on a text of no MIM');
      await vscode.window.showTextDocument(other);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    },
  ],
  [
    'a preview panel revived from its saved state shows its MIM again; one without state, the file the preview showed last',
    async () => {
      // What VS Code does after a window reload: a panel of the view type, handed to the
      // extension's serializer with the state the webview's script saved (reload.ts reloads
      // the window for real; this runs in any host).
      const preview = api().views.preview;
      const closeAll = async () => {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await waitFor(() => (preview.panel ? undefined : true), 'the preview closed');
      };
      await closeAll();
      const panel = vscode.window.createWebviewPanel('mimspec.preview', 'MIM Preview', vscode.ViewColumn.One, {});
      await preview.restore(panel, { uri: file(...PAGE).toString() });
      assert.equal(preview.panel?.panel, panel);
      assert.equal(preview.panel?.mim, 'MIM7');
      assert.equal(preview.restoredFrom, 'webview');
      assert.match(previewHtml() ?? '', /R2\.1/);
      await askDriver('preview-revived', { text: ['R1.1', 'R2.1'] });
      // A second panel, while one is open, is closed rather than left empty.
      const stray = vscode.window.createWebviewPanel('mimspec.preview', 'MIM Preview', vscode.ViewColumn.Two, {});
      await preview.restore(stray, undefined);
      await waitFor(() => (webviewTabs('mimspec.preview').length === 1 ? true : undefined), 'the stray panel closed');
      // A window reloaded before the webview drew (and saved its state): the file shown last.
      await closeAll();
      const early = vscode.window.createWebviewPanel('mimspec.preview', 'MIM Preview', vscode.ViewColumn.One, {});
      await preview.restore(early, undefined);
      assert.equal(preview.panel?.panel, early, 'the panel without state was closed');
      assert.equal(preview.restoredFrom, 'workspace');
      assert.equal(preview.panel?.source.toString(), file(...PAGE).toString());
      assert.match(previewHtml() ?? '', /R2\.1/);
    },
  ],
  [
    "a cross-reference's click opens the preview of its MIM, through its file or the MIM's symbol",
    async () => {
      const preview = api().views.preview;
      assert.equal(preview.panel?.mim, 'MIM7', 'the preview is not open on MIM7');
      const twin = file('pinned', 'twin.mim.yaml').toString();
      await preview.handle({ type: 'openMim', mim: 'MIM8', uri: twin });
      assert.equal(preview.panel?.mim, 'MIM8');
      assert.match(previewHtml() ?? '', /Kerbside Twin/);
      await preview.openMim('MIM7', file(...PAGE).toString());
      assert.equal(preview.panel?.mim, 'MIM7');
      // A link without a file: the server's workspace symbol of MIM8 names one.
      await preview.handle({ type: 'openMim', mim: 'MIM8' });
      assert.equal(preview.panel?.mim, 'MIM8');
    },
  ],
  [
    'MIM: Export to HTML… writes the MIM as one HTML document',
    async () => {
      const editor = await showPage();
      const target = vscode.Uri.file(join(tmpdir(), `mimspec-export-${process.pid}.html`));
      const saved = await vscode.commands.executeCommand<vscode.Uri>('mimspec.exportHtml', editor.document.uri, target);
      assert.equal(saved?.fsPath, target.fsPath);
      const html = readFileSync(target.fsPath, 'utf8');
      assert.match(html, /<html/i);
      assert.match(html, /R1\.1/);
      assert.doesNotMatch(html, /<script/i);
    },
  ],
];
