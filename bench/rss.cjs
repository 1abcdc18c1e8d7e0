// Preload for the CLI benchmark: `node --require ./bench/rss.cjs dist/cli/mimspec.js ...`.
// On exit, writes the process's peak resident set size in KiB to $MIMSPEC_BENCH_RSS_FILE.
'use strict';
const file = process.env.MIMSPEC_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    require('node:fs').writeFileSync(file, `${process.resourceUsage().maxRSS}\n`);
  });
}
