import * as vscode from 'vscode';

/**
 * Opens a view's source in a text editor: the editor that shows the file already, else the
 * column of the last text editor, else the first; never the view's own column when it can be
 * helped. The cursor goes to the start of `line`, which is shown in the middle.
 */
export async function revealSource(
  uriText: string,
  line: number,
  viewColumn: vscode.ViewColumn | undefined,
): Promise<vscode.TextEditor | undefined> {
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(uriText, true);
  } catch {
    return undefined;
  }
  if (uri.scheme !== 'file') return undefined;
  const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  const column =
    shown?.viewColumn ?? otherColumn(viewColumn) ?? vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.One;
  const doc = await vscode.workspace.openTextDocument(uri);
  const at = new vscode.Position(Math.min(line, Math.max(doc.lineCount - 1, 0)), 0);
  const editor = await vscode.window.showTextDocument(doc, {
    viewColumn: column,
    preserveFocus: false,
    selection: new vscode.Selection(at, at),
  });
  editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/** A column of a visible text editor that is not the view's. */
function otherColumn(viewColumn: vscode.ViewColumn | undefined): vscode.ViewColumn | undefined {
  return vscode.window.visibleTextEditors.map((e) => e.viewColumn).find((c) => c !== undefined && c !== viewColumn);
}
