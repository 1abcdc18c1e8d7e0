#!/usr/bin/env node
// `mimspec-language-server --stdio` (or --node-ipc): the MIM language server for any LSP editor.
require('../dist/server/server.js');
