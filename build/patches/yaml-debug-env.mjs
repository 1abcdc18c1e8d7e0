// `yaml` prints every token it reads, on stdout, when the environment holds LOG_TOKENS (its
// parser) or LOG_STREAM (its composer): a variable of such a common name, set for something
// else, would put the library's debugging in the CLI's report (`--format json` no longer
// parses) and in the language server's log. The two tests are taken out; nothing else changes.
import { strictPatch } from './strict-patch.mjs';

const DEBUG = /if \(node_process\.env\.(LOG_TOKENS|LOG_STREAM)\)\n(\s*)console\.(log|dir)\(/g;

export default strictPatch({
  name: 'yaml-debug-env',
  library: 'yaml',
  version: '2.9.1',
  file: /yaml[\\/]dist[\\/](parse[\\/]parser|compose[\\/]composer)\.js$/,
  apply(source) {
    if (!DEBUG.test(source)) return undefined;
    DEBUG.lastIndex = 0;
    return source.replace(DEBUG, (_, name, indent, method) => `if (false /* ${name} */)\n${indent}console.${method}(`);
  },
});
