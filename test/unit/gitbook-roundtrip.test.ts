import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { exportOptions } from '../../server/src/cli/export.js';
import { modelJson } from '../../server/src/cli/model-json.js';
import type { Finding } from '../../server/src/model/finding.js';
import type { Mim } from '../../server/src/model/mim.js';
import { NodeFileSystem } from '../../server/src/node/file-system.js';
import { normalizePath } from '../../server/src/base/paths.js';
import { renderGitbook } from '../../server/src/render/gitbook.js';
import { Workspace } from '../../server/src/workspace/workspace.js';
import { memoryWorkspace } from '../support/memory-fs.js';
import { ROOT } from '../support/paths.js';

// The GitBook export of every *.mim.yaml we have (examples and fixtures alike) reads back into
// the model of the specification: same ids, titles, texts, keywords and levels, traces and
// references. Only where each element is written differs. Its check finds nothing worse.

const BASES = [join(ROOT, 'examples'), join(ROOT, 'test', 'fixtures')];

function specs(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return specs(path);
    return name.endsWith('.mim.yaml') ? [path] : [];
  });
}

/** The folder a fixture is read in: the nearest above it (within its base) with a mimspec.yaml, else its own. */
function contextOf(file: string, base: string): string {
  for (let d = dirname(file); d.startsWith(base); d = dirname(d)) {
    if (existsSync(join(d, 'mimspec.yaml'))) return d;
  }
  return dirname(file);
}

/**
 * The specification read as `mimspec check` reads it: in the folder of its mimspec.yaml, or its
 * own. One that the config leaves out (a fixture of the config's globs) is read alone.
 */
async function sourceOf(path: string, base: string): Promise<Workspace> {
  const ws = new Workspace(new NodeFileSystem(), { roots: [normalizePath(contextOf(path, base))], incremental: false });
  await ws.scan();
  return ws.document(path) ? ws : memoryWorkspace({ [path]: readFileSync(path, 'utf8') }, dirname(path));
}

/** The model as `mimspec model` prints it, without where each thing is written, which the export changes. */
function placeless(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(placeless);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (k !== 'file' && k !== 'line' && k !== 'files') out[k] = placeless(v);
  return out;
}

/** The model JSON of one MIM; the quotes of mapping rows are checked against the requirement texts, then left out. */
function modelOf(mim: Mim): unknown {
  const json = modelJson([mim], (f) => f) as { mims: { mechanisms: { satisfies: { quote?: string }[] }[] }[] };
  const texts = new Map(mim.requirements.map((r) => [r.id, r.text]));
  for (const m of json.mims[0].mechanisms)
    for (const row of m.satisfies) {
      if (row.quote === undefined) continue;
      assert.ok(
        [...texts.values()].includes(row.quote),
        `a mapping row quotes "${row.quote}", which no requirement says`,
      );
      delete row.quote;
    }
  return placeless(json);
}

/** Errors and warnings by code, with their count. */
function worse(findings: Finding[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of findings) if (f.severity !== 'info') out.set(f.code, (out.get(f.code) ?? 0) + 1);
  return out;
}

// A warning of the YAML parser leaves a file read as usual: it takes the round trip.
const READER_PROBLEMS = /^(syntax\/yaml|schema\/invalid|file\/unreadable)$/;

describe('GitBook export: the round trip of every *.mim.yaml', () => {
  const files = BASES.flatMap((base) => specs(base).map((file) => ({ file, base })));

  it('finds the specifications', () => {
    assert.ok(files.length >= 40, `only ${files.length} *.mim.yaml found`);
  });

  for (const { file, base } of files) {
    it(relative(ROOT, file), async (t) => {
      const path = normalizePath(file);
      const source = await sourceOf(path, base);
      const doc = source.document(path)!;
      if (doc.skipped || doc.problems.some((p) => READER_PROBLEMS.test(p.code))) {
        t.skip('it does not parse without errors');
        return;
      }
      const mim = source.mims().find((m) => m.documents.includes(doc));
      if (!mim?.known) {
        t.skip('it names no MIM');
        return;
      }

      const out = renderGitbook(mim, exportOptions(source.configFor(path)));
      const root = `/export/${mim.id}`;
      const exported = await memoryWorkspace(
        Object.fromEntries([...out].map(([p, text]) => [`${root}/${p}`, text])),
        '/export',
      );
      const [back, ...more] = exported.mims();
      assert.equal(more.length, 0, 'the export holds one MIM');
      assert.deepEqual(modelOf(back), modelOf(mim));
      assert.deepEqual(
        back.mechanisms.map((m) => m.satisfies.map((row) => row.how || undefined)),
        mim.mechanisms.map((m) => m.satisfies.map((row) => row.how || undefined)),
        'the how of each mapping row',
      );

      const before = worse(source.check().get(path) ?? []);
      const after = [...exported.check().values()].flat();
      const added = [...worse(after)].filter(([code, n]) => n > (before.get(code) ?? 0));
      assert.deepEqual(
        added.map(([code]) => code),
        [],
        after
          .filter((f) => added.some(([code]) => code === f.code))
          .map((f) => `${f.file}:${f.range.start.line + 1} ${f.code} ${f.message}`)
          .join('\n'),
      );
    });
  }
});
