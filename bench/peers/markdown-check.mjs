// vscode-markdown-languageservice as a checker: link validation of every Markdown page of a
// folder, the peer of `mimspec check` for the pages. Prints one JSON line: pages, diagnostics.
//
//   node bench/peers/markdown-check.mjs DIR
import { resolve } from 'node:path';
import { createMarkdownHost } from './markdown-service.mjs';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node bench/peers/markdown-check.mjs DIR');
  process.exit(2);
}
const host = await createMarkdownHost(resolve(dir));
const pages = await host.all();
let diagnostics = 0;
for (const doc of pages) diagnostics += (await host.diagnose(doc)).length;
console.log(JSON.stringify({ pages: pages.length, diagnostics }));
