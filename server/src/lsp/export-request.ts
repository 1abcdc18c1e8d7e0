import type { Connection } from 'vscode-languageserver';
import { exportHtmlPage, mimPlaces } from '../render/preview.js';
import { Requests, type ExportParams, type ExportResult } from '../protocol/views.js';
import { mimOfUri, type ViewHost } from './view-host.js';

/** `mimspec/export`: the MIM of a file as the page `mimspec export --to html` writes for it; null when the file is part of no MIM. */
export function registerExport(connection: Connection, host: ViewHost): void {
  connection.onRequest(Requests.export, async (params: ExportParams): Promise<ExportResult | null> => {
    await host.ready();
    if (params?.to !== 'html' || typeof params.uri !== 'string') return null;
    const mim = mimOfUri(host, params.uri);
    if (!mim) return null;
    const { fileName, html } = exportHtmlPage(mim, mimPlaces(host.workspace().mims()));
    return { mim: mim.id, fileName, html };
  });
}
