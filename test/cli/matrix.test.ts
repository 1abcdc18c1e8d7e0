import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fixture, ROOT } from '../support/paths.js';

const CLI = join(ROOT, 'dist', 'cli', 'mimspec.js');
const DIR = fixture('matrix');
const golden = (name: string) => readFileSync(join(ROOT, 'test', 'golden', 'render', 'matrix', name), 'utf8');

function mimspec(args: string[], cwd = DIR) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('mimspec matrix', () => {
  it('prints the matrix as CSV, Markdown or JSON, files relative to the current folder', () => {
    for (const [format, name] of [
      ['csv', 'matrix.csv'],
      ['markdown', 'matrix.md'],
      ['json', 'matrix.json'],
    ]) {
      const r = mimspec(['matrix', '.', '--format', format]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr, '');
      assert.equal(r.stdout, golden(name), format);
    }
  });

  it('gives JSON of the documented shape: rows, unknown ids and coverage', () => {
    const r = mimspec(['matrix', DIR, '--format=json']);
    const json = JSON.parse(r.stdout) as {
      rows: Record<string, unknown>[];
      unknown: Record<string, unknown>[];
      coverage: { total: unknown; mims: unknown[]; capabilities: unknown[] };
    };
    assert.deepEqual(Object.keys(json), ['rows', 'unknown', 'coverage']);
    assert.deepEqual(Object.keys(json.rows[0]), ['id', 'mim', 'capability', 'level', 'mechanisms', 'tests']);
    assert.deepEqual(Object.keys(json.unknown[0]), ['text', 'mim', 'role', 'from', 'why', 'file', 'line']);
    assert.deepEqual(Object.keys(json.coverage), ['total', 'mims', 'capabilities']);
  });

  it('keeps to the MIMs of the paths given; a page brings its whole MIM', () => {
    const r = mimspec(['matrix', 'repo/docs/mechanisms.md', '--format', 'csv']);
    assert.equal(r.code, 0, r.stderr);
    const mims = new Set(
      r.stdout
        .trim()
        .split('\r\n')
        .slice(1)
        .map((l) => l.split(',')[0]),
    );
    assert.deepEqual([...mims], ['MIM3']);
    assert.equal(r.stdout.split('\r\n').length - 2, 5);
  });

  it('exits 2 on bad usage and says why', () => {
    for (const args of [
      ['matrix', '.'],
      ['matrix', '.', '--format', 'xml'],
      ['matrix', '.', '--format', 'csv', '--bogus'],
      ['matrix', 'no-such-folder', '--format', 'csv'],
    ]) {
      const r = mimspec(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /^mimspec: /);
      assert.equal(r.stdout, '');
    }
    assert.match(mimspec(['matrix', '.']).stderr, /matrix needs --format csv, markdown, json/);
    const help = mimspec(['matrix', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /mimspec matrix \[paths\.\.\.\] --format csv\|markdown\|json/);
  });
});
