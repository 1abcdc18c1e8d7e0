/**
 * The graph's stylesheet: VS Code theme variables with light fallbacks, so the view follows
 * the editor's theme and a saved SVG reads in light colours.
 */
export const GRAPH_CSS = `
.mim-graph { font-family: var(--vscode-font-family, system-ui, sans-serif); font-size: 12px; }
.mim-graph .node rect { fill: var(--vscode-editorWidget-background, #f6f8fa); stroke: var(--vscode-editorWidget-border, #8c959f); stroke-width: 1; }
.mim-graph .node text { fill: var(--vscode-editor-foreground, #1f2328); }
.mim-graph .node .label { font-weight: 600; }
.mim-graph .node .title { fill: var(--vscode-descriptionForeground, #59636e); }
.mim-graph .node[data-uri], .mim-graph .node[data-expand] { cursor: pointer; }
.mim-graph .node-mim rect { stroke: var(--vscode-textLink-foreground, #0969da); stroke-width: 1.5; }
.mim-graph .node-mim.expanded rect { stroke-width: 2.5; }
.mim-graph .node-registry rect { fill: var(--vscode-editor-background, #ffffff); stroke-dasharray: 5 3; }
.mim-graph .node-unknown rect { fill: var(--vscode-editor-background, #ffffff); stroke: var(--vscode-editorWarning-foreground, #9a6700); stroke-dasharray: 2 2; }
.mim-graph .node-capability rect { stroke: var(--vscode-charts-purple, #8250df); }
.mim-graph .node-requirement rect { stroke: var(--vscode-charts-blue, #0969da); }
.mim-graph .node-mechanism rect { stroke: var(--vscode-charts-green, #1a7f37); }
.mim-graph .edge path { fill: none; stroke: var(--vscode-editorLineNumber-foreground, #6e7781); stroke-width: 1.2; }
.mim-graph .edge-contains path { stroke-dasharray: 3 3; }
.mim-graph .edge-satisfies path { stroke: var(--vscode-charts-green, #1a7f37); }
.mim-graph .edge-seeAlso path { stroke: var(--vscode-charts-purple, #8250df); }
.mim-graph .edge .count { fill: var(--vscode-editor-foreground, #1f2328); font-size: 10px; text-anchor: middle; }
.mim-graph .edge .count-bg { fill: var(--vscode-editor-background, #ffffff); }
.mim-graph .empty { fill: var(--vscode-descriptionForeground, #59636e); }
.mim-graph marker path { fill: var(--vscode-editorLineNumber-foreground, #6e7781); }
`.trimStart();
