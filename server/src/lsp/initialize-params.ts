import { ErrorCodes, ResponseError, type ClientCapabilities, type InitializeParams } from 'vscode-languageserver';

/**
 * The parts of `initialize` the server reads, checked: a request without `capabilities` (the
 * one member LSP requires of a client besides `processId`) is answered with invalid params
 * naming it, rather than failing on the first capability read. Every optional member is read
 * as possibly missing or of the wrong type.
 */
export function checkInitialize(params: unknown): { capabilities: ClientCapabilities; rootUris: string[] } {
  if (!isObject(params)) throw invalid('initialize: the params are missing (an object is required)');
  const p = params as Partial<InitializeParams>;
  if (!isObject(p.capabilities)) throw invalid('initialize: params.capabilities is missing (an object is required)');
  const folders = Array.isArray(p.workspaceFolders)
    ? p.workspaceFolders.flatMap((f: unknown) => (isObject(f) && typeof f.uri === 'string' ? [f.uri] : []))
    : [];
  const rootUris = folders.length > 0 ? folders : typeof p.rootUri === 'string' ? [p.rootUri] : [];
  return { capabilities: p.capabilities, rootUris };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function invalid(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}
