import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { MimspecApi } from '../../../client/src/extension.js';
import { askDriver, file, log, putBack, sleep, waitFor, type Check } from './support.js';

/**
 * The language server killed: the client starts it again on the delays of its back-off
 * (client/src/backoff.ts: at once, then 1, 2, 4 and 8 s; the sixth death within three minutes
 * leaves it stopped), the new server reads the workspace again, and the status bar says what
 * happened. The checks run in order: the second and third count on each other's deaths.
 */

const TWIN = ['pinned', 'twin.mim.yaml'] as const;
/** A MIM that no editor opens: its findings come from the index the server builds. */
const SIGNS = ['signs', 'kerb-signs.md'] as const;
const UNKNOWN = 'trace/unknown-requirement';
const BROKEN = 'link/broken-file';
const RESTARTING = '$(sync~spin) mimspec: restarting';

function api(): MimspecApi {
  const ext = vscode.extensions.getExtension<MimspecApi>('mimspec.mimspec');
  assert.ok(ext?.isActive, 'the extension is not active');
  return ext.exports;
}

const count = (uri: vscode.Uri, code: string) =>
  vscode.languages
    .getDiagnostics(uri)
    .filter((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code)) === code).length;

const tooltip = () => String(api().status.item.tooltip ?? '');

/** Asks for the server's pid until another than `pid` answers. */
async function nextPid(pid: number, ms: number): Promise<number> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(50)) {
    const now = await api()
      .serverPid()
      .catch(() => undefined);
    if (now !== undefined && now !== pid) return now;
  }
  throw new Error(`the server (pid ${pid}) was not started again within ${ms} ms`);
}

/** What the status bar item reads, each change, until stopped (a restart at once is short). */
function watchStatus(): { seen: string[]; stop(): void } {
  const seen: string[] = [];
  const look = () => {
    const now = `${api().status.item.text} | ${tooltip()}`;
    if (seen.at(-1) !== now) seen.push(now);
  };
  look();
  const timer = setInterval(look, 5);
  return { seen, stop: () => clearInterval(timer) };
}

/** How a promise ended, without throwing. */
const ended = (p: Thenable<unknown>) =>
  Promise.resolve(p).then(
    () => 'answered',
    (e: unknown) => `failed: ${e instanceof Error ? e.message : String(e)}`,
  );

export const faultChecks: Check[] = [
  [
    'a server killed with requests in flight is started again: they end, the index is rebuilt, the status says so, the preview follows edits',
    async () => {
      // A fresh server, with no death counted: the preview it draws first is its version 1, as
      // the first one the next server draws is (they must not be taken for one another).
      await vscode.commands.executeCommand('mimspec.restartServer');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      const doc = await vscode.workspace.openTextDocument(file(...TWIN));
      const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
      const signs = file(...SIGNS);
      await vscode.commands.executeCommand('mimspec.openPreviewToSide');
      const preview = api().views.preview;
      const shows = (text: string) => (preview.panel?.shown.html?.includes(text) ? true : undefined);
      await waitFor(() => shows('Kerbside Twin'), 'the preview of MIM8');
      await waitFor(() => (count(doc.uri, UNKNOWN) > 0 ? true : undefined), `${UNKNOWN} in ${TWIN[1]}`);
      await waitFor(() => (count(signs, BROKEN) === 1 ? true : undefined), `${BROKEN} in ${SIGNS[1]}`, 15000);
      const pid = await api().serverPid();
      const twinText = doc.getText();

      // Frozen, the server answers nothing: what is asked now is in flight when it dies.
      process.kill(pid, 'SIGSTOP');
      const at = doc.positionAt(doc.getText().indexOf('R1.1'));
      const references = ended(vscode.commands.executeCommand('vscode.executeReferenceProvider', doc.uri, at));
      const asked = ended(api().serverPid());
      // An edit, which the preview asks for after its pause for typing ...
      const title = doc.lineAt(1).range.end;
      assert.equal(await editor.edit((b) => b.insert(title, ' Mirror')), true);
      // ... and a file changed on disk, which only a server that reads the workspace again knows of.
      const signsText = readFileSync(signs.fsPath, 'utf8');
      writeFileSync(signs.fsPath, `${signsText}\nThe signs are also drawn in [the kerb atlas](kerb-atlas.md).\n`);
      // Past the preview's pause, with time for the requests to leave; none can be answered.
      await sleep(600);
      assert.equal(await Promise.race([references, asked, sleep(0).then(() => 'in flight')]), 'in flight');

      const status = watchStatus();
      const killed = Date.now();
      process.kill(pid, 'SIGKILL');
      const again = await nextPid(pid, 20000);
      const back = Date.now() - killed;
      assert.match(await asked, /^failed/, 'the request in flight');
      assert.notEqual(await Promise.race([references, sleep(20000).then(() => 'pending')]), 'pending');

      await waitFor(() => (count(signs, BROKEN) === 2 ? true : undefined), `both links of ${SIGNS[1]}`, 20000);
      await waitFor(() => (count(doc.uri, UNKNOWN) > 0 ? true : undefined), `${UNKNOWN} again`, 20000);
      await waitFor(
        () => (api().status.state === 'running' && /^\$\(book\) MIM8 /.test(api().status.item.text) ? true : undefined),
        'MIM8 in the status bar again',
      );
      status.stop();
      assert.ok(
        status.seen.some(
          (s) => s.startsWith(`${RESTARTING} | `) && /stopped unexpectedly at .+: starting it again$/.test(s),
        ),
        `the status read:\n${status.seen.join('\n')}`,
      );
      assert.match(tooltip(), /It stopped unexpectedly at .+ and was started again\.$/);

      // The preview: the edit made while the server was down, then one made after.
      await waitFor(() => shows('Kerbside Twin Mirror'), 'the edit made before the restart in the preview', 15000);
      assert.equal(await editor.edit((b) => b.insert(doc.lineAt(1).range.end, ' of the City')), true);
      await waitFor(() => shows('Kerbside Twin Mirror of the City'), 'an edit after the restart in the preview');
      await askDriver('preview-after-restart', { text: ['Kerbside Twin Mirror of the City'] });
      log(`# the server was back ${back} ms after it was killed, its requests in flight (pid ${pid} → ${again})`);

      writeFileSync(signs.fsPath, signsText);
      await putBack(doc, twinText);
      await waitFor(() => (count(signs, BROKEN) === 1 ? true : undefined), `${SIGNS[1]} as it was`, 15000);
    },
  ],
  [
    'killed again as soon as it is back, the server is started again after a second',
    async () => {
      // A restart the user asks for forgets the deaths before: the count starts here.
      await vscode.commands.executeCommand('mimspec.restartServer');
      await waitFor(
        () => (api().status.state === 'running' && !/stopped unexpectedly/.test(tooltip()) ? true : undefined),
        'the status running, the death before forgotten',
      );
      const first = await api().serverPid();
      const status = watchStatus();
      let killed = Date.now();
      process.kill(first, 'SIGKILL');
      const second = await nextPid(first, 20000);
      const once = Date.now() - killed;
      killed = Date.now();
      process.kill(second, 'SIGKILL');
      const third = await nextPid(second, 20000);
      const twice = Date.now() - killed;
      status.stop();
      const said = status.seen.join('\n');
      assert.match(said, /mimspec: restarting \| .*: starting it again\n/, 'at once after the first death');
      assert.match(said, /mimspec: restarting \| .*: starting it again in 1 s\n/, 'after a second the next time');
      assert.ok(twice >= 1000, `started again ${twice} ms after the second death`);
      assert.notEqual(third, first);
      log(`# started again ${once} ms after a first death, ${twice} ms after a second`);
    },
  ],
  [
    'the sixth death within three minutes leaves the server stopped; the status and a message say so, and Restart brings it back',
    async () => {
      // Two deaths so far (the check before): the next three wait 2, 4 and 8 s, as the status says.
      let pid = await api().serverPid();
      for (const delay of [2000, 4000, 8000]) {
        const watch = watchStatus();
        const killed = Date.now();
        process.kill(pid, 'SIGKILL');
        const next = await nextPid(pid, delay + 20000);
        const took = Date.now() - killed;
        watch.stop();
        const said = watch.seen.join('\n');
        assert.match(said, new RegExp(`: starting it again in ${delay / 1000} s\n`), `after ${delay} ms`);
        assert.ok(took >= delay, `started again ${took} ms after a death, not ${delay}`);
        pid = next;
      }
      process.kill(pid, 'SIGKILL');
      const status = api().status;
      await waitFor(
        () =>
          status.state === 'stopped' && status.item.text === '$(circle-slash) mimspec: stopped' ? true : undefined,
        `the status saying the server is stopped (it reads ${status.item.text})`,
      );
      assert.match(tooltip(), /stopped 6 times in a row and was left stopped/);
      assert.equal((status.item.command as vscode.Command).command, 'mimspec.restartServer');
      assert.match(await ended(api().serverPid()), /^failed/, 'a request to the stopped server');
      await askDriver('status-stopped', { status: 'mimspec: stopped' });
      // The message offers Restart: clicked in the workbench where the driver runs.
      const clicked = await askDriver('notification-restart', { text: ['stopped 6 times'], button: 'Restart' });
      if (!clicked) await vscode.commands.executeCommand('mimspec.restartServer');
      await nextPid(pid, 20000);
      await waitFor(
        () => (status.state === 'running' && !/stopped unexpectedly/.test(tooltip()) ? true : undefined),
        'the status running, the deaths forgotten',
      );
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file(...TWIN)));
      await waitFor(() => (count(file(...TWIN), UNKNOWN) > 0 ? true : undefined), `${UNKNOWN} again`, 15000);
    },
  ],
];
