import * as vscode from 'vscode';
import { Requests, type NewMimOptionsResult, type NewMimResult, type ViewServer } from './views/protocol.js';

/**
 * `MIM: New MIM…`: the server offers the templates and proposes a MIM number, the user picks
 * and names, the server writes the texts and this side writes the files (asking before it
 * writes over one) and opens the first. `step` says which question is open, so that the
 * extension-host tests know when to answer it.
 */
export const MIM_ID = /^MIM(0|[1-9][0-9]*)$/;

export type NewMimStep = 'template' | 'id' | 'title' | 'overwrite';

export class NewMim {
  step: NewMimStep | undefined;

  constructor(
    private readonly server: ViewServer,
    /** Told of the files once written. */
    private readonly written: (files: vscode.Uri[]) => void = () => undefined,
  ) {}

  /** Runs the questions; the files written, or undefined when the user stopped. */
  async run(target?: vscode.Uri): Promise<vscode.Uri[] | undefined> {
    try {
      return await this.ask(target);
    } finally {
      this.step = undefined;
    }
  }

  private async ask(target: vscode.Uri | undefined): Promise<vscode.Uri[] | undefined> {
    const folder = target ?? (await chooseFolder());
    if (!folder) return undefined;
    const options = await this.server.request<NewMimOptionsResult>(Requests.newMimOptions, {
      folder: folder.toString(),
    });

    this.step = 'template';
    const picked = await vscode.window.showQuickPick(
      options.templates.map((t) => ({ label: t.label, detail: t.detail, name: t.name })),
      { title: 'New MIM: template', placeHolder: 'What to start from', ignoreFocusOut: true },
    );
    if (!picked) return undefined;

    this.step = 'id';
    const id = await vscode.window.showInputBox({
      title: 'New MIM: number',
      prompt: 'The MIM number (the next free one is proposed)',
      value: options.id,
      ignoreFocusOut: true,
      validateInput: (v) => (MIM_ID.test(v.trim()) ? undefined : 'A MIM number such as MIM21'),
    });
    if (id === undefined) return undefined;

    this.step = 'title';
    const title = await vscode.window.showInputBox({
      title: `New MIM: title of ${id.trim()}`,
      prompt: 'The title of the MIM, e.g. "Kerb Segments"',
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() ? undefined : 'The title must not be empty'),
    });
    if (title === undefined) return undefined;

    const result = await this.server.request<NewMimResult>(Requests.newMim, {
      template: picked.name,
      id: id.trim(),
      title: title.trim(),
    });
    const files = result.files.map((f) => ({ uri: vscode.Uri.joinPath(folder, ...f.path.split('/')), text: f.text }));
    const existing = (await Promise.all(files.map(async (f) => ((await exists(f.uri)) ? f.uri : undefined)))).filter(
      (u): u is vscode.Uri => u !== undefined,
    );
    if (existing.length > 0) {
      this.step = 'overwrite';
      const names = existing.map((u) => vscode.workspace.asRelativePath(u)).join(', ');
      const yes = 'Overwrite';
      const answer = await vscode.window.showWarningMessage(
        `New MIM: ${existing.length === 1 ? 'this file exists' : 'these files exist'}: ${names}. Write over ${existing.length === 1 ? 'it' : 'them'}?`,
        { modal: true },
        yes,
      );
      if (answer !== yes) return undefined;
    }
    // workspace.fs makes the missing folders (docs/ of a GitBook repository).
    for (const f of files) await vscode.workspace.fs.writeFile(f.uri, new TextEncoder().encode(f.text));
    const uris = files.map((f) => f.uri);
    this.written(uris);
    if (files[0]) await vscode.window.showTextDocument(files[0].uri);
    return uris;
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** The workspace folder (asking when there are several), else a folder the user opens. */
async function chooseFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return folders[0]!.uri;
  if (folders.length > 1)
    return (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'The folder of the new MIM' }))?.uri;
  const chosen = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    openLabel: 'Create the MIM here',
  });
  return chosen?.[0];
}
