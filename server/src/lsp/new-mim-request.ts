import { ResponseError, ErrorCodes, type Connection } from 'vscode-languageserver';
import { normalizeMimId } from '../model/ids.js';
import { isTemplateName, newMimFiles, TEMPLATES } from '../scaffold/new-mim.js';
import { proposeMimId } from '../scaffold/next-mim.js';
import type { Workspace } from '../workspace/workspace.js';
import {
  Requests,
  type NewMimOptionsParams,
  type NewMimOptionsResult,
  type NewMimParams,
  type NewMimResult,
} from '../protocol/views.js';

interface Host {
  workspace(): Workspace;
  ready(): Promise<void>;
  pathOf(uri: string): string | undefined;
}

/**
 * `mimspec/newMimOptions` { folder } → { templates, id }: what "New MIM…" offers, with the MIM
 * number to propose in that folder; `mimspec/newMim` { template, id, title } → { files }: the
 * files of the new MIM by path relative to the folder, the first to be opened. The client
 * writes them (it asks before writing over a file), as `mimspec new` does on the command line.
 */
export function registerNewMimRequests(connection: Connection, host: Host): void {
  connection.onRequest(Requests.newMimOptions, async (params: NewMimOptionsParams): Promise<NewMimOptionsResult> => {
    await host.ready();
    const folder = params?.folder ? host.pathOf(params.folder) : undefined;
    const ws = host.workspace();
    return {
      templates: TEMPLATES,
      id: proposeMimId(ws, folder ?? ws.roots[0] ?? '/'),
    };
  });

  connection.onRequest(Requests.newMim, (params: Partial<NewMimParams>): NewMimResult => {
    const id = normalizeMimId(params?.id ?? '');
    const title = params?.title?.trim();
    if (!params?.template || !isTemplateName(params.template))
      throw new ResponseError(
        ErrorCodes.InvalidParams,
        `template must be one of ${TEMPLATES.map((t) => t.name).join(', ')}`,
      );
    if (!id) throw new ResponseError(ErrorCodes.InvalidParams, 'id must be a MIM number such as MIM21');
    if (!title) throw new ResponseError(ErrorCodes.InvalidParams, 'title must not be empty');
    const files = newMimFiles(params.template, { id, title, year: new Date().getFullYear() });
    return { files: [...files].map(([path, text]) => ({ path, text })) };
  });
}
