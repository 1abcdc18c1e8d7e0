import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ROOT } from '../support/paths.js';

const CLI = join(ROOT, 'dist', 'cli', 'mimspec.js');

function mimspec(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const work = mkdtempSync(join(tmpdir(), 'mimspec-new-'));
after(() => rmSync(work, { recursive: true, force: true }));
let n = 0;
const fresh = () => join(work, `new${n++}`);

describe('mimspec new', () => {
  for (const template of ['yaml', 'gitbook', 'itu']) {
    it(`--template ${template}: files that check clean and read back into the number and title given`, () => {
      const dir = fresh();
      const r = mimspec(['new', '--template', template, '--id', 'MIM21', '--title', 'Noise: "night" levels', dir]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr, '');
      const check = mimspec(['check', dir, '--format', 'json']);
      assert.equal(check.code, 0, check.stdout);
      assert.deepEqual(JSON.parse(check.stdout).diagnostics, []);
      const model = JSON.parse(mimspec(['model', dir]).stdout);
      assert.deepEqual(
        model.mims.map((m: { id: string; title: string }) => [m.id, m.title]),
        [['MIM21', 'Noise: "night" levels']],
      );
    });
  }

  it('proposes the lowest number free in the registry and the folder when --id is not given', () => {
    const dir = fresh();
    assert.equal(mimspec(['new', '--template', 'yaml', '--title', 'First', dir]).code, 0);
    assert.match(readFileSync(join(dir, 'first.mim.yaml'), 'utf8'), /^mim: MIM9$/m);
    assert.equal(mimspec(['new', '--template', 'yaml', '--title', 'Second', dir]).code, 0);
    assert.match(readFileSync(join(dir, 'second.mim.yaml'), 'utf8'), /^mim: MIM10$/m);
  });

  it('refuses to write over an existing file, changing nothing, unless --force', () => {
    const dir = fresh();
    mkdirSync(join(dir, 'docs'), { recursive: true });
    writeFileSync(join(dir, 'docs', 'mechanisms.md'), 'my own text\n');
    const r = mimspec(['new', '--template', 'gitbook', '--id', 'MIM21', '--title', 'Noise', dir]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /docs\/mechanisms\.md already exists: give --force/);
    assert.deepEqual(readdirSync(join(dir, 'docs')), ['mechanisms.md'], 'nothing else was written');
    assert.equal(readFileSync(join(dir, 'docs', 'mechanisms.md'), 'utf8'), 'my own text\n');
    const forced = mimspec(['new', '--template', 'gitbook', '--id', 'MIM21', '--title', 'Noise', dir, '--force']);
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(readFileSync(join(dir, 'docs', 'mechanisms.md'), 'utf8'), /## M1: /);
  });

  it('says what is wrong with its arguments and exits 2', () => {
    for (const [args, message] of [
      [['new', '--title', 'x'], /new needs --template yaml\|gitbook\|itu/],
      [['new', '--template', 'pdf', '--title', 'x'], /--template takes yaml\|gitbook\|itu, not 'pdf'/],
      [['new', '--template', 'yaml'], /new needs --title/],
      [['new', '--template', 'yaml', '--title', 'x', '--id', 'M7'], /--id takes a MIM number such as MIM21, not 'M7'/],
      [['new', '--template', 'yaml', '--title', 'x', 'a', 'b'], /new takes one folder, not 2/],
    ] as const) {
      const r = mimspec([...args], work);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, message);
    }
  });
});
