// Peak memory of a process, the same way for every tool the benchmarks set side by side: the
// peak resident set size the kernel keeps for it (VmHWM), read from /proc while it still runs
// (a language server, before it is stopped), or from getrusage at its exit (a command, through
// the bench/rss.cjs preload). Both count every thread of the process.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Peak RSS of the running process `pid` in MB, or NaN where /proc cannot tell. */
export function peakRssMb(pid) {
  try {
    const kib = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return kib ? Number(kib[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/**
 * Runs `node ...args` to its end: wall time, CPU time of all its threads and peak RSS (MB),
 * and its stdout. Throws when it exits with a status outside `okStatus`.
 */
export function runMeasured(args, okStatus = [0]) {
  const dir = join(ROOT, '.bench');
  mkdirSync(dir, { recursive: true });
  const rssFile = join(dir, `peak-rss-${process.pid}.txt`);
  const cpuFile = join(dir, `peak-cpu-${process.pid}.txt`);
  rmSync(rssFile, { force: true });
  rmSync(cpuFile, { force: true });
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--require', join(ROOT, 'bench', 'rss.cjs'), ...args], {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, MIMSPEC_BENCH_RSS_FILE: rssFile, MIMSPEC_BENCH_CPU_FILE: cpuFile },
  });
  const wallMs = performance.now() - started;
  if (r.error || !okStatus.includes(r.status)) {
    const why = r.error?.message ?? (r.signal ? `killed by ${r.signal}` : `exit code ${r.status}`);
    throw new Error(`node ${args.join(' ')}: ${why}\n${(r.stderr ?? '').trim().split('\n').slice(-10).join('\n')}`);
  }
  const read = (file) => Number(readFileSync(file, 'utf8'));
  const out = { wallMs, cpuMs: read(cpuFile), peakMb: read(rssFile) / 1024, stdout: r.stdout };
  rmSync(rssFile, { force: true });
  rmSync(cpuFile, { force: true });
  return out;
}
