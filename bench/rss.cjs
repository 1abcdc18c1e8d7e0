// Preload for the CLI benchmarks: `node --require ./bench/rss.cjs dist/cli/mimspec.js ...`.
// On exit, writes the process's peak resident set size in KiB to $MIMSPEC_BENCH_RSS_FILE, and
// the CPU time of all its threads (user and system, in ms) to $MIMSPEC_BENCH_CPU_FILE.
'use strict';
const rssFile = process.env.MIMSPEC_BENCH_RSS_FILE;
const cpuFile = process.env.MIMSPEC_BENCH_CPU_FILE;
if (rssFile || cpuFile) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const { writeFileSync } = require('node:fs');
    if (rssFile) writeFileSync(rssFile, `${usage.maxRSS}\n`);
    if (cpuFile) writeFileSync(cpuFile, `${(usage.userCPUTime + usage.systemCPUTime) / 1000}\n`);
  });
}
