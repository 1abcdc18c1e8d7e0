import {
  ErrorCodes,
  ResponseError,
  type ClientCapabilities,
  type Connection,
  type ConnectionOptions,
  type InitializeParams,
} from 'vscode-languageserver';

/** Where a malformed `initialize` is sent instead: the library reads `capabilities` before the server's handler runs. */
const INVALID_INITIALIZE = '$/mimspec/invalidInitialize';

/** What is missing from `initialize` params for the server to read them, if anything. */
export function initializeProblem(params: unknown): string | undefined {
  if (!isObject(params)) return 'initialize: the params are missing (an object is required)';
  if (!isObject(params.capabilities)) return 'initialize: params.capabilities is missing (an object is required)';
  return undefined;
}

/**
 * Connection options that answer a malformed `initialize` with invalid params naming what is
 * missing: the message is turned, before it is dispatched, into a request the server answers
 * with that error (`answerInvalidInitialize`), under its own id. Without this the library
 * fails on `params.capabilities` and answers an internal error carrying a TypeError.
 */
export const initializeGuard: ConnectionOptions = {
  messageStrategy: {
    handleMessage(message, next) {
      const m = message as { method?: unknown; params?: unknown; id?: unknown };
      if (m.method === 'initialize' && m.id !== undefined) {
        const problem = initializeProblem(m.params);
        if (problem) return next({ ...message, method: INVALID_INITIALIZE, params: { problem } } as typeof message);
      }
      return next(message);
    },
  },
};

export function answerInvalidInitialize(connection: Connection): void {
  connection.onRequest(
    INVALID_INITIALIZE,
    (p: { problem: string }) => new ResponseError(ErrorCodes.InvalidParams, p.problem),
  );
}

/** The parts of `initialize` the server reads; every optional member read as possibly missing or of the wrong type. */
export function checkInitialize(params: unknown): { capabilities: ClientCapabilities; rootUris: string[] } {
  const problem = initializeProblem(params);
  if (problem) throw new ResponseError(ErrorCodes.InvalidParams, problem);
  const p = params as Partial<InitializeParams> & { capabilities: ClientCapabilities };
  const folders = Array.isArray(p.workspaceFolders)
    ? p.workspaceFolders.flatMap((f: unknown) => (isObject(f) && typeof f.uri === 'string' ? [f.uri] : []))
    : [];
  const rootUris = folders.length > 0 ? folders : typeof p.rootUri === 'string' ? [p.rootUri] : [];
  return { capabilities: withoutNulls(p.capabilities as Record<string, unknown>, 0) as ClientCapabilities, rootUris };
}

/**
 * Capabilities with every null left out (null says "absent" as well as a missing member does,
 * and `x?.y` reads through undefined only), and the groups of the first level (`workspace`,
 * `textDocument`, `window`, `general`...) kept only when they are objects.
 */
function withoutNulls(value: Record<string, unknown>, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === null || (depth === 0 && !isObject(v))) continue;
    out[k] = isObject(v) && depth < 8 ? withoutNulls(v, depth + 1) : v;
  }
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
