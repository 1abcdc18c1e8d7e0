import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type ErrorHandler, type LanguageClient } from 'vscode-languageclient/node';
import { Backoff } from './backoff.js';

/**
 * The language client's error handler: a server that dies is started again after growing
 * delays (the library's own handler restarts at once, four times); after repeated deaths the
 * user gets a message with "Show Log" and "Restart".
 */
export function restartingErrorHandler(
  client: () => LanguageClient | undefined,
  output: vscode.LogOutputChannel,
  backoff = new Backoff(),
): ErrorHandler {
  return {
    error: () => ({ action: ErrorAction.Continue }),
    closed: () => {
      const delay = backoff.next(Date.now());
      if (delay === undefined) {
        output.error('the language server stopped again: not restarted');
        void vscode.window
          .showErrorMessage('The mimspec language server stopped several times in a row.', 'Show Log', 'Restart')
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
