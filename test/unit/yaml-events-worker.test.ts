import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readEvents } from '../../server/src/parse/yaml/yaml-events.js';
import { NodeFileSystem } from '../../server/src/node/file-system.js';
import { NodeYamlEvents } from '../../server/src/node/yaml-events.js';
import { normalizePath } from '../../server/src/base/paths.js';
import { Workspace } from '../../server/src/workspace/workspace.js';
import type { YamlEventReader } from '../../server/src/workspace/yaml-event-reader.js';
import { ROOT } from '../support/paths.js';

/** The worker script the build puts beside the CLI. */
const SCRIPT = join(ROOT, 'dist', 'cli', 'yaml-events-worker.js');

/** A *.mim.yaml big enough to be handed to the worker, with a defect a rule reports (a lower-case keyword). */
function largeSpec(mim: number): string {
  const requirements = Array.from(
    { length: 200 },
    (_, i) =>
      `      - id: R1.${i + 1}\n        text: Implementations ${i === 7 ? 'shall' : 'SHALL'} publish dataset number ${i + 1} with its licence and its update frequency.\n`,
  ).join('');
  return `mim: MIM${mim}\ntitle: Large Spec ${mim}\nedition: "2026"\nstatus: draft\nconventions: bcp14\nobjective: To let a city publish many datasets.\ncapabilities:\n  - id: C1\n    title: Publication\n    requirements:\n${requirements}`;
}

const dir = mkdtempSync(join(tmpdir(), 'mimspec-yaml-events-'));
writeFileSync(join(dir, 'large-one.mim.yaml'), largeSpec(201));
writeFileSync(join(dir, 'large-two.mim.yaml'), largeSpec(202));
// Large and broken: the recovering parser must still report it.
writeFileSync(join(dir, 'large-broken.mim.yaml'), `${largeSpec(203)}  - id: C2\n    title: [unclosed\n`);
after(() => rmSync(dir, { recursive: true, force: true }));

async function scan(yamlEvents?: YamlEventReader): Promise<string> {
  const ws = new Workspace(new NodeFileSystem(), { roots: [normalizePath(dir)], ...(yamlEvents && { yamlEvents }) });
  await ws.scan();
  yamlEvents?.close();
  const findings = [...ws.check().entries()].sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify({
    findings,
    models: [...ws.documents.values()]
      .sort((a, b) => a.file.localeCompare(b.file))
      .map((d) => ({ ...d, lines: undefined })),
  });
}

describe('YAML events read on a worker thread', () => {
  it('are the events read on this thread, buffer for buffer', async () => {
    const reader = new NodeYamlEvents(SCRIPT);
    try {
      for (const name of ['large-one.mim.yaml', 'large-broken.mim.yaml']) {
        const text = readFileSync(join(dir, name), 'utf8');
        assert.deepEqual(await reader.events(text), readEvents(text), name);
      }
      assert.equal(await reader.events('a: [1\n'), null);
    } finally {
      reader.close();
    }
  });

  it('give a scan the same models and findings as reading on this thread', async () => {
    const alone = await scan();
    assert.match(alone, /requirement\/keyword-case/);
    assert.match(alone, /syntax\/yaml/);
    const worker = new NodeYamlEvents(SCRIPT);
    let asked = 0;
    const counting: YamlEventReader = { events: (text) => (asked++, worker.events(text)), close: () => worker.close() };
    assert.equal(await scan(counting), alone);
    // Every large file went to the worker.
    assert.equal(asked, 3);
  });

  it('fall back to this thread when the worker cannot start', async () => {
    const missing = new NodeYamlEvents(join(dir, 'no-such-worker.js'));
    await assert.rejects(missing.events('a: 1\n'));
    assert.equal(await scan(new NodeYamlEvents(join(dir, 'no-such-worker.js'))), await scan());
  });

  it('start ahead of the first request, or fall back when they cannot', async () => {
    const reader = new NodeYamlEvents(SCRIPT);
    reader.open();
    const text = readFileSync(join(dir, 'large-one.mim.yaml'), 'utf8');
    assert.deepEqual(await reader.events(text), readEvents(text));
    reader.close();
    const missing = new NodeYamlEvents(join(dir, 'no-such-worker.js'));
    missing.open();
    await assert.rejects(missing.events('a: 1\n'));
  });

  it(
    'answer many texts asked at once, each with its own events, a few handed to the thread at a time',
    { timeout: 30_000 },
    async () => {
      const reader = new NodeYamlEvents(SCRIPT);
      try {
        const texts = Array.from({ length: 40 }, (_, i) => (i % 7 === 3 ? `a: [${i}\n` : largeSpec(300 + i)));
        const answers = await Promise.all(texts.map((t) => reader.events(t)));
        answers.forEach((events, i) => assert.deepEqual(events, readEvents(texts[i]), `text ${i}`));
      } finally {
        reader.close();
      }
    },
  );

  it('reject every text still waiting when the reader is closed, and nothing after', async () => {
    const reader = new NodeYamlEvents(SCRIPT);
    const asked = Array.from({ length: 20 }, (_, i) => reader.events(largeSpec(400 + i)));
    reader.close();
    const settled = await Promise.allSettled(asked);
    assert.ok(
      settled.every((s) => s.status === 'rejected'),
      'every request was waiting when the reader closed',
    );
    await assert.rejects(reader.events('a: 1\n'));
  });

  it('reject what is asked after the reader is closed', async () => {
    const reader = new NodeYamlEvents(SCRIPT);
    reader.close();
    await assert.rejects(reader.events('a: 1\n'));
  });
});
