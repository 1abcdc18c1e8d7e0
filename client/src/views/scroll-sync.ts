import * as vscode from 'vscode';

/** How long a scroll we caused is not echoed back (visible-range events come late). */
const QUIET_MS = 400;

/**
 * The editor's half of scroll sync without a feedback loop: when the preview scrolls the
 * editor, the editor's own visible-range event that follows is not sent back to the preview.
 * (media/preview.js does the same for the scrolls it is told to make.)
 */
export class ScrollSync {
  private quiet: { uri: string; until: number } | undefined;

  /** Scrolls `editor` so that `line` is at its top, as the preview's top element is. */
  scrollEditor(editor: vscode.TextEditor, line: number): void {
    const top = editor.visibleRanges[0]?.start.line;
    if (top === line) return;
    this.hush(editor);
    const at = new vscode.Position(Math.min(line, Math.max(editor.document.lineCount - 1, 0)), 0);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.AtTop);
  }

  /** A click in the preview moved the editor: its scroll is the preview's doing. */
  revealed(editor: vscode.TextEditor): void {
    this.hush(editor);
  }

  /** The line to send the preview for the editor's scroll, or undefined when it is our echo. */
  editorLine(editor: vscode.TextEditor): number | undefined {
    const q = this.quiet;
    if (q && q.uri === editor.document.uri.toString() && Date.now() < q.until) return undefined;
    return editor.visibleRanges[0]?.start.line;
  }

  private hush(editor: vscode.TextEditor): void {
    this.quiet = { uri: editor.document.uri.toString(), until: Date.now() + QUIET_MS };
  }
}
