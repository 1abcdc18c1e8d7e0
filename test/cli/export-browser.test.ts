import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { normalizePath } from '../../server/src/base/paths.js';
import { NodeFileSystem } from '../../server/src/node/file-system.js';
import { PREVIEW_CSS } from '../../server/src/render/preview-style.js';
import { renderPreview } from '../../server/src/render/preview.js';
import { Workspace } from '../../server/src/workspace/workspace.js';
import { fixture, ROOT } from '../support/paths.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../vscode/tools.js';

// A hostile MIM (every text tries to run a script, load something or navigate away), exported
// with the CLI and opened in headless Chromium: nothing runs, nothing is requested but the page
// itself. The preview fragment is also loaded inside a page with the webview's policy, beside a
// script that policy allows, so that a script able to run would have run.

const HOSTILE = fixture('render', 'hostile');
const missing = existsSync(CHROMIUM)
  ? undefined
  : `chromium not installed (${CHROMIUM}); run bash test/vscode/install.sh`;

interface Seen {
  requests: string[];
  dialogs: string[];
  console: string[];
  url: string;
  pwned: unknown;
  legit: unknown;
}

describe('a hostile MIM in headless Chromium', { skip: process.env.CI ? false : missing }, () => {
  let browser: Browser;
  const work = mkdtempSync(join(tmpdir(), 'mimspec-browser-'));
  before(async () => {
    if (missing) assert.fail(`${missing} (CI must run this test)`);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    rmSync(work, { recursive: true, force: true });
  });

  async function open(file: string): Promise<Seen> {
    const page = await browser.newPage();
    const seen: Seen = { requests: [], dialogs: [], console: [], url: '', pwned: undefined, legit: undefined };
    page.on('request', (r) => seen.requests.push(r.url()));
    page.on('console', (m) => seen.console.push(m.text()));
    page.on('dialog', (d) => {
      seen.dialogs.push(d.message());
      void d.dismiss();
    });
    const url = pathToFileURL(file).href;
    await page.goto(url, { waitUntil: 'load' });
    // Long enough for a meta refresh of 0 s, an onerror or an onload to have fired.
    await page.waitForTimeout(500);
    // Hover and click every element, for the event attributes that wait for the reader.
    for (const el of await page.$$('body *')) {
      await el.hover({ timeout: 200, force: true }).catch(() => undefined);
    }
    seen.url = page.url();
    seen.pwned = await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned);
    seen.legit = await page.evaluate(() => (globalThis as { __legit?: unknown }).__legit);
    assert.equal(seen.url, url, 'the page did not navigate away');
    await page.close();
    return seen;
  }

  function assertInert(seen: Seen, file: string): void {
    assert.equal(seen.pwned, undefined, 'a script of the document ran');
    assert.deepEqual(seen.dialogs, []);
    assert.deepEqual(seen.requests, [pathToFileURL(file).href], 'only the page itself is requested');
  }

  it('exported pages run nothing and fetch nothing, with their policy and without it', () => {
    const out = join(work, 'export');
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'dist', 'cli', 'mimspec.js'), 'export', HOSTILE, '--to', 'html', '-o', out],
      {
        encoding: 'utf8',
      },
    );
    assert.equal(r.status, 0, r.stderr);
    const pages = readdirSync(out).sort();
    assert.deepEqual(pages, ['MIM91.html', 'MIM92.html']);
    return (async () => {
      for (const name of pages) {
        const file = join(out, name);
        const seen = await open(file);
        assertInert(seen, file);
        assert.deepEqual(seen.console, [], 'nothing was even attempted (a blocked load logs a message)');
        // The escaping alone holds: the same page with its policy taken out.
        const bare = join(work, `bare-${name}`);
        writeFileSync(bare, readFileSync(file, 'utf8').replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''));
        const unguarded = await open(bare);
        assertInert(unguarded, bare);
        assert.deepEqual(unguarded.console, []);
      }
    })();
  });

  it('the preview fragment in a page with the webview policy runs nothing and fetches nothing', async () => {
    const ws = new Workspace(new NodeFileSystem(), { roots: [normalizePath(HOSTILE)], incremental: false });
    await ws.scan();
    const findings = [...ws.check().values()].flat();
    assert.equal(ws.mims().length, 2);
    for (const mim of ws.mims()) {
      const { html } = renderPreview(mim, { findings });
      const nonce = 'n0nce';
      const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src data:`;
      const file = join(work, `webview-${mim.id}.html`);
      writeFileSync(
        file,
        `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="${csp}"><style nonce="${nonce}">${PREVIEW_CSS}</style>` +
          `<script nonce="${nonce}">window.__legit = 1;</script></head><body>${html}</body></html>`,
      );
      const seen = await open(file);
      assert.equal(seen.legit, 1, 'the page could run its own script');
      assertInert(seen, file);
      assert.deepEqual(seen.console, []);
    }
  });
});
