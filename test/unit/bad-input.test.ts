import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Finding } from '../../server/src/model/finding.js';
import { checkFolder } from '../support/check.js';

/**
 * Malformed input of every kind gets a clear finding at its place (or a `file/unreadable`
 * info) and never crashes the engine. Each case is a workspace of its own on disk.
 */
const made: string[] = [];
after(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function check(files: Record<string, string | Uint8Array>): Promise<Finding[]> {
  const dir = mkdtempSync(join(tmpdir(), 'mimspec-bad-'));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return (await checkFolder(dir)).findings;
}

const codes = (fs: Finding[]) => fs.map((f) => f.code);
const at = (f: Finding | undefined) => f && [f.range.start.line + 1, f.range.start.character + 1];

describe('bad input', () => {
  it('skips a binary file with an info finding', async () => {
    const fs = await check({ 'page.md': new Uint8Array([0x23, 0x20, 0x41, 0x00, 0x01, 0x02, 0xff]) });
    const f = fs.find((x) => x.code === 'file/unreadable');
    assert.equal(f?.severity, 'info');
    assert.match(f!.message, /binary/);
  });

  it('skips invalid UTF-8 with an info finding', async () => {
    const fs = await check({ 'spec.mim.yaml': new Uint8Array([0x6d, 0x69, 0x6d, 0x3a, 0x20, 0xc3, 0x28, 0x0a]) });
    assert.match(fs.find((x) => x.code === 'file/unreadable')!.message, /UTF-8/);
  });

  it('skips a file over 5 MB', async () => {
    const fs = await check({ 'huge.md': `# Big\n\n${'word '.repeat(1_100_000)}\n` });
    assert.match(fs.find((x) => x.code === 'file/unreadable')!.message, /5 MB/);
  });

  it('reports a YAML alias bomb without expanding it', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++)
      bomb.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    const started = Date.now();
    const fs = await check({ 'bomb.mim.yaml': `mim: MIM7\ntitle: Bomb\n${bomb.join('\n')}\n` });
    assert.ok(Date.now() - started < 5000);
    assert.ok(codes(fs).includes('syntax/yaml') || codes(fs).includes('schema/invalid'), codes(fs).join(','));
  });

  it('survives 10,000-deep nesting in YAML and Markdown', async () => {
    const fs = await check({
      'deep.mim.yaml': `mim: MIM7\ntitle: Deep\nobjective: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
      'deep.md': `# Deep\n\n${'>'.repeat(10_000)} text\n\n${Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n')}\n`,
    });
    assert.ok(
      fs.some((f) => f.file.endsWith('deep.mim.yaml') && (f.code === 'syntax/yaml' || f.code === 'schema/invalid')),
    );
    assert.ok(!codes(fs).some((c) => c.startsWith('internal/')), codes(fs).join(','));
  });

  it('reads empty files of every kind', async () => {
    const fs = await check({ 'docs/README.md': '', 'empty.mim.yaml': '', 'tool.mim.yml': '', 'mimspec.yaml': '' });
    const spec = fs.filter((f) => f.file.endsWith('empty.mim.yaml'));
    assert.ok(
      spec.some((f) => f.code === 'schema/invalid' && /mim|title/.test(f.message)),
      JSON.stringify(spec),
    );
    assert.ok(!codes(fs).some((c) => c.startsWith('internal/')));
  });

  it('flags a heading that is only an id', async () => {
    const fs = await check({
      'docs/README.md': '# Parking Data (MIM7)\n',
      'docs/capabilities-and-requirements.md':
        '# Capabilities and Requirements\n\n## C1\n\n* **R1.1** Sensors SHALL report occupancy.\n',
    });
    const f = fs.find((x) => x.code === 'id/no-title');
    assert.deepEqual(at(f), [3, 4]);
  });

  it('reports a table row with missing cells at its line', async () => {
    const fs = await check({
      'docs/README.md': '# Parking Data (MIM7)\n',
      'docs/mechanisms.md':
        '# Mechanisms\n\n## M1: Sensor API\n\n| Req. ID | Requirement Text | How |\n| --- | --- | --- |\n| R1.1 |\n',
    });
    const f = fs.find((x) => x.code === 'structure/table-shape');
    assert.deepEqual(at(f), [7, 1]);
    assert.match(f!.message, /1 cell but .* 3/);
  });
});
