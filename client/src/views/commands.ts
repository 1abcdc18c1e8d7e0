import * as vscode from 'vscode';
import { exportHtml } from './export.js';
import { GraphView } from './graph-panel.js';
import { MatrixView } from './matrix-panel.js';
import { MimFiles } from './mim-files.js';
import { PreviewController } from './preview-controller.js';
import { Requests, type PreviewStyleResult, type ViewServer } from './protocol.js';

/**
 * The views' commands and what they keep: the preview (with its restore after a reload), the
 * traceability matrix, the MIM graph, the HTML export. What the extension returns from
 * `activate` (`views`) lets the extension-host tests see what each view shows.
 */
export interface Views {
  mimFiles: MimFiles;
  preview: PreviewController;
  matrix: MatrixView;
  graph: GraphView;
}

/** The workspace state's key of the file the preview showed last. */
const LAST_SHOWN_KEY = 'mimspec.preview.lastShown';

export function registerViews(context: vscode.ExtensionContext, server: ViewServer): Views {
  const mimFiles = new MimFiles(server);
  let style: Promise<string> | undefined;
  const deps = {
    server,
    mimFiles,
    extensionUri: context.extensionUri,
    lastShown: {
      get: () => context.workspaceState.get<string>(LAST_SHOWN_KEY),
      set: (uri: string) => void context.workspaceState.update(LAST_SHOWN_KEY, uri),
    },
    style: () =>
      (style ??= server.request<PreviewStyleResult>(Requests.previewStyle, {}).then(
        (r) => r.css,
        () => '',
      )),
  };
  const preview = new PreviewController(deps, mimFiles);
  const matrix = new MatrixView(server, mimFiles, context.extensionUri);
  const graph = new GraphView(server, mimFiles, context.extensionUri);
  const uriArg = (u: unknown) => (u instanceof vscode.Uri ? u : undefined);
  // From a menu: the file clicked; from the palette with the preview in front: its MIM.
  const subject = (u: unknown) => uriArg(u) ?? previewed(preview);

  context.subscriptions.push(
    mimFiles,
    preview,
    matrix,
    graph,
    vscode.commands.registerCommand('mimspec.openPreview', (u?: unknown) => preview.open(uriArg(u), false)),
    vscode.commands.registerCommand('mimspec.openPreviewToSide', (u?: unknown) => preview.open(uriArg(u), true)),
    vscode.commands.registerCommand('mimspec.exportHtml', (u?: unknown, target?: unknown) =>
      exportHtml(server, mimFiles, subject(u), uriArg(target)),
    ),
    vscode.commands.registerCommand('mimspec.showMatrix', (u?: unknown) => matrix.open(subject(u))),
    vscode.commands.registerCommand('mimspec.exportMatrixCsv', (target?: unknown) => matrix.exportCsv(uriArg(target))),
    vscode.commands.registerCommand('mimspec.showGraph', (u?: unknown) => graph.open(subject(u))),
  );
  return { mimFiles, preview, matrix, graph };
}

/** The file the preview shows, when it is the active view (a command run from its title bar). */
function previewed(preview: PreviewController): vscode.Uri | undefined {
  const panel = preview.panel;
  return panel?.panel.active ? panel.source : undefined;
}
