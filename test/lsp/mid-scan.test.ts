import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Hover, Location } from 'vscode-languageserver-protocol';
import { TestClient } from '../support/lsp-client.js';

/**
 * Answers on the open document while the scan is under way: what the index holds so far,
 * changes included, and all of it once the scan is done. The scan is held open by the seam of
 * the server's entry that slows the reads of one file (node/slow-reads.ts): the one file of
 * the last folder walked, so that every other file is read meanwhile.
 */
const SLOW_MS = 8000;
const SLOW = 'late.mim.yaml';

const spec = (n: number, satisfies: string[], refs = '') =>
  [
    `mim: MIM${n}`,
    `title: Spec ${n}`,
    'capabilities:',
    '  - id: C1',
    '    requirements:',
    '      - id: R1.1',
    `        text: Systems SHALL keep records.${refs}`,
    'mechanisms:',
    '  - id: M1',
    `    title: Store ${n}`,
    ...(satisfies.length > 0 ? ['    satisfies:', ...satisfies.map((r) => `      - requirement: ${r}`)] : []),
    '',
  ].join('\n');

describe('answers on the open document during the scan', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'mimspec-mid-scan-'));
    writeFileSync(join(dir, 'one.mim.yaml'), spec(1, ['R1.1'], ' See MIM2.R1.1 and MIM4.R1.1.'));
    writeFileSync(join(dir, 'two.mim.yaml'), spec(2, ['MIM1.R1.1']));
    mkdirSync(join(dir, 'later'));
    writeFileSync(join(dir, 'later', SLOW), spec(4, []));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('come before the scan ends, right for what is read so far, edits included, and complete after', async () => {
    const client = new TestClient(undefined, { MIMSPEC_TEST_SLOW_READS: `${SLOW}:${SLOW_MS}` });
    try {
      await client.initialize(dir);
      const ended = () => client.events.some((e) => e.method === 'progress' && e.kind === 'end');
      const one = join(dir, 'one.mim.yaml');
      const two = join(dir, 'two.mim.yaml');
      let text = spec(1, ['R1.1'], ' See MIM2.R1.1 and MIM4.R1.1.');
      const docUri = await client.open(one, text);
      const at = (pattern: string, offset = 1) => {
        const lines = text.split('\n');
        const line = lines.findIndex((l) => l.includes(pattern));
        assert.ok(line >= 0, pattern);
        return { line, character: lines[line].indexOf(pattern) + offset };
      };
      const hover = async (pattern: string, offset = 1) =>
        JSON.stringify(
          (
            await client.request<Hover | null>('textDocument/hover', {
              textDocument: { uri: docUri },
              position: at(pattern, offset),
            })
          )?.contents ?? null,
        );

      // What the scan has read: two.mim.yaml, soon after the start; not late.mim.yaml, held back.
      let found = '';
      for (const until = Date.now() + SLOW_MS / 2; !/Requirement of MIM2/.test(found) && Date.now() < until;)
        found = await hover('MIM2.R1.1', 6);
      assert.match(found, /Requirement of MIM2/, 'a MIM the scan read is answered');
      assert.match(await hover('- id: R1.1', 7), /Satisfied by: M1 Store 1; MIM2\.M1 Store 2/);
      assert.match(await hover('MIM4.R1.1', 6), /not among the files read so far/);
      const definition = await client.request<Location[]>('textDocument/definition', {
        textDocument: { uri: docUri },
        position: at('MIM2.R1.1', 6),
      });
      assert.deepEqual(
        definition.map((l) => [l.uri.endsWith('/two.mim.yaml'), l.range.start.line]),
        [[true, 5]],
      );
      const symbols = await client.request<{ name: string }[]>('textDocument/documentSymbol', {
        textDocument: { uri: docUri },
      });
      assert.ok(symbols.length > 0, 'document symbols');
      const completion = await client.request<unknown[]>('textDocument/completion', {
        textDocument: { uri: docUri },
        position: at('requirement: R1.1', 15),
      });
      assert.ok(completion.length > 0, 'completion items');

      // Edits meanwhile: the open document's own, and another document's, each answered at once.
      text = text.replace('R1.1 and', 'R1.1, MIM2.R1.2 and');
      await client.change(one, 2, text);
      assert.match(await hover('MIM2.R1.2', 6), /No requirement R1.2 in MIM2 Spec 2 among the files read so far/);
      await client.open(two, spec(2, []));
      assert.match(await hover('- id: R1.1', 7), /Satisfied by: M1 Store 1\\n/);
      await client.change(two, 2, spec(2, ['MIM1.R1.1'], ' Edited.'));
      assert.match(await hover('- id: R1.1', 7), /Satisfied by: M1 Store 1; MIM2\.M1 Store 2/);
      assert.ok(!ended(), `every answer came before the scan ended (its slow read takes ${SLOW_MS} ms)`);

      // Once the scan is done, the MIM it read last is answered too.
      await client.indexed(SLOW_MS * 4);
      assert.match(await hover('MIM4.R1.1', 6), /Requirement of MIM4/);
      assert.match(await hover('- id: R1.1', 7), /Satisfied by: M1 Store 1; MIM2\.M1 Store 2/);
    } finally {
      await client.shutdown();
    }
  });
});
