import * as vscode from 'vscode';
import type { MimFiles } from './mim-files.js';
import { Requests, type ExportResult, type ViewServer } from './protocol.js';

/**
 * `MIM: Export to HTML…`: the server writes the document (`mimspec/export`, the same bytes as
 * `mimspec export --to html`), the user chooses where it goes, and may open it at once.
 * `target` skips the dialog (for scripts and tests).
 */
export async function exportHtml(
  server: ViewServer,
  mimFiles: MimFiles,
  resource: vscode.Uri | undefined,
  target?: vscode.Uri,
): Promise<vscode.Uri | undefined> {
  const uri = resource ?? vscode.window.activeTextEditor?.document.uri;
  const mim = uri && (await mimFiles.mimOf(uri));
  if (!uri || !mim) {
    void vscode.window.showInformationMessage('Open a file of a MIM to export it.');
    return undefined;
  }
  const answer = await server.request<ExportResult>(Requests.export, { uri: uri.toString(), to: 'html' });
  const saved = await saveText(answer.html, answer.fileName || `${answer.mim}.html`, { HTML: ['html'] }, target);
  if (saved && !target) {
    const open = 'Open in Browser';
    const chosen = await vscode.window.showInformationMessage(
      `${answer.mim} exported to ${vscode.workspace.asRelativePath(saved)}.`,
      open,
      'Open as Text',
    );
    if (chosen === open) await vscode.env.openExternal(saved);
    else if (chosen) await vscode.window.showTextDocument(saved);
  }
  return saved;
}

/** Writes `text` where the user chooses (a dialog next to the workspace), or to `target`. */
export async function saveText(
  text: string,
  fileName: string,
  filters: Record<string, string[]>,
  target?: vscode.Uri,
): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const to =
    target ??
    (await vscode.window.showSaveDialog({
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, fileName) } : {}),
      filters,
    }));
  if (!to) return undefined;
  await vscode.workspace.fs.writeFile(to, new TextEncoder().encode(text));
  return to;
}
