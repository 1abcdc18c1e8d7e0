import type { Connection } from 'vscode-languageserver';
import { exportHtmlPage, mimPlaces } from '../render/preview.js';
import { mimOfUri, type ViewHost } from './view-host.js';

interface ExportParams {
  uri: string;
  to: 'html';
}

/** `mimspec/export`: the MIM of a file as the page `mimspec export --to html` writes for it; null when the file is part of no MIM. */
export function registerExport(connection: Connection, host: ViewHost): void {
  connection.onRequest('mimspec/export', async (params: ExportParams) => {
    await host.ready();
    if (params?.to !== 'html' || typeof params.uri !== 'string') return null;
    const mim = mimOfUri(host, params.uri);
    if (!mim) return null;
    const { fileName, html } = exportHtmlPage(mim, mimPlaces(host.workspace().mims()));
    return { mim: mim.id, fileName, html };
  });
}
