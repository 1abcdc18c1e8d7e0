import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import { ROOT } from '../support/paths.js';

const CLI = join(ROOT, 'dist', 'cli', 'mimspec.js');
const SPEC = 'examples/local-digital-twins.mim.yaml';
const GOLDEN = join(ROOT, 'test', 'golden', 'render', 'gitbook', 'local-digital-twins');

function mimspec(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const work = mkdtempSync(join(tmpdir(), 'mimspec-export-'));
after(() => rmSync(work, { recursive: true, force: true }));
let n = 0;
const fresh = () => join(work, `out${n++}`);

/** Every file under a folder, by its path relative to the folder. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** `mimspec model` output without where each thing is written. */
function model(path: string): unknown {
  const r = mimspec(['model', path]);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout, (k, v) =>
    k === 'file' || k === 'line' || k === 'files' || k === 'quote' ? undefined : v,
  );
}

describe('mimspec export --to markdown', () => {
  it('writes one folder per MIM, the files of the GitBook repository, and says where', () => {
    const out = fresh();
    const r = mimspec(['export', SPEC, '--to', 'markdown', '-o', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(readdirSync(out), ['MIM8']);
    assert.deepEqual(tree(join(out, 'MIM8')), tree(GOLDEN));
    for (const file of tree(GOLDEN))
      assert.equal(readFileSync(join(out, 'MIM8', file), 'utf8'), readFileSync(join(GOLDEN, file), 'utf8'), file);
    assert.match(r.stdout, /^MIM8: .*out\d+\/MIM8 \(9 files, from examples\/local-digital-twins\.mim\.yaml\)\n$/);
    assert.equal(r.stderr, '');
  });

  it('gives a repository that mimspec model reads back into the model of the specification', () => {
    const out = fresh();
    assert.equal(mimspec(['export', SPEC, '--to=markdown', '--output', out]).code, 0);
    assert.deepEqual(model(join(out, 'MIM8')), model(SPEC));
  });

  it('refuses to write into a folder that is not empty, and changes nothing', () => {
    const out = fresh();
    mkdirSync(join(out, 'MIM8'), { recursive: true });
    writeFileSync(join(out, 'MIM8', 'notes.md'), 'mine\n');
    const r = mimspec(['export', SPEC, '--to', 'markdown', '-o', out]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /MIM8 is not empty: give --force to write over it/);
    assert.equal(r.stdout, '');
    assert.deepEqual(tree(join(out, 'MIM8')), ['notes.md']);
  });

  it('writes over it with --force, leaving the files it does not write, and no temporary file', () => {
    const out = fresh();
    mkdirSync(join(out, 'MIM8', 'docs'), { recursive: true });
    writeFileSync(join(out, 'MIM8', 'notes.md'), 'mine\n');
    writeFileSync(join(out, 'MIM8', 'docs', 'README.md'), 'old\n');
    const r = mimspec(['export', SPEC, '--to', 'markdown', '-o', out, '--force']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(
      readFileSync(join(out, 'MIM8', 'docs', 'README.md'), 'utf8'),
      readFileSync(join(GOLDEN, 'docs', 'README.md'), 'utf8'),
    );
    assert.deepEqual(tree(join(out, 'MIM8')), [...tree(GOLDEN), 'notes.md'].sort());
  });

  it('writes into an empty folder without --force', () => {
    const out = fresh();
    mkdirSync(join(out, 'MIM8'), { recursive: true });
    assert.equal(mimspec(['export', SPEC, '--to', 'markdown', '-o', out]).code, 0);
    assert.ok(existsSync(join(out, 'MIM8', 'docs', 'SUMMARY.md')));
  });

  it('exports each *.mim.yaml of a folder and says which MIMs it leaves, being Markdown already', () => {
    const out = fresh();
    const r = mimspec(['export', 'examples', '--to', 'markdown', '-o', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(readdirSync(out).sort(), ['MIM6', 'MIM8']);
    assert.match(
      r.stderr,
      /MIM7 \(examples\/geospatial-data\/docs\) is not exported: it is written in Markdown already/,
    );
  });

  it('exits 2 when there is nothing to export', () => {
    const out = fresh();
    const r = mimspec(['export', 'examples/geospatial-data', '--to', 'markdown', '-o', out]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /nothing to export to markdown/);
    assert.equal(existsSync(out), false);
  });

  it('exits 2 on bad usage, writing nothing', () => {
    const out = fresh();
    const cases: [string[], RegExp][] = [
      [['export', SPEC, '-o', out], /export needs --to markdown/],
      [['export', SPEC, '--to', 'pdf', '-o', out], /--to takes markdown or html, not 'pdf'/],
      [['export', SPEC, '--to', 'markdown'], /export needs -o FOLDER/],
      [['export', SPEC, '--to', 'markdown', '-o'], /-o takes a folder/],
      [['export', SPEC, '--to', 'markdown', '-o', out, '--bogus'], /unknown option '--bogus'/],
      [['export', 'no/such.mim.yaml', '--to', 'markdown', '-o', out], /no such file or folder: no\/such\.mim\.yaml/],
    ];
    for (const [args, message] of cases) {
      const r = mimspec(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, message, args.join(' '));
    }
    assert.equal(existsSync(out), false);
  });

  it('exits 2 when two specifications are the same MIM', () => {
    const dir = fresh();
    mkdirSync(dir, { recursive: true });
    const text = readFileSync(join(ROOT, SPEC), 'utf8');
    writeFileSync(join(dir, 'a.mim.yaml'), text);
    writeFileSync(join(dir, 'b.mim.yaml'), text);
    const r = mimspec(['export', dir, '--to', 'markdown', '-o', join(dir, 'out')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /MIM8 is held by both .*a\.mim\.yaml and .*b\.mim\.yaml/);
    assert.equal(existsSync(join(dir, 'out')), false);
  });

  it('is listed in the usage', () => {
    const r = mimspec(['export', '--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /mimspec export \[paths\.\.\.\] --to markdown\|html -o FOLDER \[--force\]/);
  });
});

describe('mimspec export --to html', () => {
  it('writes one self-contained page per MIM of either syntax, and says where', () => {
    const out = fresh();
    const r = mimspec(['export', 'examples', '--to', 'html', '-o', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(tree(out).includes('MIM7.html') && tree(out).includes('MIM8.html'), tree(out).join(', '));
    assert.ok(
      tree(out).every((f) => /^MIM\d+\.html$/.test(f)),
      tree(out).join(', '),
    );
    assert.match(r.stdout, /^MIM8: .*MIM8\.html \(from examples\/local-digital-twins\.mim\.yaml\)$/m);
    const page = readFileSync(join(out, 'MIM7.html'), 'utf8');
    assert.match(
      page,
      /^<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/,
    );
    assert.match(page, /<style>[^<]*@media print/);
    assert.doesNotMatch(page, /<script|<link|<img/);
    assert.match(page, /id="requirement-R1\.1"/);
  });

  it('refuses to write over a page without --force, and changes nothing; writes over it with --force', () => {
    const out = fresh();
    mkdirSync(out);
    writeFileSync(join(out, 'MIM8.html'), 'mine');
    const r = mimspec(['export', SPEC, '--to', 'html', '-o', out]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /MIM8\.html exists: give --force to write over it/);
    assert.equal(readFileSync(join(out, 'MIM8.html'), 'utf8'), 'mine');
    const forced = mimspec(['export', SPEC, '--to', 'html', '-o', out, '--force']);
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(readFileSync(join(out, 'MIM8.html'), 'utf8'), /^<!DOCTYPE html>/);
    assert.deepEqual(tree(out), ['MIM8.html']);
  });
});
