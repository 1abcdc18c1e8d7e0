import { randomBytes } from 'node:crypto';
import type { Connection } from 'vscode-languageserver';
import type { Mim } from '../model/mim.js';
import { ProseCache } from '../render/prose.js';
import { PREVIEW_CSS } from '../render/preview-style.js';
import { mimPlaces, renderPreview, staleBanner } from '../render/preview.js';
import { Requests, type PreviewParams, type PreviewResult, type PreviewStyleResult } from '../protocol/views.js';
import { mimOfUri, type ViewHost } from './view-host.js';

/**
 * `mimspec/preview` and `mimspec/previewStyle`. While a document of the MIM does not parse
 * (a `syntax/` problem), the answer is the last render made while it did, under a banner that
 * names the error: what the author sees does not lose half the MIM at every keystroke. With no
 * such render yet, the current model (what the reader could recover) is rendered.
 */
export function registerPreview(connection: Connection, host: ViewHost): void {
  const lastGood = new Map<string, { title: string; html: string }>();
  const proseCaches = new Map<string, ProseCache>();
  const versions = new Versions();

  connection.onRequest(Requests.previewStyle, (): PreviewStyleResult => ({ css: PREVIEW_CSS }));

  connection.onRequest(Requests.preview, async (params: PreviewParams): Promise<PreviewResult | null> => {
    await host.ready();
    if (typeof params?.uri !== 'string') return null;
    const mim = mimOfUri(host, params.uri);
    if (!mim) return null;
    // By its folder or file: a slip that loses the `mim:` line does not make it another MIM's render.
    const key = mim.root;
    const broken = syntaxProblem(mim);
    const good = lastGood.get(key);
    if (broken && good) {
      const html = staleBanner(broken, host.uriOf) + good.html;
      return { mim: mim.known ? mim.id : null, title: good.title, html, version: versions.of(key, html), stale: true };
    }
    const ws = host.workspace();
    const all = ws.check();
    const findings = mim.documents.flatMap((d) => all.get(d.file) ?? []);
    let proseCache = proseCaches.get(key);
    if (!proseCache) proseCaches.set(key, (proseCache = new ProseCache()));
    const { title, html } = renderPreview(mim, {
      findings,
      uriOf: host.uriOf,
      mimPlace: mimPlaces(ws.mims()),
      proseCache,
    });
    proseCache.rotate();
    if (!broken) lastGood.set(key, { title, html });
    return { mim: mim.known ? mim.id : null, title, html, version: versions.of(key, html) };
  });
}

/** The first syntax problem of the MIM's documents, as a finding's place and words. */
function syntaxProblem(mim: Mim) {
  for (const d of mim.documents) {
    const p = d.problems.find((x) => x.code.startsWith('syntax/'));
    if (p) return { code: p.code, message: p.message, file: d.file, range: p.range, severity: 'error' as const };
  }
  return undefined;
}

/**
 * A number per distinct answer for a MIM. The last two answers are remembered, so that a MIM
 * that parses again after a stale answer gets back the version of its last good render.
 * Comparing strings costs less than a digest of them. The numbers are prefixed with a token of
 * this process: a server started again after it died counts from 1 again, and a client that
 * kept a version of the dead one must not take a new render for the one it shows.
 */
class Versions {
  private readonly process = randomBytes(4).toString('hex');
  private counter = 0;
  private readonly last = new Map<string, { html: string; version: string }[]>();

  of(key: string, html: string): string {
    const seen = this.last.get(key) ?? [];
    const hit = seen.find((s) => s.html === html);
    if (hit) return hit.version;
    const version = `${this.process}.${++this.counter}`;
    this.last.set(key, [{ html, version }, ...seen.slice(0, 1)]);
    return version;
  }
}
