// In-process re-validation benchmark: `node dist/bench/engine-bench.js WORKSPACE [--rounds N]`.
// Scans and checks a generated workspace (bench/generate.mjs), then changes one requirement's
// keyword at a time, alternating between a Markdown page and a *.mim.yaml, as an editor would,
// and times setDocument + check. Prints one JSON line with the figures.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { NodeFileSystem } from '../server/src/node/file-system.js';
import { Workspace } from '../server/src/workspace/workspace.js';

const KEYWORD = /\b(SHALL|SHOULD|MUST|MAY)\b/;

/** Lines holding a requirement's text: Markdown list items `* **R1.1** ...`, YAML `text:` under `- id: R1.1`. */
function requirementLines(file: string, lines: string[]): number[] {
  const yaml = file.endsWith('.yaml');
  const out: number[] = [];
  lines.forEach((line, i) => {
    const isRequirement = yaml
      ? /^\s+text: /.test(line) && /^\s+- id: R/.test(lines[i - 1] ?? '')
      : /^\* \*\*R\d+\.\d+\*\*/.test(line);
    if (isRequirement && KEYWORD.test(line)) out.push(i);
  });
  return out;
}

/** The text with one requirement's keyword swapped (SHALL becomes SHOULD, anything else SHALL). */
function changeKeyword(file: string, text: string, round: number): string {
  const lines = text.split('\n');
  const candidates = requirementLines(file, lines);
  if (candidates.length === 0) throw new Error(`no requirement with a keyword in ${file}`);
  const i = candidates[(round * 7) % candidates.length];
  lines[i] = lines[i].replace(KEYWORD, (kw) => (kw === 'SHALL' ? 'SHOULD' : 'SHALL'));
  return lines.join('\n');
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
const ms = (x: number) => Math.round(x * 10) / 10;
const mb = (bytes: number) => Math.round(bytes / 1048576);

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('-'));
  const roundsAt = args.indexOf('--rounds');
  const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 20;
  if (!dir) {
    console.error('usage: node dist/bench/engine-bench.js WORKSPACE [--rounds N]');
    process.exit(2);
  }
  const root = resolve(dir);
  const names = readdirSync(root).sort();
  const markdown = names
    .filter((n) => n.startsWith('repo-'))
    .map((n) => join(root, n, 'docs', 'capabilities-and-requirements.md'));
  const yaml = names.filter((n) => n.endsWith('.mim.yaml')).map((n) => join(root, n));
  if (markdown.length === 0 || yaml.length === 0)
    throw new Error(`${dir} is not a generated workspace (bench/generate.mjs)`);

  const ws = new Workspace(new NodeFileSystem(), { roots: [root] });
  let t = performance.now();
  await ws.scan();
  const scanMs = performance.now() - t;
  t = performance.now();
  let findings = ws.check();
  const firstCheckMs = performance.now() - t;
  const firstFindings = [...findings.values()].reduce((n, list) => n + list.length, 0);

  const texts = new Map<string, string>();
  const versions = new Map<string, number>();
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const list = round % 2 === 0 ? markdown : yaml;
    const file = list[Math.floor(round / 2) % list.length];
    const text = changeKeyword(file, texts.get(file) ?? readFileSync(file, 'utf8'), round);
    const version = (versions.get(file) ?? 0) + 1;
    texts.set(file, text);
    versions.set(file, version);
    t = performance.now();
    ws.setDocument(file, text, version);
    const parsed = performance.now();
    void ws.index;
    const indexed = performance.now();
    findings = ws.check();
    times.push(performance.now() - t);
    if (process.env.MIMSPEC_BENCH_VERBOSE)
      console.error(
        `${file.endsWith('.md') ? 'md  ' : 'yaml'} parse ${(parsed - t).toFixed(1)} index ${(indexed - parsed).toFixed(1)} rules ${(performance.now() - indexed).toFixed(1)}`,
      );
  }
  times.sort((a, b) => a - b);

  const memory = process.memoryUsage();
  console.log(
    JSON.stringify({
      scanMs: ms(scanMs),
      firstCheckMs: ms(firstCheckMs),
      revalidateMedianMs: ms(percentile(times, 0.5)),
      revalidateP95Ms: ms(percentile(times, 0.95)),
      rssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      heapUsedMb: mb(memory.heapUsed),
      rounds,
      findings: firstFindings,
      findingsAfter: [...findings.values()].reduce((n, list) => n + list.length, 0),
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
