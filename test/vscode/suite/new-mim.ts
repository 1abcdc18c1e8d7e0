import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MimspecApi } from '../../../client/src/extension.js';
import type { NewMimStep } from '../../../client/src/new-mim.js';
import { askDriver, file, log, sleep, waitFor, type Check } from './support.js';

/**
 * `MIM: New MIM…` as a user runs it: the command is started as from the explorer's menu on a
 * folder, the suite answers the quick pick and the prefilled number through the workbench's
 * own commands, and the outer driver types the title (a host without a driver stops there).
 */

const TEMPLATES = ['yaml', 'gitbook', 'itu'] as const;

function api(): MimspecApi {
  const ext = vscode.extensions.getExtension<MimspecApi>('mimspec.mimspec');
  assert.ok(ext?.isActive, 'the extension is not active');
  return ext.exports;
}

async function atStep(step: NewMimStep): Promise<void> {
  await waitFor(() => (api().newMim.step === step ? true : undefined), `New MIM… asking for the ${step}`);
  await sleep(300); // the quick input's widget is shown just after the call
}

const accept = () => vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');

/** Runs New MIM… on `folder` up to its title; the command's promise, or undefined without a driver. */
async function startNewMim(
  folder: vscode.Uri,
  template: number,
  title: string,
  step = `type-title-${TEMPLATES[template]}`,
): Promise<{ running: Thenable<vscode.Uri[] | undefined> } | undefined> {
  const running = vscode.commands.executeCommand<vscode.Uri[] | undefined>('mimspec.newMim', folder);
  await atStep('template');
  for (let i = 0; i < template; i++) await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
  await accept();
  await atStep('id');
  await accept(); // the number proposed
  await atStep('title');
  const typed = await askDriver(step, { type: title, keys: ['Enter'] });
  if (!typed) {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await running;
    return undefined;
  }
  // Wrapped: an async function's result would wait for the command instead of handing it back.
  return { running };
}

const errorsOf = (uri: vscode.Uri) =>
  vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);

const newMimChecks: Check[] = TEMPLATES.map((name, template): Check => [
  `MIM: New MIM… writes the ${name} template, opens it, and it has no error`,
  async () => {
    const folder = file('new', name);
    await vscode.workspace.fs.createDirectory(folder);
    const title = `Kerb ${name} segments`;
    const started = Date.now();
    const written = await startNewMim(folder, template, title);
    if (!written) return;
    const uris = await written.running;
    assert.ok(uris && uris.length > 0, 'New MIM… wrote nothing');
    log(`# ${name}: ${uris.length} files written ${Date.now() - started} ms after the command started`);
    const first = uris[0]!;
    await waitFor(
      () => (vscode.window.activeTextEditor?.document.uri.toString() === first.toString() ? true : undefined),
      'the first file open',
    );
    const id = await waitFor(
      () => /\bMIM(0|[1-9][0-9]*)\b/.exec(vscode.window.activeTextEditor!.document.getText())?.[0],
      'a MIM number in the first file',
    );
    const docs = await Promise.all(uris.map((u) => vscode.workspace.openTextDocument(u)));
    assert.ok(
      docs.some((d) => d.getText().includes(title)),
      `no file holds the title ${title}`,
    );
    // The server reads the new files as a MIM of their own, and finds no error in them.
    // Asked again until the server has had the watcher's news of every new file (a GitBook
    // repository's README belongs to its folder's MIM once its mimspec.yaml is read).
    let mim: string | undefined;
    for (let end = Date.now() + 10000; mim !== id && Date.now() < end; await sleep(200)) {
      api().views.mimFiles.forget();
      mim = await api().views.mimFiles.mimOf(first);
    }
    assert.equal(mim, id, 'the MIM the server reads the first file into');
    for (const d of docs) await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', d.uri);
    await sleep(500);
    for (const d of docs) {
      const errors = errorsOf(d.uri);
      assert.equal(
        errors.length,
        0,
        `${vscode.workspace.asRelativePath(d.uri)}: ${errors.map((e) => `${e.range.start.line + 1}: ${e.message}`).join('\n')}`,
      );
    }
  },
]);

newMimChecks.push([
  'MIM: New MIM… asks before it writes over a file, and writes nothing when told no',
  async () => {
    const target = file('new', 'yaml', 'kerb-yaml-segments.mim.yaml');
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    const written = await startNewMim(file('new', 'yaml'), 0, 'Kerb yaml segments', 'type-title-again');
    if (!written) return;
    // The question is modal; a host under test refuses modal dialogs, which the command takes
    // as a no. Where the dialog shows, the driver answers no.
    const answered = Promise.resolve(written.running).then(
      (r) => ({ r, error: '' }),
      (e: unknown) => ({ r: undefined, error: String(e) }),
    );
    const outcome = await Promise.race([
      answered,
      atStep('overwrite').then(
        () => undefined,
        () => undefined,
      ),
    ]);
    if (!outcome) await askDriver('type-decline', { keys: ['Escape'] });
    const { r, error } = await answered;
    assert.equal(r, undefined, 'New MIM… wrote the files over');
    if (error) assert.match(error, /this file exists: new\/yaml\/kerb-yaml-segments\.mim\.yaml/);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), before);
  },
]);

export { newMimChecks };
