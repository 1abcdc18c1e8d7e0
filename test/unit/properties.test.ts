import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { DocumentModel } from '../../server/src/model/document.js';
import type { Finding } from '../../server/src/model/finding.js';
import { decodeText, parseDocument } from '../../server/src/workspace/load-document.js';
import { Workspace } from '../../server/src/workspace/workspace.js';
import { MemoryFileSystem } from '../support/memory-fs.js';
import { damagedBytes, editorText } from '../support/fuzz/mim-bytes.js';
import { anyDocument, markdownPage, mimYaml } from '../support/fuzz/mim-text.js';

/**
 * Properties of the parsers and the rule engine over random documents: built from the MIM
 * grammar, and random edits of the fixtures and examples. Seeded and bounded here, so CI runs
 * the same cases each time (MIMSPEC_FUZZ_SCALE multiplies them); `npm run fuzz` runs long.
 */
const SCALE = Number(process.env.MIMSPEC_FUZZ_SCALE ?? 1);
const runs = (n: number) => ({ seed: 2026, numRuns: Math.round(n * SCALE), includeErrorInReport: true });

const fileOf = (kind: string) => (kind === 'markdown' ? '/ws/docs/page.md' : '/ws/spec.mim.yaml');

/** Every range in a model, with where it was found. */
function ranges(value: unknown, path = '', out: [string, unknown][] = []): [string, unknown][] {
  if (typeof value !== 'object' || value === null) return out;
  const v = value as Record<string, unknown>;
  if (isPosition(v.start) && isPosition(v.end)) out.push([path, v]);
  for (const [k, child] of Object.entries(v)) if (k !== 'lines' && k !== 'text') ranges(child, `${path}.${k}`, out);
  return out;
}

function isPosition(p: unknown): p is { line: number; character: number } {
  return typeof p === 'object' && p !== null && typeof (p as { line?: unknown }).line === 'number';
}

/** The first range of a model (or of findings on it) that is not inside its text, if any. */
function rangeOutside(doc: DocumentModel, findings: readonly Finding[] = []): string | undefined {
  for (const [where, r] of [...ranges(doc), ...ranges(findings, 'findings')]) {
    const { start, end } = r as { start: { line: number; character: number }; end: typeof start };
    for (const p of [start, end]) {
      const width = doc.lines.lineEnd(p.line) - doc.lines.lineStart(p.line);
      if (p.line < 0 || p.line >= doc.lines.lineCount || p.character < 0 || p.character > width)
        return `${where} at ${JSON.stringify(p)} (line width ${width})`;
    }
    if (start.line > end.line || (start.line === end.line && start.character > end.character))
      return `${where} ends before it starts`;
  }
  return undefined;
}

/** Each element's id and ranges, as plain data (ranges are packed objects). */
const elements = (doc: DocumentModel) =>
  JSON.parse(
    JSON.stringify(
      [...doc.capabilities, ...doc.requirements, ...doc.mechanisms, ...doc.tests, ...doc.guidance].map((e) => ({
        id: e.id,
        idRange: e.idRange,
        range: e.range,
      })),
    ),
  ) as { id: string; idRange: Shifted; range: Shifted }[];

interface Shifted {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

describe('parser properties', () => {
  it('never throws, and every range lies inside its document', () => {
    fc.assert(
      fc.property(anyDocument, ({ kind, text }) => {
        const doc = parseDocument(fileOf(kind), kind, text, 1);
        assert.equal(rangeOutside(doc), undefined);
      }),
      runs(10_000),
    );
  });

  it('reads the same text the same way', () => {
    fc.assert(
      fc.property(anyDocument, ({ kind, text }) => {
        const a = parseDocument(fileOf(kind), kind, text, 1);
        const b = parseDocument(fileOf(kind), kind, text, 1);
        assert.deepEqual(JSON.stringify({ ...a, lines: 0 }), JSON.stringify({ ...b, lines: 0 }));
      }),
      runs(1000),
    );
  });

  it('keeps every element, its id and its range (shifted) when a line is added before them', () => {
    const shifted = (r: Shifted) => ({
      start: { ...r.start, line: r.start.line + 1 },
      end: { ...r.end, line: r.end.line + 1 },
    });
    fc.assert(
      fc.property(
        fc.oneof(
          markdownPage.map((text) => ({ kind: 'markdown' as const, text, before: '\n' })),
          mimYaml.map((text) => ({ kind: 'mim-yaml' as const, text, before: '# a comment\n' })),
        ),
        ({ kind, text, before }) => {
          const a = elements(parseDocument(fileOf(kind), kind, text, 1));
          const b = elements(parseDocument(fileOf(kind), kind, before + text, 1));
          assert.deepEqual(
            b,
            a.map((e) => ({ id: e.id, idRange: shifted(e.idRange), range: shifted(e.range) })),
          );
        },
      ),
      runs(2000),
    );
  });
});

/** A disk that lists each folder in an order of its own: what the order of reads must not change. */
class ShuffledFileSystem extends MemoryFileSystem {
  constructor(
    files: Record<string, string>,
    private readonly seed: number,
  ) {
    super(files);
  }
  override async readDirectory(path: string) {
    const entries = await super.readDirectory(path);
    let s = this.seed + path.length;
    return entries
      .map((e) => ({ e, k: (s = (s * 1103515245 + 12345) % 2 ** 31) }))
      .sort((a, b) => a.k - b.k)
      .map(({ e }) => e);
  }
}

async function findings(files: Record<string, string>, seed: number): Promise<string> {
  const ws = new Workspace(new ShuffledFileSystem(files, seed), { roots: ['/ws'], incremental: false });
  await ws.scan();
  return JSON.stringify([...ws.check()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

describe('rule engine properties', () => {
  const workspaceFiles = fc
    .tuple(fc.array(markdownPage, { minLength: 1, maxLength: 5 }), fc.option(mimYaml))
    .map(([pages, yaml]) => {
      const files: Record<string, string> = { '/ws/mimspec.yaml': 'numbering: oasc-2025\n' };
      pages.forEach((p, i) => (files[`/ws/docs/${['README', 'objective', 'mechanisms', 'a', 'b'][i]}.md`] = p));
      if (yaml) files['/ws/spec.mim.yaml'] = yaml;
      return files;
    });

  it('gives a file the same findings whatever order the files are read in', async () => {
    await fc.assert(
      fc.asyncProperty(workspaceFiles, fc.nat(), fc.nat(), async (files, s1, s2) => {
        assert.equal(await findings(files, s1), await findings(files, s2));
      }),
      runs(300),
    );
  });
});

/**
 * Damaged bytes (invalid UTF-8, overlong forms, surrogates written as CESU-8 or WTF-8,
 * characters cut short, byte-order marks anywhere) through the decoding that the CLI and the
 * server use for a file on disk (`decodeText`), and as the text an editor would hold for them
 * (each invalid sequence a U+FFFD) that the server is sent for an open document.
 */
describe('properties of damaged bytes', () => {
  const BINARY = /binary/;
  const isBinary = (why: string | undefined) => why !== undefined && BINARY.test(why);

  it('never throw, keep every range inside the decoded text, and decide binary alike from disk and from a buffer', () => {
    fc.assert(
      fc.property(damagedBytes, ({ kind, bytes }) => {
        const file = fileOf(kind);
        const disk = decodeText(bytes);
        const buffer = parseDocument(file, kind, editorText(bytes), 'editor:1');
        assert.equal(rangeOutside(buffer), undefined);
        if ('text' in disk) {
          // Valid UTF-8: the editor holds the very text the CLI reads, so every answer is the same.
          assert.equal(disk.text, editorText(bytes));
          assert.equal(rangeOutside(parseDocument(file, kind, disk.text, 1)), undefined);
        }
        assert.equal(isBinary('why' in disk ? disk.why : undefined), isBinary(buffer.skipped));
      }),
      runs(1500),
    );
  });

  it('give a workspace the same findings twice, inside the file, and the same from disk as from a buffer of valid UTF-8', async () => {
    const findingsOf = (ws: Workspace, file: string) => JSON.stringify(ws.check().get(file) ?? []);
    await fc.assert(
      fc.asyncProperty(damagedBytes, async ({ kind, bytes }) => {
        const file = fileOf(kind);
        const files = { '/ws/mimspec.yaml': 'numbering: oasc-2025\n', [file]: bytes };
        const a = new Workspace(new MemoryFileSystem(files), { roots: ['/ws'], incremental: false });
        const b = new Workspace(new MemoryFileSystem(files), { roots: ['/ws'] });
        await Promise.all([a.scan(), b.scan()]);
        const first = findingsOf(a, file);
        assert.equal(findingsOf(b, file), first);
        assert.equal(findingsOf(b, file), first);
        const doc = a.document(file)!;
        assert.equal(rangeOutside(doc, a.check().get(file)), undefined);
        const disk = decodeText(bytes);
        if ('why' in disk && !isBinary(disk.why)) return;
        // The same file open in an editor: its text, set over the disk's.
        b.setDocument(file, editorText(bytes), 'editor:1');
        assert.equal(findingsOf(b, file), first);
      }),
      runs(150),
    );
  });
});
