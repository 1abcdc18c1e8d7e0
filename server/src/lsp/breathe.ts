/** How long a scan parses before it lets the server read and answer the editor's messages. */
const SLICE_MS = 15;

/**
 * A pause for the workspace's scan (`WorkspaceOptions.breathe`): none while the current
 * slice lasts, then one turn of the event loop, so that a document opened meanwhile is
 * parsed, checked and answered without waiting for the whole workspace.
 */
export function breather(): () => Promise<void> | undefined {
  let since = performance.now();
  return () => {
    if (performance.now() - since < SLICE_MS) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        since = performance.now();
        resolve();
      }),
    );
  };
}
