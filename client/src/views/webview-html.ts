import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/**
 * The page every view's webview shows: a strict Content Security Policy (nothing remote, no
 * inline script, scripts and the server's stylesheet by nonce), the extension's own scripts
 * and stylesheet from `client/media/`, and nothing else the webview may load.
 */

/** The views' scripts and stylesheet (`client/media/`, packaged with the extension). */
export function mediaRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'client', 'media');
}

/** Scripts on, and the extension's media folder the only place a page may load from. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [mediaRoot(extensionUri)],
    retainContextWhenHidden: false,
  };
}

export interface PageParts {
  title: string;
  /** Script files of `media/`, loaded in order. */
  scripts: string[];
  /** The server's stylesheet, inlined under the nonce. */
  css?: string;
  /** The body's HTML: the extension's own chrome, never document text unescaped. */
  body: string;
}

export function pageHtml(webview: vscode.Webview, extensionUri: vscode.Uri, parts: PageParts): string {
  const nonce = randomBytes(16).toString('base64');
  const media = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot(extensionUri), name)).toString();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${webview.cspSource} data:`,
  ].join('; ');
  // A stylesheet could close the <style> element; the server's CSS holds no '<', and one that
  // did would be cut there rather than read as markup.
  const css = parts.css?.replace(/<\/?style/gi, '') ?? '';
  const scripts = parts.scripts
    .map((s) => `<script nonce="${nonce}" src="${escapeAttr(media(s))}"></script>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeText(parts.title)}</title>
<link rel="stylesheet" href="${escapeAttr(media('views.css'))}">
<style nonce="${nonce}">${css}</style>
</head>
<body>
${parts.body}
${scripts}
</body>
</html>`;
}

export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
