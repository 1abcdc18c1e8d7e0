import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { normalizePath } from '../../server/src/base/paths.js';
import type { Finding } from '../../server/src/model/finding.js';
import { NodeFileSystem } from '../../server/src/node/file-system.js';
import { decodeText, parseDocument } from '../../server/src/workspace/load-document.js';
import { Workspace } from '../../server/src/workspace/workspace.js';
import { MemoryFileSystem } from '../support/memory-fs.js';

/**
 * Hostile inputs, each with the behaviour expected of it and a bound on its time: what an
 * attacker or an accident puts in a workspace must cost a finding, never a crash or a hang.
 */
const made: string[] = [];
after(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

function timed<T>(bound: number, run: () => T): T {
  const start = performance.now();
  const result = run();
  const ms = performance.now() - start;
  assert.ok(ms < bound, `took ${Math.round(ms)} ms, over ${bound} ms`);
  return result;
}

const codes = (doc: { problems: { code: string }[] }) => doc.problems.map((p) => p.code);

describe('hostile documents', () => {
  it('an alias bomb is one syntax/yaml finding', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 9; i++)
      bomb.push(`${'bcdefghij'[i]}: &${'bcdefghij'[i]} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`);
    const doc = timed(2000, () => parseDocument('/ws/a.mim.yaml', 'mim-yaml', `mim: 1\n${bomb.join('\n')}\n`, 1));
    assert.ok(
      doc.problems.some((p) => /alias/.test(p.message)),
      JSON.stringify(codes(doc)),
    );
  });

  it('10,000-deep nesting in YAML and in Markdown is read without a crash', () => {
    const yaml = timed(5000, () =>
      parseDocument('/ws/a.mim.yaml', 'mim-yaml', `mim: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, 1),
    );
    assert.ok(codes(yaml).includes('syntax/yaml') || codes(yaml).includes('schema/invalid'));
    timed(5000, () =>
      parseDocument('/ws/p.md', 'markdown', `${'> '.repeat(10_000)}deep\n\n${'- '.repeat(10_000)}x\n`, 1),
    );
  });

  it('a single line of almost 5 MB is read, one over 5 MB is skipped', () => {
    const line = `# T\n\n${'word '.repeat(999_000)}\n`;
    const doc = timed(10_000, () => parseDocument('/ws/p.md', 'markdown', line, 1));
    assert.equal(doc.skipped, undefined);
    assert.match(parseDocument('/ws/p.md', 'markdown', line + 'x'.repeat(300_000), 1).skipped ?? '', /5 MB/);
  });

  it('keeps UTF-16 columns right after surrogate pairs, zero-width characters and a BOM', () => {
    const text = '# Capabilities\n\n* **R1.1** Systems \ud83d\ude00\u200b\ud83d\ude00 SHALL work.\n';
    const doc = parseDocument('/ws/p.md', 'markdown', text, 1);
    const r = doc.requirements[0];
    assert.equal(r?.id, 'R1.1');
    const line = text.split('\n')[2];
    assert.equal(r.idRange.start.character, line.indexOf('R1.1'));
    const shall = doc.lines.positionAt(r.keywords[0].offset);
    assert.deepEqual(shall, { line: 2, character: line.indexOf('SHALL') });
    assert.ok(doc.invisibles.length > 0, 'the zero-width space is seen');
    // A byte order mark is not part of the text: columns count from what follows it.
    assert.deepEqual(decodeText(new TextEncoder().encode(`\ufeff${text}`)), { text });
  });
});

describe('hostile workspaces', () => {
  it('a symbolic-link loop is not followed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mimspec-hostile-'));
    made.push(dir);
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs', 'README.md'), '# Objective\n');
    symlinkSync(join(dir, 'docs'), join(dir, 'docs', 'loop'));
    symlinkSync(join(dir, 'self.md'), join(dir, 'self.md'));
    const ws = new Workspace(new NodeFileSystem(), { roots: [normalizePath(dir)], incremental: false });
    await ws.scan();
    assert.deepEqual([...ws.documents.keys()], [normalizePath(join(dir, 'docs', 'README.md'))]);
  });

  it('a file deleted between the walk and its read is left out without a finding', async () => {
    class Vanishing extends MemoryFileSystem {
      override readFile(path: string) {
        if (path.endsWith('gone.md')) return Promise.reject(Object.assign(new Error('ENOENT'), { code: 'ENOENT' }));
        return super.readFile(path);
      }
    }
    const ws = new Workspace(new Vanishing({ '/ws/a.md': '# A\n', '/ws/gone.md': '# Gone\n' }), { roots: ['/ws'] });
    await ws.scan();
    assert.deepEqual([...ws.documents.keys()], ['/ws/a.md']);
    assert.equal(ws.unreadable().size, 0);
  });

  it('20,000 unrelated files beside one page cost little', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mimspec-hostile-'));
    made.push(dir);
    for (let d = 0; d < 20; d++) {
      mkdirSync(join(dir, `d${d}`));
      for (let i = 0; i < 1000; i++) writeFileSync(join(dir, `d${d}`, `f${i}.txt`), 'x');
    }
    writeFileSync(join(dir, 'README.md'), '# Objective\n');
    const start = performance.now();
    const ws = new Workspace(new NodeFileSystem(), { roots: [normalizePath(dir)], incremental: false });
    await ws.scan();
    const findings: Finding[] = [...ws.check().values()].flat();
    assert.ok(performance.now() - start < 5000);
    assert.equal(ws.documents.size, 1);
    assert.ok(Array.isArray(findings));
  });
});
