import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { fixture, ROOT } from '../support/paths.js';
import { CHROMIUM, CHROMIUM_ARGS, CODE_SERVER, missingTools, NODE24 } from './tools.js';
import { installVsix } from './vsix.js';
import { driveWebviews } from './webview-driver.js';

/**
 * The real VS Code extension host: code-server (VS Code in a browser) loads this folder as
 * the extension under development and runs test/vscode/suite/index.ts in its extension host,
 * driven by headless Chromium. The suite reports its exit code through codeAutomationExit.
 *
 * Tools come from test/vscode/install.sh. Where they are absent the test skips locally and
 * fails under CI. MIMSPEC_VSCODE_SCREENSHOT=FILE.png saves the workbench, Problems panel open.
 * The views' webviews are read and clicked by this side (webview-driver.ts) when the suite asks;
 * MIMSPEC_SCREENSHOTS=1 saves the preview, the matrix and the graph as docs/images/*.png.
 */
const SUITE = join(ROOT, 'dist', 'test', 'vscode', 'suite', 'index.js');
const EXTENSION = join(ROOT, 'dist', 'client', 'extension.js');
const TIMEOUT = 420_000;
const missing = missingTools();
const USER_SETTINGS = {
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.startupEditor': 'none',
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForHealth(port: number, server: ChildProcess, output: () => string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (server.exitCode !== null) throw new Error(`code-server exited with ${server.exitCode}:\n${output()}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (r.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`code-server did not answer /healthz within ${ms} ms:\n${output()}`);
}

/** Stops code-server's whole process group; its children outlive it for a moment. */
async function killGroup(server: ChildProcess): Promise<void> {
  const pid = server.pid;
  if (pid === undefined) return;
  const alive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  for (let i = 0; i < 30 && alive(); i++) await sleep(100);
  if (alive()) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
}

describe('VS Code extension host (code-server)', { skip: process.env.CI ? false : missing }, () => {
  it('runs the extension-host suite on the development folder and exits 0', { timeout: TIMEOUT + 60_000 }, () =>
    runSuite(),
  );
  it(
    'runs the same suite on the packaged .vsix, installed in code-server',
    { timeout: TIMEOUT + 120_000, skip: process.env.MIMSPEC_SKIP_VSIX ? 'MIMSPEC_SKIP_VSIX' : false },
    () => runSuite({ vsix: true }),
  );
});

/**
 * One run of the suite in code-server: on this folder as the extension under development, or
 * (`vsix`) on the .vsix that `vsce package` makes of it, installed in code-server's extensions
 * folder, with no development path, as a user installs it.
 */
async function runSuite(options: { vsix?: boolean } = {}): Promise<void> {
  {
    if (missing) assert.fail(`${missing} (CI must run this test)`);
    assert.ok(existsSync(SUITE) && existsSync(EXTENSION), 'build first: node esbuild.mjs');

    const work = mkdtempSync(join(tmpdir(), 'mimspec-vscode-'));
    const dirs = Object.fromEntries(
      ['home', 'config', 'data', 'user-data', 'extensions'].map((d) => [d, join(work, d)]),
    );
    for (const d of Object.values(dirs)) mkdirSync(d);
    const workspace = join(work, 'workspace');
    cpSync(fixture('vscode', 'workspace'), workspace, { recursive: true });
    // Quiet user settings: no gallery look-ups (there is no network), no welcome page.
    mkdirSync(join(dirs['user-data']!, 'User'), { recursive: true });
    writeFileSync(join(dirs['user-data']!, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
    const suiteLog = join(work, 'suite.log');
    const driverDir = join(work, 'driver');
    mkdirSync(driverDir);
    const images = process.env.MIMSPEC_SCREENSHOTS ? join(ROOT, 'docs', 'images') : undefined;
    if (images) mkdirSync(images, { recursive: true });
    const screenshot = options.vsix ? undefined : process.env.MIMSPEC_VSCODE_SCREENSHOT;
    if (options.vsix) installVsix(work, dirs);
    const noExtension = join(work, 'no-extension');
    mkdirSync(noExtension);

    const port = await freePort();
    let serverOutput = '';
    const server = spawn(
      NODE24,
      [
        CODE_SERVER,
        '--bind-addr',
        `127.0.0.1:${port}`,
        '--auth',
        'none',
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--user-data-dir',
        dirs['user-data']!,
        '--extensions-dir',
        dirs.extensions!,
        '--vscode-option',
        'enable-smoke-test-driver',
      ],
      {
        detached: true, // its own process group, killed as one
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          HOME: dirs.home,
          XDG_CONFIG_HOME: dirs.config,
          XDG_DATA_HOME: dirs.data,
          MIMSPEC_VSCODE_TEST_LOG: suiteLog,
          MIMSPEC_VSCODE_DRIVER: driverDir,
          ...(screenshot ? { MIMSPEC_VSCODE_HOLD_MS: '4000' } : {}),
        },
      },
    );
    server.stdout!.on('data', (d: Buffer) => (serverOutput += d.toString()));
    server.stderr!.on('data', (d: Buffer) => (serverOutput += d.toString()));

    let browser: Browser | undefined;
    const hostLog: string[] = [];
    const started = Date.now();
    try {
      await waitForHealth(port, server, () => serverOutput);
      browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });

      let exit: (code: number) => void = () => undefined;
      const exited = new Promise<number>((resolve) => (exit = resolve));
      await page.exposeFunction('codeAutomationExit', (code: number) => exit(code));
      await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => {
        hostLog.push(`${type}: ${typeof args === 'string' ? args : JSON.stringify(args)}`);
      });

      const remote = (path: string) => `vscode-remote://127.0.0.1:${port}${path}`;
      const payload = JSON.stringify([
        // The tests run only in a development host: for the .vsix, a folder with no extension in it.
        ['extensionDevelopmentPath', remote(options.vsix ? noExtension : ROOT)],
        ['extensionTestsPath', remote(SUITE)],
      ]);
      // The suite reloads the window once (suite/reload.ts): the workbench loads a second time.
      let loads = 0;
      page.on('load', () => loads++);
      await page.goto(
        `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`,
      );

      let finished = false;
      const shot = screenshot
        ? takeScreenshotWhenHeld(page, suiteLog, screenshot, () => finished).catch((e) =>
            console.log(`no screenshot: ${e}`),
          )
        : Promise.resolve();
      const driven = driveWebviews(page, driverDir, () => finished, options.vsix ? undefined : images);
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), TIMEOUT)));
      const code = await Promise.race([exited, timedOut]);
      clearTimeout(timer);
      finished = true;
      await shot;
      const steps = await driven;

      // The suite's own lines: from its log file, else as the host forwarded its console.
      const lines = existsSync(suiteLog)
        ? readFileSync(suiteLog, 'utf8').trimEnd()
        : hostLog.filter((l) => /"(ok|not ok) - |"# (suite|mimspec)/.test(l)).join('\n') || '(the suite wrote no log)';
      console.log(`extension-host suite, ${Date.now() - started} ms after code-server answered:\n${lines}`);
      const context = `suite log:\n${lines}\n\nhost log (last 40 lines):\n${hostLog.slice(-40).join('\n')}\n\ncode-server:\n${serverOutput.slice(-4000)}`;
      assert.notEqual(code, 'timeout', `no exit code within ${TIMEOUT} ms\n${context}`);
      assert.equal(code, 0, `the suite exited with ${code}\n${context}`);
      assert.match(lines, /# suite: (\d+) of \1 checks passed/, context);
      const ran = /# extension: (.*)/.exec(lines)?.[1] ?? '';
      if (options.vsix) assert.ok(ran.startsWith(dirs.extensions!), `not the installed .vsix: ${ran}`);
      else assert.equal(ran, ROOT.replace(/\/$/, ''));
      assert.equal(
        loads,
        2,
        `the workbench loaded ${loads} times: the suite's reload of the window did not happen once`,
      );
      assert.match(lines, /^# reloading the window$/m, context);
      // The views' checks in the webviews ran, not only their halves in the host.
      assert.deepEqual(
        steps.sort(),
        [
          'graph',
          'keys',
          'keys-other',
          'matrix',
          'matrix-filter',
          'matrix-unfiltered',
          'notification-restart',
          'preview',
          'preview-after-restart',
          'preview-before-reload',
          'preview-click',
          'preview-edit',
          'preview-restored',
          'preview-restored-click',
          'preview-restored-edit',
          'preview-revived',
          'preview-scroll',
          'status',
          'status-stopped',
          'type-title-again',
          'type-title-gitbook',
          'type-title-itu',
          'type-title-yaml',
        ],
        context,
      );
    } finally {
      await browser?.close().catch(() => undefined);
      await killGroup(server);
      rmSync(work, { recursive: true, force: true });
    }
  }
}

/** Waits for the suite's hold marker, then saves the workbench with the Problems panel open. */
async function takeScreenshotWhenHeld(
  page: import('playwright-core').Page,
  suiteLog: string,
  path: string,
  finished: () => boolean,
): Promise<void> {
  while (!finished()) {
    if (existsSync(suiteLog) && readFileSync(suiteLog, 'utf8').includes('# holding for a screenshot')) {
      await sleep(1500); // let the panel render
      await page.screenshot({ path });
      console.log(`screenshot: ${path}`);
      return;
    }
    await sleep(200);
  }
}
