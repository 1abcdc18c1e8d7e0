// The stylesheet of the preview and of the HTML export: VS Code's theme variables where the
// webview sets them, light colours where nothing does (the exported page), and print rules
// that keep a clause's heading with its text and show no interactive decoration.

const fg = 'var(--vscode-editor-foreground, #1f2328)';
const bg = 'var(--vscode-editor-background, #ffffff)';
const muted = 'var(--vscode-descriptionForeground, #59636e)';
const border = 'var(--vscode-panel-border, #d1d9e0)';
const link = 'var(--vscode-textLink-foreground, #0969da)';
const codeBg = 'var(--vscode-textCodeBlock-background, #f6f8fa)';

export const PREVIEW_CSS = `
.mim-preview { color: ${fg}; background: ${bg}; font-family: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", sans-serif); font-size: var(--vscode-font-size, 14px); line-height: 1.55; max-width: 60rem; margin: 0 auto; padding: 0 1rem 2rem; }
body.mim-export { margin: 0; background: ${bg}; }
.mim-preview h1 { font-size: 1.8em; border-bottom: 1px solid ${border}; padding-bottom: .3em; }
.mim-preview h2 { font-size: 1.4em; margin-top: 1.6em; border-bottom: 1px solid ${border}; padding-bottom: .2em; }
.mim-preview h3 { font-size: 1.15em; margin-top: 1.3em; }
.mim-preview .num { color: ${muted}; margin-right: .3em; }
.mim-preview .mim-id, .mim-preview .el-id, .mim-preview .req-id { font-family: var(--vscode-editor-font-family, ui-monospace, monospace); }
.mim-preview .mim-id { color: ${muted}; font-size: .7em; }
.mim-preview .meta { color: ${muted}; }
.mim-preview a { color: ${link}; }
.mim-preview code, .mim-preview pre { background: ${codeBg}; border-radius: 3px; font-family: var(--vscode-editor-font-family, ui-monospace, monospace); }
.mim-preview code { padding: 0 .25em; }
.mim-preview pre { padding: .6em; overflow-x: auto; }
.mim-preview .requirement { margin: .4em 0; padding: .3em .6em; border-left: 3px solid ${border}; }
.mim-preview .requirement.level-required, .mim-preview .requirement.level-prohibited { border-left-color: #cf222e; }
.mim-preview .requirement.level-recommended, .mim-preview .requirement.level-not-recommended { border-left-color: #9a6700; }
.mim-preview .requirement.level-optional { border-left-color: #1a7f37; }
.mim-preview .req-id { font-weight: 600; margin-right: .3em; }
.mim-preview .badge { display: inline-block; font-size: .75em; padding: 0 .5em; border-radius: 1em; border: 1px solid ${border}; color: ${muted}; vertical-align: middle; }
.mim-preview .badge-required, .mim-preview .badge-prohibited { color: #cf222e; border-color: #cf222e; }
.mim-preview .badge-recommended, .mim-preview .badge-not-recommended { color: #9a6700; border-color: #9a6700; }
.mim-preview .badge-optional { color: #1a7f37; border-color: #1a7f37; }
.mim-preview .kw { font-weight: 700; }
.mim-preview .see-also { color: ${muted}; font-size: .9em; }
.mim-preview table { border-collapse: collapse; width: 100%; margin: .6em 0; }
.mim-preview th, .mim-preview td { border: 1px solid ${border}; padding: .3em .5em; text-align: left; vertical-align: top; }
.mim-preview .align-left { text-align: left; }
.mim-preview .align-right { text-align: right; }
.mim-preview .align-center { text-align: center; }
.mim-preview .empty { color: ${muted}; font-style: italic; }
.mim-preview .findings { list-style: none; padding: 0; margin: .3em 0; }
.mim-preview .finding { font-size: .9em; padding: .15em .5em; margin: .15em 0; border-left: 3px solid; }
.mim-preview .finding-error { border-color: var(--vscode-editorError-foreground, #cf222e); background: rgba(207, 34, 46, .08); }
.mim-preview .finding-warning { border-color: var(--vscode-editorWarning-foreground, #9a6700); background: rgba(154, 103, 0, .08); }
.mim-preview .finding-info { border-color: var(--vscode-editorInfo-foreground, #0969da); background: rgba(9, 105, 218, .08); }
.mim-preview .stale-banner, .stale-banner { padding: .5em .8em; margin: .5em 0; border: 1px solid var(--vscode-editorWarning-foreground, #9a6700); background: rgba(154, 103, 0, .12); }
.mim-preview .reference-list { padding-left: 1.2em; }
.mim-preview .tag { font-family: var(--vscode-editor-font-family, ui-monospace, monospace); }
.mim-preview dl.abbreviations { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; }
.mim-preview dl.abbreviations dd { margin: 0; }
@media print {
  @page { margin: 18mm 16mm; }
  .mim-preview { max-width: none; padding: 0; color: #000; background: #fff; font-size: 11pt; }
  body.mim-export { background: #fff; }
  .mim-preview a { color: #000; text-decoration: none; }
  .mim-preview a[href^="http"]::after { content: " <" attr(href) ">"; font-size: .85em; }
  .mim-preview h1, .mim-preview h2, .mim-preview h3 { break-after: avoid; page-break-after: avoid; }
  .mim-preview .requirement, .mim-preview tr, .mim-preview .finding { break-inside: avoid; page-break-inside: avoid; }
  .mim-preview .part { break-before: auto; }
  .stale-banner { display: none; }
}
`.trimStart();
