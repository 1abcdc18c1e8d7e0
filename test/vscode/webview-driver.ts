import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';

/**
 * The outer half of the view checks (test/vscode/suite/views.ts): the suite, inside the
 * extension host, opens a view and asks for a step in a file; this driver, in the browser that
 * runs the workbench, reads or clicks the view's webview (its inner frame), the status bar or a
 * notification's button, and answers in another file. It goes on across a reload of the
 * window. MIMSPEC_SCREENSHOTS=1 saves each view the suite names under docs/images/.
 */

interface Ask {
  /** Texts the view must show. */
  text?: string[];
  /** docs/images/NAME.png, when screenshots are asked for. */
  screenshot?: string;
  /** The preview element to click: its file's name and source line. */
  file?: string;
  line?: number;
  /** preview-scroll: the line the preview must scroll to, then the line to scroll it to. */
  backTo?: number;
  /** keys: what to press in the editor, in turn; `action`: the MIM preview's title bar action must show. */
  keys?: string[];
  action?: boolean;
  /** The document's markup must not have become elements, and nothing may have run. */
  inert?: boolean;
  /** The graph node to click. */
  node?: string;
  /** status: what the extension's status bar item must read (its icons aside). */
  status?: string;
  /** type-*: the text to type in the focused quick input (or dialog), then `keys`. */
  type?: string;
  /** matrix-filter: what to type in the matrix's filter box; texts the matrix must then no longer show; texts its summary must still show. */
  filter?: string;
  absent?: string[];
  summary?: string[];
  /** notification-*: the notification that holds `text`, and its button to click. */
  button?: string;
}

/** Each view's own container (media/*.js): tells apart the frames of one extension. */
const VIEW_OF_STEP: Record<string, string> = {
  preview: '#mimspec-preview',
  'preview-edit': '#mimspec-preview',
  'preview-click': '#mimspec-preview',
  'preview-scroll': '#mimspec-preview',
  'preview-revived': '#mimspec-preview',
  'preview-before-reload': '#mimspec-preview',
  'preview-restored': '#mimspec-preview',
  'preview-restored-edit': '#mimspec-preview',
  'preview-restored-click': '#mimspec-preview',
  'preview-after-restart': '#mimspec-preview',
  matrix: '#mimspec-matrix',
  'matrix-filter': '#mimspec-matrix',
  'matrix-unfiltered': '#mimspec-matrix',
  graph: '#mimspec-graph',
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The webview's inner frame that holds `selector` (there may be several webviews). */
async function viewFrame(page: Page, selector: string, ms = 20000): Promise<Frame> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    for (const frame of page.frames()) {
      if (!/fake\.html/.test(frame.url())) continue;
      try {
        if ((await frame.locator(selector).count()) > 0) return frame;
      } catch {
        // the frame went away meanwhile
      }
    }
    await sleep(200);
  }
  throw new Error(`no webview shows ${selector}`);
}

async function waitForText(frame: Frame, selector: string, text: string, ms = 15000): Promise<void> {
  const end = Date.now() + ms;
  let seen = '';
  while (Date.now() < end) {
    seen = (await frame.locator(selector).textContent()) ?? '';
    if (seen.includes(text)) return;
    await sleep(150);
  }
  throw new Error(`${selector} does not show "${text}"; it shows: ${seen.slice(0, 400)}`);
}

async function waitForNoText(frame: Frame, selector: string, text: string, ms = 15000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (!((await frame.locator(selector).textContent()) ?? '').includes(text)) return;
    await sleep(150);
  }
  throw new Error(`${selector} still shows "${text}"`);
}

async function runStep(page: Page, step: string, ask: Ask, images: string | undefined): Promise<object> {
  if (step.startsWith('type-')) {
    // New MIM…'s input boxes and its question: what a user types in the widget that has the focus.
    if (ask.type) await page.keyboard.type(ask.type);
    for (const k of ask.keys ?? []) await page.keyboard.press(k);
    return { ok: true };
  }
  if (step.startsWith('keys')) {
    // A MIM file's title bar shows the extension's preview action: its `when` holds.
    if (ask.action)
      await page.locator('.editor-actions a.action-label.codicon-book').first().waitFor({ timeout: 10000 });
    await page.locator('.monaco-editor textarea').first().focus();
    for (const k of ask.keys ?? []) await page.keyboard.press(k);
    return { ok: true };
  }
  if (step.startsWith('notification')) {
    // Toasts are not shown under the smoke-test driver: the notification centre lists them.
    await page.locator('[id="status.notifications"]').click();
    const item = page.locator('.notifications-center .monaco-list-row', { hasText: ask.text?.[0] ?? '' }).first();
    await item.waitFor({ timeout: 10000 });
    await item
      .locator('.monaco-button', { hasText: ask.button ?? '' })
      .first()
      .click();
    await page.keyboard.press('Escape');
    return { ok: true };
  }
  if (step.startsWith('status')) {
    const item = page.locator('.statusbar-item', { hasText: ask.status?.split(' ')[0] ?? '' }).first();
    await item.waitFor({ timeout: 10000 });
    const seen = ((await item.textContent()) ?? '').replace(/\s+/g, ' ').trim();
    if (seen !== ask.status) throw new Error(`the status bar reads "${seen}", not "${ask.status}"`);
    return { seen };
  }
  const selector = VIEW_OF_STEP[step];
  if (!selector) throw new Error(`unknown step ${step}`);
  const frame = await viewFrame(page, selector);
  if (ask.filter !== undefined) await frame.locator('#mimspec-filter').fill(ask.filter);
  for (const t of ask.text ?? []) await waitForText(frame, selector, t);
  for (const t of ask.absent ?? []) await waitForNoText(frame, selector, t);
  for (const t of ask.summary ?? []) await waitForText(frame, '#mimspec-summary', t);
  // Every view runs under the extension's policy: nothing but its own scripts and styles.
  const csp = (await frame.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
  if (!/default-src 'none'/.test(csp) || !/script-src 'nonce-[^']+'(;|$)/.test(csp))
    throw new Error(`the view's policy is not strict: ${csp}`);
  if (ask.inert) {
    const live = await frame.locator(`${selector} img, ${selector} script, ${selector} [onerror]`).count();
    if (live > 0) throw new Error(`${live} elements of the document's markup are live in the preview`);
    if ((await frame.title()) !== 'MIM preview') throw new Error('a script of the document ran');
  }
  if (ask.screenshot && images) {
    await sleep(800); // let the theme's fonts and colours settle
    await page.screenshot({ path: join(images, `${ask.screenshot}.png`) });
  }
  if (step.endsWith('-click')) {
    const el = frame.locator(`[data-uri$="${ask.file}"][data-line="${ask.line}"]`).first();
    await el.click();
    return { clicked: await el.textContent() };
  }
  if (step === 'preview-scroll') {
    // The element of the file that starts last at or above the editor's top line is at the top.
    type Line = { getAttribute(name: string): string | null; getBoundingClientRect(): { top: number } };
    const top = () =>
      frame.locator('[data-uri][data-line]').evaluateAll(
        (els: Line[], { file, line }) => {
          const lineOf = (e: Line) => Number(e.getAttribute('data-line'));
          const above = els.filter((e) => (e.getAttribute('data-uri') ?? '').endsWith(file) && lineOf(e) <= line);
          const last = Math.max(...above.map(lineOf));
          const el = above.find((e) => lineOf(e) === last);
          return el ? el.getBoundingClientRect().top : Infinity;
        },
        { file: ask.file!, line: ask.line! },
      );
    const end = Date.now() + 10000;
    while (Math.abs(await top()) > 30) {
      if (Date.now() > end) throw new Error(`line ${ask.line} is not at the top of the preview (${await top()} px)`);
      await sleep(100);
    }
    await sleep(600); // past the time the preview keeps quiet after a scroll it was told to make
    const back = frame.locator(`[data-uri$="${ask.file}"][data-line="${ask.backTo}"]`).first();
    await back.evaluate((e) => e.scrollIntoView({ block: 'start' }));
    return { ok: true };
  }
  if (step === 'graph' && ask.node) await frame.locator(`g.node[data-expand="${ask.node}"]`).first().click();
  return { ok: true };
}

/**
 * Answers the suite's steps until `finished()`: each `STEP.ask.json` in `dir` gets its
 * `STEP.done.json` (`{ error }` when the step failed). Returns the steps it answered.
 */
export async function driveWebviews(
  page: Page,
  dir: string,
  finished: () => boolean,
  images: string | undefined,
): Promise<string[]> {
  const answered: string[] = [];
  while (!finished()) {
    const asks = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.ask.json')) : [];
    for (const name of asks) {
      const step = name.slice(0, -'.ask.json'.length);
      if (answered.includes(step)) continue;
      answered.push(step);
      let answer: object;
      try {
        answer = await runStep(page, step, JSON.parse(readFileSync(join(dir, name), 'utf8')) as Ask, images);
      } catch (e) {
        answer = { error: e instanceof Error ? e.message : String(e) };
      }
      // Renamed into place, as the suite polls for it.
      writeFileSync(join(dir, `${step}.done.tmp`), JSON.stringify(answer));
      renameSync(join(dir, `${step}.done.tmp`), join(dir, `${step}.done.json`));
    }
    await sleep(150);
  }
  return answered;
}
