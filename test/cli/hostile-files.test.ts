import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ROOT } from '../support/paths.js';

/** Files no editor should have to open, checked by the command: each gets a finding, none stops the check. */
const CLI = join(ROOT, 'dist', 'cli', 'mimspec.js');
const work = mkdtempSync(join(tmpdir(), 'mimspec-hostile-'));
after(() => rmSync(work, { recursive: true, force: true }));

function check(files: Record<string, string | Buffer>) {
  const dir = mkdtempSync(join(work, 'case-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  const r = spawnSync(process.execPath, [CLI, 'check', dir, '--format', 'json'], { encoding: 'utf8' });
  assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout).diagnostics as {
    file: string;
    line: number;
    column: number;
    code: string;
    message: string;
  }[];
}

const PAGE = '# Kerbside Data (MIM7)\n\n## C1 Kerbs\n\n* **R1.1** Systems SHALL expose kerbs.\n';

describe('hostile files on the command line', () => {
  it('a 50 MB page is skipped with a finding that says so, and its neighbours are checked', () => {
    const found = check({ 'big.md': `# Big\n\n${'Prose about kerbs. '.repeat(2_800_000)}\n`, 'page.md': PAGE });
    const big = found.filter((d) => d.file.endsWith('big.md'));
    assert.deepEqual(
      big.map((d) => [d.code, d.line]),
      [['file/unreadable', 1]],
    );
    assert.match(big[0].message, /over the 5 MB limit/);
  });

  it('invalid UTF-8 and a NUL byte are findings, not crashes', () => {
    const found = check({
      'latin1.md': Buffer.from('# Caf\xe9 (MIM7)\n', 'latin1'),
      'nul.md': `# Page\n\nText\u0000more\n`,
      'page.md': PAGE,
    });
    assert.match(found.find((d) => d.file.endsWith('latin1.md'))?.message ?? '', /not valid UTF-8/);
    assert.equal(found.find((d) => d.file.endsWith('nul.md'))?.code, 'file/unreadable');
  });

  it('a byte-order mark does not move the columns, which are those an editor shows', () => {
    const plain = check({ 'page.md': PAGE.replace('MIM7', 'MIM99') });
    const bom = check({ 'page.md': `\ufeff${PAGE.replace('MIM7', 'MIM99')}` });
    const at = (ds: typeof plain) => ds.filter((d) => d.code === 'xref/unknown-mim').map((d) => [d.line, d.column]);
    assert.deepEqual(at(bom), at(plain));
    assert.deepEqual(at(plain), [[1, 18]]);
  });
});
