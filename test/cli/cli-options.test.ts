import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import { matchGolden } from '../support/golden.js';
import { ROOT } from '../support/paths.js';

const CLI = join(ROOT, 'dist', 'cli', 'mimspec.js');
const work = mkdtempSync(join(tmpdir(), 'mimspec-cli-options-'));
after(() => rmSync(work, { recursive: true, force: true }));
cpSync(join(ROOT, 'examples'), join(work, 'examples'), { recursive: true });

function mimspec(args: string[], options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? work,
    encoding: 'utf8',
    input: options.input,
    env: { ...process.env, NO_COLOR: '', ...options.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The command run on a pseudo-terminal, as a user at a terminal runs it (test/support/on-terminal.py);
 * `answer` is typed once the command asks `[y/N]`.
 */
function onTerminal(args: string[], env: Record<string, string> = {}, answer?: string) {
  const r = spawnSync(
    'python3',
    [
      join(ROOT, 'test', 'support', 'on-terminal.py'),
      answer ? '\\[y/N\\]' : '',
      answer ?? '',
      '--',
      process.execPath,
      CLI,
      ...args,
    ],
    { cwd: work, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', ...env } },
  );
  return { code: r.status, output: r.stdout };
}

const json = (args: string[], options = {}) => JSON.parse(mimspec([...args, '--format', 'json'], options).stdout);

let copies = 0;
function copyOfExamples(): string {
  const dir = join(work, `copy${copies++}`);
  cpSync(join(ROOT, 'examples'), dir, { recursive: true });
  return dir;
}

function tree(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name), 'utf8')]),
  );
}

describe('mimspec check: formats for CI', () => {
  it('--format github prints one workflow command a finding, in the runner’s shape, then a summary', () => {
    const r = mimspec(['check', 'examples/with-mistakes', '--format', 'github']);
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split('\n');
    const findings = json(['check', 'examples/with-mistakes']).diagnostics;
    assert.equal(lines.length, findings.length + 1);
    for (const line of lines.slice(0, -1))
      assert.match(
        line,
        /^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+(\/[a-z-]+)?::[^\n]+$/,
      );
    assert.match(lines[0], /^::error file=examples\/with-mistakes\/securing-sensor-data\.mim\.yaml,line=5,col=9,/);
    assert.match(lines[lines.length - 1], /^mimspec: 10 files checked: \d+ errors, \d+ warnings, \d+ infos$/);
  });

  it('--format junit prints well-formed JUnit XML: a suite per file, a failing case per finding', () => {
    const r = mimspec(['check', 'examples/with-mistakes', '--format', 'junit']);
    assert.equal(r.code, 1);
    const findings = json(['check', 'examples/with-mistakes']).diagnostics;
    const file = join(work, 'report.xml');
    writeFileSync(file, r.stdout);
    const lint = spawnSync('xmllint', ['--noout', file], { encoding: 'utf8' });
    if (lint.error === undefined) assert.equal(lint.status, 0, lint.stderr);
    else if (process.env.CI) assert.fail('xmllint is missing (.ci/run installs libxml2-utils)');
    assert.match(
      r.stdout,
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="mimspec" tests="\d+" failures="(\d+)"/,
    );
    assert.equal(Number(/failures="(\d+)"/.exec(r.stdout)![1]), findings.length);
    assert.equal((r.stdout.match(/<testsuite /g) ?? []).length, 10);
    assert.equal((r.stdout.match(/<failure /g) ?? []).length, findings.length);
  });
});

describe('mimspec check: outputs held by golden files', () => {
  const extension: Record<string, string> = { text: 'txt', github: 'txt', junit: 'xml', sarif: 'json', json: 'json' };
  for (const format of Object.keys(extension)) {
    it(`--format ${format} on the examples with mistakes`, () => {
      const r = mimspec(['check', 'examples/with-mistakes', '--format', format]);
      assert.equal(r.code, 1, r.stderr);
      // The tool's version is the one thing that changes from release to release.
      const output = r.stdout.replace(/("name": "mimspec",\s*"version": )"[^"]+"/, '$1"VERSION"');
      matchGolden(`cli/with-mistakes.${format}.${extension[format]}`, output);
    });
  }
});

describe('mimspec check: thresholds', () => {
  const dir = 'examples/with-mistakes/urban-mobility';
  it('fails on errors by default, on warnings or infos when asked, and on too many warnings', () => {
    const { summary } = json(['check', dir]);
    assert.ok(summary.warnings > 0);
    const onlyWarnings = 'examples/with-mistakes/urban-mobility/docs/resources.md';
    assert.equal(json(['check', onlyWarnings]).summary.errors, 0);
    assert.equal(mimspec(['check', onlyWarnings]).code, 0);
    assert.equal(mimspec(['check', onlyWarnings, '--fail-on', 'warning']).code, 1);
    assert.equal(mimspec(['check', onlyWarnings, '--fail-on', 'info']).code, 1);
    const warnings = json(['check', onlyWarnings]).summary.warnings;
    assert.equal(mimspec(['check', onlyWarnings, '--max-warnings', String(warnings)]).code, 0);
    assert.equal(mimspec(['check', onlyWarnings, '--max-warnings', String(warnings - 1)]).code, 1);
    assert.equal(mimspec(['check', 'examples/geospatial-data', '--fail-on', 'info', '--max-warnings', '0']).code, 0);
  });

  it('refuses bad values with exit 2', () => {
    for (const [args, message] of [
      [['--fail-on', 'fatal'], /--fail-on takes error, warning or info, not 'fatal'/],
      [['--max-warnings', 'many'], /--max-warnings takes a number, not 'many'/],
      [['--stdin'], /--stdin and --stdin-filename go together/],
      [['--fix', '--fix-dry-run'], /not both/],
    ] as const) {
      const r = mimspec(['check', 'examples', ...args]);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, message);
    }
  });
});

describe('mimspec check on a terminal', () => {
  it('colours severities and codes on a terminal, never in a pipe, and not with NO_COLOR or --no-color', () => {
    const tty = onTerminal(['check', 'examples/with-mistakes']);
    assert.match(tty.output, /\u001b\[31merror\u001b\[39m/);
    assert.match(tty.output, /\u001b\[2mschema\/invalid\u001b\[22m/);
    assert.doesNotMatch(mimspec(['check', 'examples/with-mistakes']).stdout, /\u001b/);
    assert.doesNotMatch(onTerminal(['check', 'examples/with-mistakes'], { NO_COLOR: '1' }).output, /\u001b/);
    assert.doesNotMatch(onTerminal(['check', 'examples/with-mistakes', '--no-color']).output, /\u001b/);
  });

  it('writes nothing on stderr for a quick check', () => {
    const r = mimspec(['check', 'examples']);
    assert.equal(r.stderr, '');
    assert.doesNotMatch(onTerminal(['check', 'examples', '--no-color']).output, /mimspec: \d+ files read/);
  });
});

describe('mimspec check --stdin', () => {
  it('checks the text on stdin as the file named, in its repository, as checking the file on disk does', () => {
    const page = 'examples/with-mistakes/urban-mobility/docs/mechanisms.md';
    const onDisk = json(['check', page]);
    const fromStdin = json(['check', '--stdin', '--stdin-filename', page], {
      input: readFileSync(join(work, page), 'utf8'),
    });
    assert.ok(onDisk.diagnostics.length > 0);
    assert.deepEqual(fromStdin, onDisk);
  });

  it('checks the buffer, not the file: a change only on stdin is found', () => {
    const page = 'examples/geospatial-data/docs/mechanisms.md';
    const text = readFileSync(join(work, page), 'utf8').replace('| R1.1 |', '| R1.9 |');
    const found = json(['check', '--stdin', '--stdin-filename', page], { input: text }).diagnostics;
    assert.ok(
      found.some((d: { code: string; file: string }) => d.code === 'trace/unknown-requirement' && d.file === page),
    );
  });
});

describe('mimspec check --fix', () => {
  it('--fix-dry-run prints the diff and writes nothing', () => {
    const dir = copyOfExamples();
    const before = tree(dir);
    const r = mimspec(['check', dir, '--fix-dry-run']);
    assert.match(r.stdout, /^--- a\/.*resources\.md\n\+\+\+ b\/.*resources\.md\n@@ /m);
    assert.match(r.stdout, /^-the city is at \[the city portal\]\(www\.example\.org\)\.$/m);
    assert.match(r.stdout, /^\+the city is at \[the city portal\]\(https:\/\/www\.example\.org\)\.$/m);
    assert.deepEqual(tree(dir), before);
  });

  it('writes the fixes, says what it changed, and leaves every other finding and file as it was', () => {
    const dir = copyOfExamples();
    const before = tree(dir);
    const findingsBefore = json(['check', dir]).diagnostics;
    const r = mimspec(['check', dir, '--fix']);
    assert.match(r.stderr, /^mimspec: fixed .*resources\.md: 1 edit \(link\/missing-scheme\)$/m);
    const after = tree(dir);
    const changed = [...after].filter(([path, text]) => before.get(path) !== text).map(([path]) => path);
    assert.deepEqual(changed, ['with-mistakes/urban-mobility/docs/resources.md']);
    const findingsAfter = json(['check', dir]).diagnostics;
    assert.deepEqual(
      findingsAfter,
      findingsBefore.filter((d: { code: string }) => d.code !== 'link/missing-scheme'),
    );
    assert.deepEqual(json(['check', dir]).diagnostics, findingsAfter, 'a second run finds the same');
    assert.equal(mimspec(['check', dir, '--fix']).stderr, '', 'nothing left to fix');
  });

  it('never writes a file it could not parse', () => {
    const dir = copyOfExamples();
    const page = join(dir, 'with-mistakes', 'urban-mobility', 'docs', 'resources.md');
    const spec = join(dir, 'local-digital-twins.mim.yaml');
    const broken = `${readFileSync(spec, 'utf8')}\nbroken: [unclosed\n`;
    writeFileSync(spec, broken);
    mimspec(['check', dir, '--fix']);
    assert.equal(readFileSync(spec, 'utf8'), broken);
    assert.match(readFileSync(page, 'utf8'), /\(https:\/\/www\.example\.org\)/, 'the other files are fixed');
  });
});

describe('mimspec rules', () => {
  it('lists every code with its severity, the severity in force, its summary and its page', () => {
    const { rules } = json(['rules']);
    const unknown = rules.find((r: { code: string }) => r.code === 'trace/unknown-requirement');
    assert.deepEqual(Object.keys(unknown), ['code', 'severity', 'inForce', 'summary', 'url']);
    assert.equal(unknown.severity, 'error');
    assert.match(unknown.url, /docs\/rules\/trace\/unknown-requirement\.md$/);
    const text = mimspec(['rules']).stdout;
    assert.match(text, /^trace\/unknown-requirement +error +\S/m);
    assert.equal(text.trimEnd().split('\n').length, rules.length + 1);
  });

  it('shows the severities that a mimspec.yaml sets', () => {
    const dir = copyOfExamples();
    writeFileSync(
      join(dir, 'mimspec.yaml'),
      'rules:\n  trace/untested-requirement: error\n  link/missing-scheme: off\n',
    );
    const { rules } = json(['rules', dir]);
    const inForce = (code: string) => rules.find((r: { code: string }) => r.code === code).inForce;
    assert.equal(inForce('trace/untested-requirement'), 'error');
    assert.equal(inForce('link/missing-scheme'), 'off');
    assert.match(mimspec(['rules', dir]).stdout, /^link\/missing-scheme +warning \(here: off\)/m);
  });
});

describe('mimspec init', () => {
  it('writes a mimspec.yaml with what it found and a workflow, and the repository still checks the same', () => {
    const dir = copyOfExamples();
    const repo = join(dir, 'geospatial-data');
    rmSync(join(repo, 'mimspec.yaml'));
    const before = json(['check', repo]).diagnostics;
    const r = mimspec(['init', repo]);
    assert.equal(r.code, 0, r.stderr);
    const config = readFileSync(join(repo, 'mimspec.yaml'), 'utf8');
    assert.match(config, /^mim: MIM7$/m);
    assert.match(config, /^numbering: oasc-2025$/m);
    assert.match(config, /^conventions: bcp14$/m);
    assert.match(
      readFileSync(join(repo, '.github', 'workflows', 'mimspec.yml'), 'utf8'),
      /mimspec check --format github/,
    );
    assert.deepEqual(json(['check', repo]).diagnostics, before);
  });

  it('asks before writing over a file: without a terminal it leaves it, with --force it writes', () => {
    const dir = copyOfExamples();
    const repo = join(dir, 'geospatial-data');
    const mine = '# my own\nmim: MIM7\n';
    writeFileSync(join(repo, 'mimspec.yaml'), mine);
    const r = mimspec(['init', repo]);
    assert.match(r.stderr, /mimspec\.yaml left as it is \(give --force to write over it\)/);
    assert.equal(readFileSync(join(repo, 'mimspec.yaml'), 'utf8'), mine);
    assert.ok(existsSync(join(repo, '.github', 'workflows', 'mimspec.yml')));
    const declined = onTerminal(['init', repo], {}, 'n\n');
    assert.match(declined.output, /mimspec\.yaml exists: write over it\? \[y\/N\]/);
    assert.equal(readFileSync(join(repo, 'mimspec.yaml'), 'utf8'), mine, 'the user said no');
    onTerminal(['init', repo], {}, 'y\n');
    assert.match(readFileSync(join(repo, 'mimspec.yaml'), 'utf8'), /^conventions: bcp14$/m, 'the user said yes');
    writeFileSync(join(repo, 'mimspec.yaml'), mine);
    assert.equal(mimspec(['init', repo, '--force']).code, 0);
    assert.match(readFileSync(join(repo, 'mimspec.yaml'), 'utf8'), /^numbering: oasc-2025$/m);
  });
});
