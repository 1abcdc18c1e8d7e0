// The table of bench/user-paths.mjs: for every figure and workspace size, mimspec beside its peer
// (the tool a user would otherwise run on the same files) and the ratio, the budgets of the
// issue with met / over, and how each figure grows between sizes (t ∝ n^k). Written to
// bench/results/user-paths.{json,md}; a run of all three sizes also puts the table in the
// README, between its `<!-- user-paths -->` marks.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// [budget in the figure's unit, budget of the ratio to the peer], by figure.
const BUDGETS = {
  '200 MIMs: first diagnostics after didOpen': [300, 0.5],
  '2000 MIMs: first diagnostics after didOpen': [500],
  '200 MIMs: hover after didOpen': [300],
  '2000 MIMs: hover after didOpen': [300],
  '2000 MIMs, opened 1.5 s into the scan: first diagnostics': [500],
  '2000 MIMs, opened 1.5 s into the scan: hover': [300],
  '200 MIMs: 4,500-line *.mim.yaml, valid edits: p95': [100, 0.4],
  '200 MIMs: 4,500-line *.mim.yaml, broken edits: p95': [100, 0.4],
  '200 MIMs: Markdown page edits: p95': [100],
  '2000 MIMs: check, wall': [10000],
  '2000 MIMs: check, peak RSS': [450],
  '2000 MIMs: language server, peak RSS': [500],
};

const PEERS = [null, 'yaml-language-server', 'markdown-language-service'];
const median = (xs) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : NaN);
const round = (x) => (Number.isFinite(x) ? Math.round(x * 10) / 10 : null);
const unitOf = (name) => (name.endsWith('peak RSS') ? 'MB' : 'ms');

/** `2000 MIMs, opened …: hover` → size 2000, name `opened …: hover`. */
function split(figure) {
  const m = /^(\d+) MIMs[,:] (.*)$/.exec(figure);
  return m ? { size: Number(m[1]), name: m[2] } : { size: null, name: figure };
}

/**
 * Rows from `figures` (figure → tool → [{wall, cpu}]): one per figure and peer, the medians of
 * the runs; `wall` holds the figure's value whatever its unit.
 */
export function tableRows(figures) {
  const rows = [];
  for (const [figure, byTool] of Object.entries(figures)) {
    const m = byTool.mimspec ?? [];
    const peers = Object.keys(byTool).filter((t) => t !== 'mimspec');
    const [budget, ratioBudget] = BUDGETS[figure] ?? [];
    for (const peerName of peers.length ? peers : [null]) {
      const p = peerName ? byTool[peerName] : [];
      const value = median(m.map((x) => x.wall));
      const peerValue = median(p.map((x) => x.wall));
      const ratio = p.length && m.length ? Math.round((value / peerValue) * 100) / 100 : null;
      rows.push({
        figure,
        ...split(figure),
        unit: unitOf(figure),
        mimspec: m.length ? { value: round(value), cpuMs: round(median(m.map((x) => x.cpu))), runs: m.length } : null,
        peerName,
        peer: p.length ? { value: round(peerValue), cpuMs: round(median(p.map((x) => x.cpu))), runs: p.length } : null,
        ratio,
        budget: budget ?? null,
        ratioBudget: ratioBudget ?? null,
        met: budget === undefined ? null : value <= budget && (ratioBudget === undefined || ratio <= ratioBudget),
      });
    }
  }
  const order = [...new Set(rows.map((r) => r.name))];
  const peerOrder = (name) => PEERS.indexOf(name);
  return rows.sort(
    (a, b) =>
      order.indexOf(a.name) - order.indexOf(b.name) || a.size - b.size || peerOrder(a.peerName) - peerOrder(b.peerName),
  );
}

/** Growth exponents between consecutive sizes, per figure and tool. */
export function growth(rows, sizes) {
  const out = [];
  const seen = new Set();
  for (const r of rows) {
    for (const [tool, pick] of [
      ['mimspec', (x) => x.mimspec],
      [r.peerName, (x) => x.peer],
    ]) {
      const key = `${r.name}|${tool}`;
      if (!tool || seen.has(key)) continue;
      seen.add(key);
      const at = (size) => {
        const x = rows.find((y) => y.name === r.name && y.size === size && (tool === 'mimspec' || y.peerName === tool));
        return x && pick(x)?.value;
      };
      const exponents = sizes.slice(1).map((s, i) => {
        const [a, b] = [at(sizes[i]), at(s)];
        return a > 0 && b > 0 ? round(Math.log(b / a) / Math.log(s / sizes[i])) : null;
      });
      if (exponents.some((e) => e !== null)) out.push({ figure: r.name, tool, sizes, exponents });
    }
  }
  return out;
}

const cell = (x) => (x === null || x === undefined ? '—' : String(x));
const fmt = (v, unit) => (v === null || v === undefined ? '—' : `${v.toLocaleString('en')} ${unit}`);

/** The Markdown of the table, the growth and what was measured. */
export function tableMarkdown(results) {
  const load = (l) => l.map((x) => x.toFixed(1)).join(' ');
  const budgetCell = (r) => {
    if (r.budget === null) return '';
    const parts = [`≤ ${r.budget.toLocaleString('en')} ${r.unit}`, ...(r.ratioBudget ? [`≤ ${r.ratioBudget}×`] : [])];
    return `${parts.join(', ')}: ${r.met ? 'met' : 'over'}`;
  };
  const sizes = results.sizes;
  return [
    `Measured ${results.date.slice(0, 16)}Z, Node ${results.node}, ${results.cpus} cores, load average ${load(results.loadStart)} at start, ${load(results.loadEnd)} at end; medians of alternating runs (runs per tool in the JSON). CPU is the measured process's (user + system; for edits, per edit); peak RSS is the process's VmHWM.`,
    '',
    "| figure | MIMs | mimspec | its CPU | peer | peer's | its CPU | ratio | budget |",
    '|---|---|---|---|---|---|---|---|---|',
    ...results.rows.map(
      (r) =>
        `| ${r.name} | ${cell(r.size)} | ${fmt(r.mimspec?.value, r.unit)} | ${r.unit === 'ms' ? fmt(r.mimspec?.cpuMs, 'ms') : ''} | ${cell(r.peerName)} | ${fmt(r.peer?.value, r.unit)} | ${r.unit === 'ms' && r.peer ? fmt(r.peer.cpuMs, 'ms') : ''} | ${r.ratio === null ? '—' : `${r.ratio}×`} | ${budgetCell(r)} |`,
    ),
    '',
    `Growth between sizes (exponent k of t ∝ n^k; 1 is linear):`,
    '',
    `| figure | tool | ${sizes
      .slice(1)
      .map((s, i) => `${sizes[i]} → ${s}`)
      .join(' | ')} |`,
    `|---|---|${sizes
      .slice(1)
      .map(() => '---')
      .join('|')}|`,
    ...results.growth.map((g) => `| ${g.figure} | ${g.tool} | ${g.exponents.map(cell).join(' | ')} |`),
    '',
    ...Object.entries(results.checked ?? {}).map(
      ([size, c]) =>
        `Checked at ${size} MIMs: ${Object.entries(c)
          .map(
            ([tool, x]) => `${tool} ${x.files.toLocaleString('en')} files, ${x.findings.toLocaleString('en')} findings`,
          )
          .join('; ')}.`,
    ),
    '',
    'The peers: yaml-language-server with our schema associated, on the same `*.mim.yaml` and the same edits; vscode-markdown-languageservice through our host (`bench/peers/`: markdown-it, the files read from disk, link validation on), on the same Markdown page and edits. `check`: `mimspec check` of the whole workspace beside the service validating the links of every page (it reads the Markdown pages only). Language server, peak RSS: ours with the workspace indexed and checked, a `*.mim.yaml` and a page open; yaml-language-server with the `*.mim.yaml` open (it reads nothing else); the Markdown peer after `workspace/diagnostic`, every page validated (also the time to that answer, beside ours from `initialized` to the end of its progress, one run each).',
    '',
  ].join('\n');
}

/** Writes the JSON and the Markdown; a run of 20, 200 and 2,000 MIMs also updates the README. */
export function writeResults(root, results, md) {
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(join(root, 'bench', 'results', 'user-paths.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(root, 'bench', 'results', 'user-paths.md'), md);
  const readme = join(root, 'README.md');
  if (results.sizes.join(',') !== '20,200,2000' || !existsSync(readme)) return;
  const text = readFileSync(readme, 'utf8');
  const block = /(<!-- user-paths -->\n)[\s\S]*?(\n<!-- \/user-paths -->)/;
  if (block.test(text))
    writeFileSync(
      readme,
      text.replace(block, (_, open, close) => `${open}\n${md}${close}`),
    );
}
