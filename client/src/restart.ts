import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type ErrorHandler, type LanguageClient } from 'vscode-languageclient/node';
import { Backoff } from './backoff.js';

/** What the handler tells of a death: the delay before the server starts again, or undefined when it is left stopped. */
export type OnDeath = (restartIn: number | undefined, deaths: number) => void;

/**
 * The language client's error handler: a server that dies is started again after growing
 * delays (the library's own handler restarts at once, four times); after repeated deaths the
 * user gets a message with "Show Log" and "Restart". `onDeath` lets the status bar say so.
 */
export function restartingErrorHandler(
  client: () => LanguageClient | undefined,
  output: vscode.LogOutputChannel,
  backoff = new Backoff(),
  onDeath: OnDeath = () => undefined,
): ErrorHandler {
  return {
    error: () => ({ action: ErrorAction.Continue }),
    closed: () => {
      const delay = backoff.next(Date.now());
      onDeath(delay, backoff.count);
      if (delay === undefined) {
        output.error('the language server stopped again: not restarted');
        void vscode.window
          .showErrorMessage(
            `The mimspec language server stopped ${backoff.count} times within ${backoff.window / 60_000} minutes and was not started again.`,
            'Show Log',
            'Restart',
          )
          .then((choice) => {
            if (choice === 'Show Log') output.show();
            if (choice === 'Restart') void vscode.commands.executeCommand('mimspec.restartServer');
          });
        return { action: CloseAction.DoNotRestart, handled: true };
      }
      output.warn(`the language server stopped: starting it again in ${delay} ms`);
      setTimeout(() => {
        const c = client();
        if (c && !c.isRunning()) c.start().catch((e: unknown) => output.error(`restart failed: ${String(e)}`));
      }, delay);
      return { action: CloseAction.DoNotRestart, handled: true, message: 'the language server stopped' };
    },
  };
}
