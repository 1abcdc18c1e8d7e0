import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ROOT } from '../support/paths.js';

/**
 * The command's memory, held to heaps far below what the workspaces took before: a check that
 * kept every token of a page, or a table of names for each config, runs out of heap here.
 */
const CLI = join(ROOT, 'dist', 'cli', 'mimspec.js');
const work = mkdtempSync(join(tmpdir(), 'mimspec-memory-'));
after(() => rmSync(work, { recursive: true, force: true }));

function checkUnder(heapMb: number, dir: string) {
  const r = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, CLI, 'check', dir, '--format', 'json'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.ok(
    r.status === 0 || r.status === 1,
    `exit ${r.status ?? r.signal} under a ${heapMb} MB heap: ${r.stderr.split('\n').slice(0, 3).join(' ')}`,
  );
  return JSON.parse(r.stdout) as { files: number; diagnostics: { code: string }[] };
}

describe('memory of the command', () => {
  it('checks a 2 MB page of 80,000 headings under a 96 MB heap', () => {
    // markdown-it makes six tokens a section, 200 bytes each: kept to the end of the parse, they took 150 MB.
    const dir = join(work, 'page');
    mkdirSync(dir);
    const sections: string[] = [];
    for (let i = 1; sections.length < 80_000; i++) sections.push(`## Heading ${i}\n\nText.\n`);
    writeFileSync(join(dir, 'page.md'), `# Title\n\n${sections.join('\n')}`);
    const report = checkUnder(96, dir);
    assert.equal(report.files, 1);
  });

  it('checks 1,500 repositories, each with its own config, under an 80 MB heap', () => {
    // The names of the MIMs were once tabled for each config's registry: 1,500 squared entries.
    const dir = join(work, 'repos');
    for (let i = 0; i < 1500; i++) {
      mkdirSync(join(dir, `r${i}`), { recursive: true });
      writeFileSync(join(dir, `r${i}`, 'mimspec.yaml'), 'numbering: oasc-2025\n');
      writeFileSync(join(dir, `r${i}`, 'README.md'), `# Kerb Data ${i} (MIM${100 + i})\n\nSee MIM4 Personal Data.\n`);
    }
    const report = checkUnder(80, dir);
    assert.equal(report.files, 1500);
    assert.ok(!report.diagnostics.some((d) => d.code === 'xref/name-mismatch'));
  });
});
