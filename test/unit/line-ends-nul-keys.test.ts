import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { decodeText, parseDocument } from '../../server/src/workspace/load-document.js';
import { memoryWorkspace } from '../support/memory-fs.js';
import { ROOT } from '../support/paths.js';

const EXAMPLE = readFileSync(join(ROOT, 'examples', 'local-digital-twins.mim.yaml'), 'utf8');

/** What a document reads, position by position: its elements' ids and ranges, and its problems. */
function reading(text: string) {
  const doc = parseDocument('/ws/a.mim.yaml', 'mim-yaml', text, 1);
  return {
    title: doc.title,
    elements: [...doc.capabilities, ...doc.requirements, ...doc.mechanisms, ...doc.tests].map((e) => [
      e.id,
      e.idRange,
      e.range,
      'text' in e ? e.text : e.title,
    ]),
    problems: doc.problems.map((p) => [p.code, p.range.start]),
  };
}

describe('line ends of *.mim.yaml', () => {
  it('reads a file with CR-only line ends as it reads the same file with LF, at the same positions', () => {
    const lf = reading(EXAMPLE);
    assert.ok(lf.elements.length > 10, 'the example has elements');
    assert.deepEqual(reading(EXAMPLE.replace(/\n/g, '\r')), lf);
  });

  it('reads CRLF and mixed line ends at the positions the editor counts', () => {
    const lf = reading(EXAMPLE);
    assert.deepEqual(reading(EXAMPLE.replace(/\n/g, '\r\n')), lf);
    let i = 0;
    const mixed = EXAMPLE.replace(/\n/g, () => ['\n', '\r', '\r\n'][i++ % 3]);
    assert.deepEqual(reading(mixed), lf);
  });
});

describe('a text with a NUL', () => {
  const text = '# Objective\n\nA page\u0000 with a NUL.\n';

  it('is binary whether it comes from disk or from an editor buffer', async () => {
    const fromDisk = decodeText(new TextEncoder().encode(text));
    assert.ok('why' in fromDisk);
    const buffer = parseDocument('/ws/page.md', 'markdown', text, 'editor:1');
    assert.equal(buffer.skipped, fromDisk.why);
    assert.deepEqual(
      buffer.problems.map((p) => p.code),
      ['file/unreadable'],
    );
  });

  it('is the same decision after multi-byte characters: counted in characters, not bytes', () => {
    const late = `${'é'.repeat(5000)}\u0000`;
    const fromDisk = decodeText(new TextEncoder().encode(late));
    assert.equal('why' in fromDisk, parseDocument('/ws/p.md', 'markdown', late, 1).skipped !== undefined);
  });

  it('still calls invalid UTF-8 with NULs binary', () => {
    const got = decodeText(new Uint8Array([0x23, 0x00, 0xff, 0xfe]));
    assert.ok('why' in got && /binary/.test(got.why));
  });

  it('counts in characters in invalid UTF-8 too, as in the text an editor shows for it', () => {
    // 5,000 two-byte characters, a NUL (byte 10,000, character 5,000), then an invalid byte.
    const bytes = new Uint8Array([...new TextEncoder().encode(`${'é'.repeat(5000)}\u0000`), 0x80]);
    const fromDisk = decodeText(bytes);
    const buffer = parseDocument('/ws/p.md', 'markdown', new TextDecoder().decode(bytes), 'editor:1');
    assert.ok('why' in fromDisk && /binary/.test(fromDisk.why), JSON.stringify(fromDisk));
    assert.equal(buffer.skipped, fromDisk.why);
  });

  it('looks no further than 8,000 characters in invalid UTF-8 either, whatever bytes make them', () => {
    for (const [c, n, binary] of [
      ['✓', 7999, true], // three bytes each: the NUL is character 7,999, byte 23,997
      ['✓', 8000, false],
      ['\ud83d\ude00', 3999, true], // two characters in four bytes each
      ['\ud83d\ude00', 4000, false],
    ] as const) {
      const bytes = new Uint8Array([...new TextEncoder().encode(`${c.repeat(n)}\u0000`), 0x80]);
      const fromDisk = decodeText(bytes);
      const buffer = parseDocument('/ws/p.md', 'markdown', new TextDecoder().decode(bytes), 'editor:1');
      assert.equal('why' in fromDisk && /binary/.test(fromDisk.why), binary, `${n} × ${c}`);
      assert.equal(buffer.skipped !== undefined, binary, `${n} × ${c}`);
    }
  });
});

describe('byte-order marks', () => {
  it('one leading mark is dropped from disk as an editor drops it; a second one stays text, as in the editor', () => {
    const bom = [0xef, 0xbb, 0xbf];
    const bytes = new Uint8Array([...bom, ...bom, ...new TextEncoder().encode('# Objective\n')]);
    const editor = new TextDecoder().decode(bytes);
    assert.equal(editor, '\ufeff# Objective\n');
    assert.deepEqual(decodeText(bytes), { text: editor });
  });
});

describe('keys that are collections', () => {
  it('are a syntax/yaml finding on the key, on both parsers', async () => {
    for (const text of ['mim: 1\n? [a]\n: b\n', 'mim: 1\n? [a]\n: b\nbroken: [\n']) {
      const ws = await memoryWorkspace({ '/ws/a.mim.yaml': text });
      const f = (ws.check().get('/ws/a.mim.yaml') ?? []).find((x) => /key that is a list/.test(x.message));
      assert.equal(f?.code, 'syntax/yaml', text);
      assert.deepEqual(f!.range.start, { line: 1, character: 2 });
    }
  });
});
