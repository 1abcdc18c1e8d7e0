import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { DocumentModel } from '../../../server/src/model/document.js';
import type { Finding } from '../../../server/src/model/finding.js';
import { decodeText, parseDocument } from '../../../server/src/workspace/load-document.js';
import { Workspace } from '../../../server/src/workspace/workspace.js';
import { MemoryFileSystem } from '../memory-fs.js';
import { damagedBytes, editorText } from './mim-bytes.js';
import { anyDocument, markdownPage, mimYaml } from './mim-text.js';

/**
 * The properties of the parsers and the rule engine, over random documents (built from the
 * MIM grammar, random edits of the fixtures and examples, and their bytes damaged). The test
 * suite runs each with a fixed seed (test/unit/properties.test.ts); `npm run fuzz` runs them
 * with random seeds and writes each failure, shrunk, where the suite replays it.
 */
export interface FuzzProperty<T = never> {
  name: string;
  arbitrary: fc.Arbitrary<T>;
  check: (value: T) => void | Promise<void>;
  /** Cases per run of the test suite. */
  runs: number;
}

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

interface Shifted {
  start: { line: number; character: number };
  end: { line: number; character: number };
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

const shifted = (r: Shifted) => ({
  start: { ...r.start, line: r.start.line + 1 },
  end: { ...r.end, line: r.end.line + 1 },
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

async function allFindings(files: Record<string, string>, seed: number): Promise<string> {
  const ws = new Workspace(new ShuffledFileSystem(files, seed), { roots: ['/ws'], incremental: false });
  await ws.scan();
  return JSON.stringify([...ws.check()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

const workspaceFiles = fc
  .tuple(fc.array(markdownPage, { minLength: 1, maxLength: 5 }), fc.option(mimYaml))
  .map(([pages, yaml]) => {
    const files: Record<string, string> = { '/ws/mimspec.yaml': 'numbering: oasc-2025\n' };
    pages.forEach((p, i) => (files[`/ws/docs/${['README', 'objective', 'mechanisms', 'a', 'b'][i]}.md`] = p));
    if (yaml) files['/ws/spec.mim.yaml'] = yaml;
    return files;
  });

const isBinary = (why: string | undefined) => why !== undefined && /binary/.test(why);
const findingsOf = (ws: Workspace, file: string) => JSON.stringify(ws.check().get(file) ?? []);

const property = <T>(p: FuzzProperty<T>) => p as unknown as FuzzProperty<unknown>;

export const PROPERTIES: readonly FuzzProperty<unknown>[] = [
  property({
    name: 'parsing never throws, and every range lies inside its document',
    arbitrary: anyDocument,
    check: ({ kind, text }) => {
      assert.equal(rangeOutside(parseDocument(fileOf(kind), kind, text, 1)), undefined);
    },
    runs: 10_000,
  }),
  property({
    name: 'the same text is read the same way',
    arbitrary: anyDocument,
    check: ({ kind, text }) => {
      const a = parseDocument(fileOf(kind), kind, text, 1);
      const b = parseDocument(fileOf(kind), kind, text, 1);
      assert.deepEqual(JSON.stringify({ ...a, lines: 0 }), JSON.stringify({ ...b, lines: 0 }));
    },
    runs: 1000,
  }),
  property({
    name: 'a line added before the elements keeps each, its id and its range (shifted)',
    arbitrary: fc.oneof(
      markdownPage.map((text) => ({ kind: 'markdown' as const, text, before: '\n' })),
      mimYaml.map((text) => ({ kind: 'mim-yaml' as const, text, before: '# a comment\n' })),
    ),
    check: ({ kind, text, before }) => {
      const a = elements(parseDocument(fileOf(kind), kind, text, 1));
      const b = elements(parseDocument(fileOf(kind), kind, before + text, 1));
      assert.deepEqual(
        b,
        a.map((e) => ({ id: e.id, idRange: shifted(e.idRange), range: shifted(e.range) })),
      );
    },
    runs: 2000,
  }),
  property({
    name: 'a file has the same findings whatever order the files are read in',
    arbitrary: fc.tuple(workspaceFiles, fc.nat(), fc.nat()),
    check: async ([files, s1, s2]) => {
      assert.equal(await allFindings(files, s1), await allFindings(files, s2));
    },
    runs: 300,
  }),
  // Damaged bytes through the decoding the CLI and the server use for a file on disk
  // (`decodeText`), and as the text an editor holds for them, which the server is sent.
  property({
    name: 'damaged bytes: no throw, ranges inside the decoded text, binary decided alike from disk and from a buffer',
    arbitrary: damagedBytes,
    check: ({ kind, bytes }) => {
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
    },
    runs: 1500,
  }),
  property({
    name: 'damaged bytes: the same findings twice, inside the file, and from disk as from a buffer of valid UTF-8',
    arbitrary: damagedBytes,
    check: async ({ kind, bytes }) => {
      const file = fileOf(kind);
      const files = { '/ws/mimspec.yaml': 'numbering: oasc-2025\n', [file]: bytes };
      const once = new Workspace(new MemoryFileSystem(files), { roots: ['/ws'], incremental: false });
      const kept = new Workspace(new MemoryFileSystem(files), { roots: ['/ws'] });
      await Promise.all([once.scan(), kept.scan()]);
      const first = findingsOf(once, file);
      assert.equal(findingsOf(kept, file), first);
      assert.equal(findingsOf(kept, file), first);
      assert.equal(rangeOutside(once.document(file)!, once.check().get(file)), undefined);
      const disk = decodeText(bytes);
      if ('why' in disk && !isBinary(disk.why)) return;
      // The same file open in an editor: its text, set over the disk's.
      kept.setDocument(file, editorText(bytes), 'editor:1');
      assert.equal(findingsOf(kept, file), first);
    },
    runs: 150,
  }),
];

/** A property as fast-check runs it. */
export function asProperty(p: FuzzProperty<unknown>): fc.IAsyncProperty<[unknown]> {
  return fc.asyncProperty(p.arbitrary, async (value) => {
    await p.check(value);
  });
}

/** A counterexample as JSON: bytes as base64, so that a saved failure is read back as it was found. */
export function encodeCase(value: unknown): string {
  return JSON.stringify(
    value,
    (_, v: unknown) => (v instanceof Uint8Array ? { $bytes: Buffer.from(v).toString('base64') } : v),
    2,
  );
}

export function decodeCase(json: string): unknown {
  return JSON.parse(json, (_, v: unknown) =>
    typeof v === 'object' && v !== null && '$bytes' in v
      ? new Uint8Array(Buffer.from(String((v as { $bytes: unknown }).$bytes), 'base64'))
      : v,
  );
}
