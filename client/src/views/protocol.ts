/**
 * The custom requests of the language server's views, from their one text shared with the
 * server (server/src/protocol/views.ts: names and types only), and the messages between the
 * extension and its webview scripts (client/media/*.js).
 */

export * from '../../../server/src/protocol/views.js';
import type { MatrixScope } from '../../../server/src/protocol/views.js';

/** What the views ask of the language server; the language client, once it runs. */
export interface ViewServer {
  request<R>(method: string, params: object): Promise<R>;
}

/** Messages a webview script posts to the extension. */
export type FromWebview =
  | { type: 'ready' }
  | { type: 'reveal'; uri: string; line: number }
  | { type: 'scrolled'; uri: string; line: number }
  | { type: 'openMim'; mim: string; uri?: string; line?: number }
  | { type: 'expand'; id: string }
  | { type: 'more' }
  | { type: 'filter'; filter: string }
  | { type: 'scope'; scope: MatrixScope }
  | { type: 'exportCsv' }
  | { type: 'collapse' };

/** A webview message, checked field by field: a webview is not trusted to send well-formed data. */
export function readMessage(m: unknown): FromWebview | undefined {
  if (typeof m !== 'object' || m === null) return undefined;
  const o = m as Record<string, unknown>;
  const str = (k: string) => typeof o[k] === 'string';
  const line = () => typeof o.line === 'number' && Number.isInteger(o.line) && o.line >= 0;
  switch (o.type) {
    case 'ready':
    case 'more':
    case 'exportCsv':
    case 'collapse':
      return { type: o.type };
    case 'reveal':
    case 'scrolled':
      return str('uri') && line() ? { type: o.type, uri: o.uri as string, line: o.line as number } : undefined;
    case 'openMim':
      if (!str('mim')) return undefined;
      return {
        type: 'openMim',
        mim: o.mim as string,
        ...(str('uri') ? { uri: o.uri as string } : {}),
        ...(line() ? { line: o.line as number } : {}),
      };
    case 'expand':
      return str('id') ? { type: 'expand', id: o.id as string } : undefined;
    case 'filter':
      return str('filter') ? { type: 'filter', filter: o.filter as string } : undefined;
    case 'scope':
      return o.scope === 'mim' || o.scope === 'workspace' ? { type: 'scope', scope: o.scope } : undefined;
    default:
      return undefined;
  }
}
