import fc from 'fast-check';

/**
 * What a clumsy editor and a busy disk do to the server, as data: files are named by their
 * index in the session's list (taken modulo its length), positions by fractions of the text,
 * so that any sequence is meaningful for any workspace and shrinks to a shorter one.
 */
export type ProtocolEvent =
  | { kind: 'open'; file: number }
  | { kind: 'change'; file: number; edit: Edit; outOfRange: boolean }
  | { kind: 'replace'; file: number; edit: Edit }
  | { kind: 'close'; file: number }
  | { kind: 'disk-write'; file: number; edit: Edit }
  | { kind: 'disk-create'; name: number; text: string }
  | { kind: 'disk-delete'; file: number }
  | { kind: 'request'; method: string; file: number; at: number; cancel: boolean }
  /** Time let pass, for tests where a read is under way (never generated: a fuzzed session runs flat out). */
  | { kind: 'pause'; ms: number };

/** An edit of a text: from `at` (a fraction of its length), `remove` characters, then `insert`. */
export interface Edit {
  at: number;
  remove: number;
  insert: string;
}

/** Bits of what MIM documents are made of, and of what breaks them. */
const SNIPPETS = [
  '',
  '\n',
  '\r',
  '\r\n',
  '**R1.1**',
  '**R1.9** Systems SHALL work.\n',
  '| R1.1 | M1 |\n',
  '| R9.9 | x |',
  '[a link](missing.md)',
  '[up](../../../x.md)',
  '[anchor](#objective)',
  '# Heading\n',
  '## Capabilities and Requirements\n',
  'SHALL ',
  'should ',
  '\u0000',
  '\u200b',
  '\ud83d\ude00',
  'mim: 3\n',
  'title: T\n',
  ': [',
  '- id: R1.1\n  text: Systems SHALL.\n',
  '? [a]\n: b\n',
  'numbering: oasc-2022\n',
  'exclude: ["docs/**"]\n',
  '---\n',
  '  ',
  '\t',
];

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat({ max: 40 }),
  insert: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 12 })),
});

export const REQUESTS = [
  'textDocument/hover',
  'textDocument/definition',
  'textDocument/references',
  'textDocument/completion',
  'textDocument/documentSymbol',
  'textDocument/codeAction',
  'textDocument/foldingRange',
  'textDocument/semanticTokens/full',
  'textDocument/documentLink',
  'textDocument/prepareRename',
  'textDocument/rename',
  'textDocument/codeLens',
  'textDocument/diagnostic',
  'workspace/symbol',
];

const file = fc.nat({ max: 63 });

export const protocolEvent: fc.Arbitrary<ProtocolEvent> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('open' as const), file }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('change' as const), file, edit, outOfRange: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replace' as const), file, edit }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('close' as const), file }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('disk-write' as const), file, edit }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('disk-create' as const),
      name: fc.nat({ max: 5 }),
      text: fc.constantFrom('# New page\n\n**R1.1** Systems SHALL.\n', 'mim: 9\ntitle: New\n', '# Objective\n'),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('disk-delete' as const), file }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('request' as const),
      method: fc.constantFrom(...REQUESTS),
      file,
      at: fc.double({ min: 0, max: 1.2, noNaN: true }),
      cancel: fc.boolean(),
    }),
  },
);

/** The names a session creates files under, beside the workspace's own. */
export const NEW_FILES = [
  'docs/new-page.md',
  'docs/objective.md',
  'extra.mim.yaml',
  'other/README.md',
  'other/mimspec.yaml',
  'docs/guide/README.md',
];

/** Applies an edit to a text, positions clamped to it. */
export function applyEdit(text: string, e: Edit): string {
  const start = Math.min(text.length, Math.floor(e.at * text.length));
  const end = Math.min(text.length, start + e.remove);
  return text.slice(0, start) + e.insert + text.slice(end);
}
