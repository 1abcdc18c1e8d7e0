import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixture, ROOT } from '../support/paths.js';
import { TestClient, uri } from '../support/lsp-client.js';

// A *.mim.yaml (MIM8) that is edited while its preview is asked for.
const WS = fixture('lsp', 'broken-yaml');
const SPEC = join(WS, 'lighting.mim.yaml');

interface Preview {
  mim: string | null;
  title: string;
  html: string;
  version: string;
  stale?: boolean;
}

describe('mimspec/preview and mimspec/export over stdio', () => {
  let client: TestClient;
  const text = readFileSync(SPEC, 'utf8');
  before(async () => {
    client = new TestClient();
    await client.initialize(WS);
    await client.open(SPEC);
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  const preview = () => client.request<Preview | null>('mimspec/preview', { uri: uri(SPEC) });

  it('renders the model read from a broken text, its syntax error inline, when no good render came before', async () => {
    await client.change(SPEC, 100, text.replace('seeAlso: [R2.1]', 'seeAlso: [R2.1'));
    const p = (await preview())!;
    assert.equal(p.stale, undefined);
    assert.match(p.html, /<li class="finding finding-error"[^>]*><code>syntax\/yaml<\/code>/);
    assert.match(p.html, /id="requirement-R1\.1"/);
    await client.change(SPEC, 101, text);
  });

  it('renders the MIM of a file with its requirements, each on its source line', async () => {
    const p = (await preview())!;
    assert.equal(p.mim, 'MIM8');
    assert.equal(p.title, 'Street Lighting Twin');
    for (const id of ['R1.1', 'R2.1', 'R2.2', 'R3.1']) assert.match(p.html, new RegExp(`id="requirement-${id}"`));
    // R3.1 is `- id: R3.1` on line 24 (1-based): its item starts on line 23, 0-based.
    assert.match(p.html, new RegExp(`id="requirement-R3.1" data-uri="${uri(SPEC)}" data-line="23"`));
    assert.equal(p.stale, undefined);
    const style = await client.request<{ css: string }>('mimspec/previewStyle', {});
    assert.match(style.css, /var\(--vscode-editor-foreground, #1f2328\)/);
    assert.equal(await client.request('mimspec/preview', { uri: uri(join(ROOT, 'package.json')) }), null);
    // The folder of a MIM names it too.
    const kerb = await client.request<Preview | null>('mimspec/preview', { uri: uri(join(WS, 'kerb')) });
    assert.ok(kerb && kerb.mim !== 'MIM8' && kerb.html.includes('data-mim='), JSON.stringify(kerb?.mim));
  });

  it('renders the new text after an edit, and keeps the last good render while the YAML does not parse', async () => {
    const before = (await preview())!;
    const edited = text.replace('publish each dimming plan', 'publish every dimming plan');
    await client.change(SPEC, 102, edited);
    const after = (await preview())!;
    assert.notEqual(after.version, before.version);
    assert.match(after.html, /publish every dimming plan/);

    await client.change(
      SPEC,
      3,
      edited.replace('seeAlso: [R2.1]', 'seeAlso: [R2.1').replace('The twin MAY', 'The twin MAY not'),
    );
    const stale = (await preview())!;
    assert.equal(stale.stale, true);
    assert.match(
      stale.html,
      /^<div class="stale-banner"[^>]*>Showing the last render that parsed: lighting\.mim\.yaml:\d+ does not parse \(<code>syntax\/yaml<\/code>/,
    );
    assert.ok(stale.html.endsWith(after.html), 'the last good render under the banner');
    assert.doesNotMatch(stale.html, /MAY not/);

    await client.change(SPEC, 104, edited);
    const fixed = (await preview())!;
    assert.equal(fixed.stale, undefined);
    assert.equal(fixed.html, after.html);
    assert.equal(fixed.version, after.version);
  });

  it('exports the same page as mimspec export --to html', async () => {
    await client.change(SPEC, 105, text);
    const e = await client.request<{ mim: string; fileName: string; html: string }>('mimspec/export', {
      uri: uri(SPEC),
      to: 'html',
    });
    assert.equal(e.mim, 'MIM8');
    assert.equal(e.fileName, 'MIM8.html');
    assert.match(e.html, /^<!DOCTYPE html>/);
    const out = mkdtempSync(join(tmpdir(), 'mimspec-export-'));
    try {
      const run = spawnSync(
        process.execPath,
        [join(ROOT, 'dist', 'cli', 'mimspec.js'), 'export', SPEC, '--to', 'html', '-o', out],
        { encoding: 'utf8' },
      );
      assert.equal(run.status, 0, run.stderr);
      assert.equal(readFileSync(join(out, 'MIM8.html'), 'utf8'), e.html);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('mimspec/preview across servers', () => {
  it('a server started again never repeats a version of the one before, so a client that kept one redraws', async () => {
    const versions: string[] = [];
    for (let i = 0; i < 2; i++) {
      const client = new TestClient();
      try {
        await client.initialize(WS);
        await client.open(SPEC);
        const text = readFileSync(SPEC, 'utf8');
        // The second server is asked about an edited text: the client shows the first one's render.
        if (i === 1) await client.change(SPEC, 2, text.replace('publish each dimming plan', 'publish every plan'));
        const p = await client.request<Preview | null>('mimspec/preview', { uri: uri(SPEC) });
        assert.ok(p);
        versions.push(p.version);
      } finally {
        assert.equal(await client.shutdown(), 0);
      }
    }
    assert.notEqual(versions[1], versions[0]);
  });
});
