import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatGithub } from '../../server/src/cli/format-github.js';
import { formatJunit } from '../../server/src/cli/format-junit.js';
import { ProgressLine } from '../../server/src/cli/progress.js';
import type { CheckReport } from '../../server/src/cli/report.js';
import type { Workspace } from '../../server/src/workspace/workspace.js';

const report: CheckReport = {
  files: 2,
  checked: ['docs/a, b.md', 'docs/clean.md'],
  diagnostics: [
    {
      file: 'docs/a, b.md',
      line: 3,
      column: 5,
      endLine: 3,
      endColumn: 9,
      severity: 'warning',
      code: 'link/missing-scheme',
      message: '100% "sure": <b>a\nb</b> & \u0007',
    },
  ],
  summary: { errors: 0, warnings: 1, infos: 0 },
};

describe('CI formats', () => {
  it('github: data and properties encoded as the runner decodes them', () => {
    const [line] = formatGithub(report).split('\n');
    assert.equal(
      line,
      '::warning file=docs/a%2C b.md,line=3,col=5,endLine=3,endColumn=9,title=link/missing-scheme::100%25 "sure": <b>a%0Ab</b> & \u0007',
    );
  });

  it('junit: every text escaped, characters XML cannot hold replaced, a passing case for a clean file', () => {
    const xml = formatJunit(report);
    assert.match(xml, /message="100% &quot;sure&quot;: &lt;b&gt;a\nb&lt;\/b&gt; &amp; \ufffd"/);
    assert.match(
      xml,
      /<testsuite name="docs\/clean\.md" tests="1" failures="0"[^>]*>\n {4}<testcase classname="docs\/clean\.md" name="mimspec"\/>/,
    );
    assert.match(xml, /<testsuites name="mimspec" tests="2" failures="1" errors="0">/);
  });
});

describe('the progress line', () => {
  const stream = (isTTY: boolean) => {
    const written: string[] = [];
    return { isTTY, written, write: (s: string) => written.push(s) };
  };
  const ws = { documents: { size: 42 } } as unknown as Workspace;

  it('shows the files read once the delay has passed, and clears itself', async () => {
    const tty = stream(true);
    const line = new ProgressLine(tty, 20);
    line.watch(ws);
    await new Promise((r) => setTimeout(r, 60));
    line.checking(42);
    line.done();
    assert.ok(tty.written.some((s) => s.includes('mimspec: 42 files read')));
    assert.ok(tty.written.some((s) => s.includes('checking 42 files')));
    assert.equal(tty.written[tty.written.length - 1], '\r\u001b[K');
  });

  it('writes nothing for a quick check or off a terminal', async () => {
    const quick = stream(true);
    const line = new ProgressLine(quick, 1000);
    line.watch(ws);
    line.done();
    const pipe = stream(false);
    const piped = new ProgressLine(pipe, 0);
    piped.watch(ws);
    await new Promise((r) => setTimeout(r, 20));
    piped.done();
    assert.deepEqual([quick.written, pipe.written], [[], []]);
  });
});
