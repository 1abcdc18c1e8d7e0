import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeActions } from '../../server/src/features/code-actions.js';
import { complete, type CompletionItem } from '../../server/src/features/completion.js';
import { hover } from '../../server/src/features/hover.js';
import { snippetText } from '../../server/src/features/support/snippet-text.js';
import type { TextEdit } from '../../server/src/model/finding.js';
import { range, type Range } from '../../server/src/model/range.js';
import { cleanInline, plainInline } from '../../server/src/parse/text/inline-markdown.js';
import { escapeInline, escapeTableCell } from '../../server/src/parse/text/escape-markdown.js';
import { parseMarkdown } from '../../server/src/parse/markdown/markdown-parser.js';
import { parseMimYaml } from '../../server/src/parse/yaml/mim-yaml.js';
import { yamlScalar } from '../../server/src/parse/yaml/write-scalar.js';
import { foldSpace } from '../../server/src/parse/text/white-space.js';
import type { Workspace } from '../../server/src/workspace/workspace.js';
import { findCursor, placeCursor } from '../support/cursor.js';
import { applyEdits } from '../support/edits.js';
import { memoryWorkspace } from '../support/memory-fs.js';

/**
 * Every edit that inserts an element (a quick fix, a completion snippet) is applied to the
 * text, and the result is read again by the real engine: the new element must be there with
 * its id and text, and every other element as it was, in each form the reader accepts.
 */

const README = '/ws/docs/README.md';
const CAPS = '/ws/docs/capabilities-and-requirements.md';
const MECHANISMS = '/ws/docs/mechanisms.md';
const YAML = '/ws/spec/twins.mim.yaml';

const TERMS =
  '# Capabilities and Requirements\n\n## Terminology\n\nThe key words SHALL, SHOULD and MAY are to be interpreted as described in BCP 14.\n\n';
const ROWS_HEAD =
  '# Mechanisms\n\n## Mechanism 1: Catalogue API\n\nAn API over the catalogue.\n\n| Req. ID | Requirement Text | How |\n| --- | --- | --- |\n';

/** A repository MIM7 with these pages of capabilities and mechanisms. */
function geo(caps: string, mechanisms: string): Record<string, string> {
  return {
    [README]: '# Geospatial Data (MIM7)\n\nA MIM of the tests.\n',
    [CAPS]: TERMS + caps,
    [MECHANISMS]: mechanisms,
  };
}

/** Every element of every MIM in a line each: what must not change when one is added. */
function snapshot(ws: Workspace): string[] {
  const out: string[] = [];
  for (const mims of ws.index.byId.values()) {
    for (const m of mims) {
      for (const c of m.capabilities) out.push(`${m.id} capability ${c.id} ${c.title}`);
      for (const r of m.requirements) out.push(`${m.id} requirement ${r.id} [${r.capability}] ${r.level}: ${r.text}`);
      for (const x of m.mechanisms) {
        out.push(`${m.id} mechanism ${x.id} ${x.title}`);
        for (const row of x.satisfies)
          out.push(`${m.id} row ${x.id} ${row.ref.text}: ${row.quote ?? '-'} / ${row.how ?? '-'}`);
      }
      for (const g of m.guidance)
        out.push(`${m.id} guidance ${g.id} ${g.title}: ${g.mechanisms.map((r) => r.text).join(', ')}`);
      for (const t of m.tests) out.push(`${m.id} test ${t.id} ${t.title}: ${t.covers.map((r) => r.text).join(', ')}`);
    }
  }
  return out.sort();
}

/** The findings of the workspace, without their places: an insertion may end some, and start none. */
function findings(ws: Workspace): Set<string> {
  return new Set([...ws.check().values()].flat().map((f) => `${f.code} ${f.message}`));
}

/** The files again, after the edits (all in one file). */
function edited(files: Record<string, string>, edits: readonly TextEdit[]): Record<string, string> {
  assert.ok(edits.length > 0);
  const file = edits[0].file;
  assert.ok(edits.every((e) => e.file === file));
  return applyEdits(files, edits);
}

/**
 * Reads the result of an insertion: the elements are those before plus `added`, and no finding
 * is new (none mixes levels, no table is broken) but those of the codes in `allow`.
 */
async function assertInserted(
  before: Workspace,
  files: Record<string, string>,
  added: string[],
  allow: string[] = [],
): Promise<void> {
  const after = await memoryWorkspace(files);
  const text = Object.values(files).join('\n----\n');
  assert.deepEqual(snapshot(after), [...snapshot(before), ...added].sort(), text);
  const old = findings(before);
  const fresh = [...findings(after)].filter((f) => !old.has(f) && !allow.includes(f.split(' ')[0]));
  assert.deepEqual(fresh, [], text);
}

function rangeOf(text: string, at: string): Range {
  const start = findCursor(text, `{|}${at}`);
  return range(start.line, start.character, start.line, start.character + at.length);
}

/** Applies the one quick fix titled `title` that is offered at `at` in `file`, and checks what the engine reads back. */
async function quickFix(
  files: Record<string, string>,
  file: string,
  at: string,
  title: string,
  added: string[],
  allow?: string[],
): Promise<string> {
  const ws = await memoryWorkspace(files);
  const actions = codeActions(ws, file, rangeOf(files[file], at)).filter((a) => a.title === title);
  assert.equal(actions.length, 1, `no action '${title}' at ${at}`);
  const next = edited(files, actions[0].edits);
  await assertInserted(ws, next, added, allow);
  return next[actions[0].edits[0].file];
}

/** Inserts the snippet labelled `label` offered at the cursor `{|}` of `file`, rendered to its default text, and checks what the engine reads back. */
async function snippet(
  files: Record<string, string>,
  file: string,
  label: string,
  added: string[],
  allow?: string[],
): Promise<string> {
  const { text, position } = placeCursor(files[file]);
  const start = { ...files, [file]: text };
  const ws = await memoryWorkspace(start);
  const items: CompletionItem[] = complete(ws, file, position).filter((i) => i.label === label);
  assert.equal(items.length, 1, `no snippet '${label}'`);
  const next = edited(start, [{ file, range: items[0].range, newText: snippetText(items[0].insertText) }]);
  // The cursor line held what the user had typed: the elements before are those of the page without it.
  const typed = text.split('\n')[position.line].slice(0, position.character);
  const clean =
    typed.trim() === ''
      ? ws
      : await memoryWorkspace({
          ...start,
          [file]: applyEdits({ [file]: text }, [
            { file, range: range(position.line, 0, position.line, position.character), newText: '' },
          ])[file],
        });
  await assertInserted(clean, next, added, allow);
  return next[file];
}

// ---- quick fixes ----------------------------------------------------------------------

// A mapping row that names a requirement no capability holds yet: the quick fix creates it with the quoted text.
const UNKNOWN_ROW = '| R2.3 | Systems SHOULD log every query. | A log. |\n';
const R23 = 'MIM7 requirement R2.3 [C2] recommended: Systems SHOULD log every query.';

describe('the quick fix that creates a requirement', () => {
  // A requirement written as a heading and nothing below it is an empty section: true of the new one too.
  const forms: [string, string, string[]?][] = [
    [
      'list items',
      '## C2 Queries\n\n* **R2.1** Systems SHALL support filtering by a bounding box.\n* **R2.2** Systems MAY support filtering by a polygon.\n',
    ],
    [
      'an ordered list',
      '## C2 Queries\n\n1. **R2.1** Systems SHALL support filtering by a bounding box.\n2. **R2.2** Systems MAY support filtering by a polygon.\n',
    ],
    [
      'bold paragraphs',
      '## C2 Queries\n\n**R2.1** Systems SHALL support filtering by a bounding box.\n\n**R2.2** Systems MAY support filtering by a polygon.\n',
    ],
    [
      'bold paragraphs with no blank line after the last',
      '## C2 Queries\n\n**R2.1** Systems SHALL support filtering by a bounding box.\n\n**R2.2** Systems MAY support filtering\nby a polygon.\n## C3 Later\n\n* **R3.1** Systems SHALL say so.\n',
    ],
    [
      'paragraphs in a quote',
      '## C2 Queries\n\n> **R2.1** Systems SHALL support filtering by a bounding box.\n\n> **R2.2** Systems MAY support filtering by a polygon.\n',
    ],
    [
      'headings with a body',
      '## C2 Queries\n\n### R2.1 Systems SHALL support filtering by a bounding box.\n\nA box of four numbers.\n\n### R2.2 Systems MAY support filtering by a polygon.\n\nA polygon of any size.\n\n## C3 Later\n\n### R3.1 Systems SHALL say so.\n',
      ['structure/empty-section'],
    ],
    [
      'table rows',
      '## C2 Queries\n\n| Id | Requirement |\n| --- | --- |\n| R2.1 | Systems SHALL support filtering by a bounding box. |\n| R2.2 | Systems MAY support filtering by a polygon. |\n\nMore about queries.\n',
    ],
    [
      'a nested list',
      '## C2 Queries\n\n* Queries:\n    * **R2.1** Systems SHALL support filtering by a bounding box.\n    * **R2.2** Systems MAY support filtering by a polygon.\n',
    ],
  ];
  for (const [form, caps, allow] of forms) {
    it(`adds it after the last requirement of the capability, written as ${form}`, async () => {
      const files = geo(
        caps,
        `${ROWS_HEAD}| R2.1 | Systems SHALL support filtering by a bounding box. | A box. |\n${UNKNOWN_ROW}`,
      );
      const out = await quickFix(files, MECHANISMS, 'R2.3', 'Create requirement R2.3 in C2', [R23], allow);
      // What follows a requirement stays with it: a heading's body is not handed to the new one.
      if (caps.includes('A polygon of any size.'))
        assert.match(out, /A polygon of any size\.\n\n### R2\.3 Systems SHOULD log every query\.\n\n## C3/);
    });
  }

  it('writes the line breaks of the page', async () => {
    const files = geo(
      '## C2 Queries\n\n**R2.1** Systems SHALL support filtering by a bounding box.\n\n**R2.2** Systems MAY support filtering by a polygon.\n',
      `${ROWS_HEAD}${UNKNOWN_ROW}`,
    );
    const crlf = Object.fromEntries(Object.entries(files).map(([f, t]) => [f, t.replace(/\n/g, '\r\n')]));
    const out = await quickFix(crlf, MECHANISMS, 'R2.3', 'Create requirement R2.3 in C2', [R23]);
    assert.match(out, /polygon\.\r\n\r\n\*\*R2\.3\*\* Systems SHOULD log every query\.\r\n$/);
    assert.doesNotMatch(out, /[^\r]\n/);
  });

  it("adds it to a capability that has none yet, in the form of the MIM's other requirements", async () => {
    const tables =
      '## C1 Access\n\n| Id | Requirement |\n| --- | --- |\n| R1.1 | Systems SHALL expose data. |\n\n## C2 Queries\n\nNothing yet.\n';
    const paragraphs = '## C1 Access\n\n**R1.1** Systems SHALL expose data.\n\n## C2 Queries\n\nNothing yet.\n';
    const headings = '## C1 Access\n\n### R1.1 Systems SHALL expose data.\n\n## C2 Queries\n';
    const nested =
      '## C1 Access\n\n* Access:\n    * **R1.1** Systems SHALL expose data.\n\n## C2 Queries\n\nNothing yet.\n';
    for (const caps of [tables, paragraphs, headings, nested]) {
      const files = geo(
        caps,
        `${ROWS_HEAD}| R1.1 | Systems SHALL expose data. | An API. |\n${UNKNOWN_ROW.replace('R2.3', 'R2.1')}`,
      );
      await quickFix(
        files,
        MECHANISMS,
        'R2.1',
        'Create requirement R2.1 in C2',
        [R23.replace('R2.3', 'R2.1')],
        caps === headings ? ['structure/empty-section'] : [],
      );
    }
  });

  it('adds a new capability and the requirement in it, after the last capability', async () => {
    const forms = [
      '## C1 Access\n\n* **R1.1** Systems SHALL expose data.\n',
      '## C1 Access\n\n**R1.1** Systems SHALL expose data.\n',
      '## C1 Access\n\n| Id | Requirement |\n| --- | --- |\n| R1.1 | Systems SHALL expose data. |\n',
      '## C1 Access\n\n### R1.1 Systems SHALL expose data.\n\nOver HTTPS.\n',
      '### **C1: Access**\n\n**R1.1** Systems SHALL expose data.\n\n# Notes\n\nA note.\n',
    ];
    for (const caps of forms) {
      const files = geo(
        caps,
        `${ROWS_HEAD}| R1.1 | Systems SHALL expose data. | An API. |\n| R2.1 | Systems SHOULD log every query. | A log. |\n`,
      );
      const out = await quickFix(
        files,
        MECHANISMS,
        'R2.1',
        'Create requirement R2.1 in a new capability C2',
        [
          'MIM7 capability C2 New capability',
          'MIM7 requirement R2.1 [C2] recommended: Systems SHOULD log every query.',
        ],
        caps.includes('### R') ? ['structure/empty-section'] : [],
      );
      assert.doesNotMatch(out, /\n\n\n/, 'one blank line between blocks');
    }
  });

  it('writes the quoted text so that it reads back the same, in prose and in a table', async () => {
    // As written in the row, and as read: escapes give their characters, a code span its text.
    const quote = 'Names SHALL match a\\*b \\| snake_case, \\_x\\_ and C:\\\\dir\\\\\\*, \\<b> not bold, `x_y`';
    const text = 'Names SHALL match a*b | snake_case, _x_ and C:\\dir\\*, <b> not bold, x_y';
    for (const caps of [
      '## C2 Queries\n\n* **R2.1** Systems SHALL filter.\n',
      '## C2 Queries\n\n| Id | Requirement |\n| --- | --- |\n| R2.1 | Systems SHALL filter. |\n',
    ]) {
      const files = geo(caps, `${ROWS_HEAD}| R2.1 | Systems SHALL filter. | A box. |\n| R2.2 | ${quote} | A rule. |\n`);
      await quickFix(files, MECHANISMS, 'R2.2', 'Create requirement R2.2 in C2', [
        `MIM7 requirement R2.2 [C2] required: ${text}`,
      ]);
    }
  });
});

describe('the quick fix that adds a mapping row', () => {
  const caps =
    '## C1 Access\n\n* **R1.1** Systems SHALL expose data.\n* **R1.2** Systems SHOULD offer a *bulk* download \\| per\\\n  dataset, named `x_y`.\n';
  const r12 = 'Systems SHOULD offer a bulk download | per dataset, named x_y.';

  it('adds a row to the table of the last mechanism, quoting the text so that it reads back the same', async () => {
    const files = geo(caps, `${ROWS_HEAD}| R1.1 | Systems SHALL expose data. | An API. |\n\nMore text.\n`);
    const out = await quickFix(files, CAPS, 'R1.2', 'Add a mapping row for R1.2 to M1', [
      `MIM7 row M1 R1.2: ${r12} / `,
    ]);
    assert.match(
      out,
      /\| R1\.2 \| Systems SHOULD offer a bulk download \\\| per dataset, named x_y\. \| {2}\|\n\nMore text\./,
    );
  });

  it('fills the columns of the table as its rows do', async () => {
    const files = geo(
      caps,
      '# Mechanisms\n\n## Mechanism 1: Catalogue API\n\n| Req. ID | How it is met | Notes |\n| --- | --- | --- |\n| R1.1 | An API. | None. |\n',
    );
    await quickFix(files, CAPS, 'R1.2', 'Add a mapping row for R1.2 to M1', ['MIM7 row M1 R1.2: - / ']);
  });

  it('adds a table to a mechanism that has none, after the text that ends it', async () => {
    for (const body of ['An API over the catalogue.\n', '* a list item\n* another\n', 'Text\n<div>html</div>\n']) {
      const files = geo(caps, `# Mechanisms\n\n## Mechanism 1: Catalogue API\n\n${body}`);
      await quickFix(files, CAPS, 'R1.1', 'Add a mapping row for R1.1 to M1', [
        'MIM7 row M1 R1.1: Systems SHALL expose data. / ',
      ]);
    }
  });
});

// ---- YAML ------------------------------------------------------------------------------

const SPEC = [
  'mim: MIM8',
  'title: Local Digital Twins',
  'conventions: bcp14',
  'capabilities:',
  '  - id: C1',
  '    title: The twin is kept in step',
  '    requirements:',
  '      - id: R1.1',
  '        text: "Each model SHALL declare: its CRS."',
  '      - id: R1.2',
  '        text: |',
  '          The twin SHALL ingest observations',
  '          through a standard interface.',
  '',
  '  - id: C2',
  '    title: Nothing yet',
  'mechanisms:',
  '  - id: M1',
  '    title: Broker',
  '    satisfies:',
  '      - requirement: R1.1',
  '        how: Sensors push.',
  '  - id: M2',
  '    title: Archive',
  'conformance:',
  '  - id: T1',
  '    covers: [R1.1, R1.2, R1.3, R2.1, R3.1]',
  '    method: automated',
  '',
].join('\n');

describe('quick fixes in *.mim.yaml', () => {
  it('create a requirement after the last of its capability, in a capability with none, and in a new capability', async () => {
    const files = { [YAML]: SPEC };
    // A test names them: nothing quotes a text, so each is created empty, with no keyword and no mechanism yet.
    const allow = ['requirement/no-keyword', 'trace/uncovered-requirement'];
    await quickFix(files, YAML, 'R1.3', 'Create requirement R1.3 in C1', ['MIM8 requirement R1.3 [C1] none: '], allow);
    await quickFix(files, YAML, 'R2.1', 'Create requirement R2.1 in C2', ['MIM8 requirement R2.1 [C2] none: '], allow);
    await quickFix(
      files,
      YAML,
      'R3.1',
      'Create requirement R3.1 in a new capability C3',
      ['MIM8 capability C3 New capability', 'MIM8 requirement R3.1 [C3] none: '],
      allow,
    );
  });

  it('create a requirement that a Markdown row of another MIM quotes, escaped for Markdown in the scalar', async () => {
    const files = {
      ...geo(
        '## C1 Access\n\n* **R1.1** Data SHALL be documented.\n',
        `${ROWS_HEAD}| R1.1 | Data SHALL be documented. | A page. |\n| MIM8.R1.3 | Names SHALL match \\*.json, \`a_b_\` and &lt;b&gt;. | A rule. |\n`,
      ),
      [YAML]: SPEC,
    };
    const out = await quickFix(
      files,
      MECHANISMS,
      'R1.3 |',
      'Create requirement R1.3 in C1',
      ['MIM8 requirement R1.3 [C1] required: Names SHALL match *.json, a_b_ and <b>.'],
      ['trace/uncovered-requirement'],
    );
    assert.match(out, /text: Names SHALL match \\\*\.json, a_b\\_ and \\<b>\.\n/);
  });

  it('add a mapping row to the last mechanism, which has no satisfies yet', async () => {
    await quickFix({ [YAML]: SPEC }, YAML, 'R1.2', 'Add a mapping row for R1.2 to M2', ['MIM8 row M2 R1.2: - / -']);
  });
});

// ---- completion snippets ------------------------------------------------------------------

// A snippet's requirement has placeholder text: no keyword, and nothing satisfies it yet.
const PLACEHOLDER = ['requirement/no-keyword', 'trace/uncovered-requirement'];
const MAPPED = `${ROWS_HEAD}| R3.1 | The catalogue SHOULD list every dataset. | A list. |\n`;

describe('the snippet of a new requirement', () => {
  const r31 = 'The catalogue SHOULD list every dataset.';
  // A new id between two is the next free one, out of order: id/sequence says so.
  const between = [...PLACEHOLDER, 'id/sequence'];
  const cases: [string, string, string, string[]?][] = [
    ['on the line after a bold paragraph', `## C3 Catalogue\n\n**R3.1** ${r31}\n{|}\n`, 'requirement R3.2'],
    [
      'between two bold paragraphs',
      `## C3 Catalogue\n\n**R3.1** ${r31}\n{|}\n**R3.2** The catalogue MAY page.\n`,
      'requirement R3.3',
      between,
    ],
    ['on the line after a list item', `## C3 Catalogue\n\n* **R3.1** ${r31}\n{|}\n`, 'requirement R3.2'],
    [
      'after a list marker typed below a list item',
      `## C3 Catalogue\n\n* **R3.1** ${r31}\n* {|}\n`,
      'requirement R3.2',
    ],
    [
      'between two list items',
      `## C3 Catalogue\n\n* **R3.1** ${r31}\n{|}\n* **R3.2** The catalogue MAY page.\n`,
      'requirement R3.3',
      between,
    ],
    [
      'on the line after a table row',
      `## C3 Catalogue\n\n| Id | Requirement |\n| --- | --- |\n| R3.1 | ${r31} |\n{|}\n`,
      'requirement R3.2',
    ],
    [
      'after the body of a requirement heading',
      `## C3 Catalogue\n\n### R3.1 ${r31}\n\nEvery one.\n{|}\n`,
      'requirement R3.2',
      [...PLACEHOLDER, 'structure/empty-section'],
    ],
    [
      'in a capability of paragraphs, on the line after other text',
      `## C3 Catalogue\n\n**R3.1** ${r31}\n\nA note on it.\n{|}\n`,
      'requirement R3.2',
    ],
  ];
  for (const [where, caps, label, allow] of cases) {
    it(`reads back as a requirement ${where}`, async () => {
      const id = label.split(' ')[1];
      const out = await snippet(
        geo(caps, MAPPED),
        CAPS,
        label,
        [`MIM7 requirement ${id} [C3] none: Requirement text`],
        allow ?? PLACEHOLDER,
      );
      assert.doesNotMatch(out, /\n\n\n/, 'one blank line between blocks');
    });
  }

  it('reads back as a capability and its requirement, below a paragraph', async () => {
    await snippet(
      geo(`## C3 Catalogue\n\n**R3.1** ${r31}\n{|}\n`, MAPPED),
      CAPS,
      'capability C4',
      ['MIM7 capability C4 Title', 'MIM7 requirement R4.1 [C4] none: Requirement text'],
      [...PLACEHOLDER, 'capability/no-requirements', 'id/sequence'],
    );
  });
});

describe('the snippets of mechanisms, mapping rows, guidance and tests', () => {
  const caps =
    '## C1 Access\n\n* **R1.1** Systems SHALL expose data.\n* **R1.2** Names SHALL match `x.json`, \\*.json or a\\_b \\| c\\\n  and no more.\n';
  const r12 = 'Names SHALL match x.json, *.json or a_b | c and no more.';

  it('a mapping row below the last row of a table quotes the text so that it reads back the same', async () => {
    const files = geo(caps, `${ROWS_HEAD}| R1.1 | Systems SHALL expose data. | An API. |\n{|}\n`);
    await snippet(files, MECHANISMS, 'mapping row R1.2', [`MIM7 row M1 R1.2: ${r12} / How the mechanism meets it`]);
  });

  it('a mechanism and its table, on the line after a paragraph', async () => {
    const files = geo(caps, `${ROWS_HEAD}| R1.1 | Systems SHALL expose data. | An API. |\n\nA closing remark.\n{|}\n`);
    await snippet(files, MECHANISMS, 'mechanism M2', [
      'MIM7 mechanism M2 Name',
      `MIM7 row M2 R1.2: ${r12} / How the mechanism meets it`,
    ]);
  });

  it('a guidance and a test, on the line after a paragraph', async () => {
    const mechanisms = `${ROWS_HEAD}| R1.1 | Systems SHALL expose data. | An API. |\n| R1.2 | ${r12.replace('*', '\\*').replace('|', '\\|')} | A rule. |\n`;
    const guidance = '/ws/docs/interoperability-guidance.md';
    const conformance = '/ws/docs/conformance.md';
    const files = {
      ...geo(caps, mechanisms),
      [guidance]: '# Interoperability Guidance\n\n## G1: Together\n\nMechanisms: M1\n\nThey work together.\n{|}\n',
      [conformance]: '# Conformance and Compliance Testing\n\n## T1: Suite\n\nCovers: R1.1\n\nRun the suite.\n',
    };
    await snippet(files, guidance, 'guidance G2', ['MIM7 guidance G2 Title: M1']);
    const tests = {
      ...files,
      [guidance]: files[guidance].replace('{|}\n', ''),
      [conformance]: `${files[conformance]}{|}\n`,
    };
    await snippet(tests, conformance, 'test T2', ['MIM7 test T2 Title: R1.1']);
  });
});

describe('snippets in *.mim.yaml', () => {
  const spec = SPEC.replace(
    'conformance:',
    'interoperabilityGuidance:\n  - id: G1\n    mechanisms: [M1]\n    text: Together.\nconformance:',
  );
  const cases: [string, string, string, string[], string[]?][] = [
    [
      'between two requirements',
      '        text: "Each model SHALL declare: its CRS."\n',
      'requirement R1.3',
      ['MIM8 requirement R1.3 [C1] none: Requirement text'],
      [...PLACEHOLDER, 'id/sequence'],
    ],
    [
      'after the last capability',
      '    title: Nothing yet\n',
      'capability C3',
      ['MIM8 capability C3 Title', 'MIM8 requirement R3.1 [C3] none: Requirement text'],
      [...PLACEHOLDER, 'capability/no-requirements'],
    ],
    [
      'after a mapping row',
      '        how: Sensors push.\n',
      'mapping row R1.2',
      ['MIM8 row M1 R1.2: - / How the mechanism meets it'],
    ],
    [
      'after the last mechanism',
      '    title: Archive\n',
      'mechanism M3',
      ['MIM8 mechanism M3 Title', 'MIM8 row M3 R1.2: - / How the mechanism meets it'],
    ],
    ['after a guidance', '    text: Together.\n', 'guidance G2', ['MIM8 guidance G2 : M1']],
    ['after the last test', '    method: automated\n', 'test T2', ['MIM8 test T2 Title: R1.1']],
  ];
  for (const [where, after, label, added, allow] of cases) {
    it(`${label} reads back ${where}`, async () => {
      const indent = /^ */.exec(after)![0].length;
      const dash = label.startsWith('requirement') || label.startsWith('mapping') ? 6 : 2;
      assert.ok(indent > dash);
      const files = { [YAML]: spec.replace(after, `${after}${' '.repeat(dash)}- {|}\n`) };
      await snippet(files, YAML, label, added, allow);
    });
  }
});

// ---- text as a reader sees it, written back escaped ------------------------------------------

// Texts with every kind of markup a reader reads, as model texts.
const TRICKY = [
  'plain words',
  'a*b*c and **bold** and *',
  '_under_ snake_case a_ _b __init__',
  'back\\slash, ends with \\',
  'C:\\dir\\*.md and \\\\server',
  'a `code` span and ``two``',
  '<b>tag</b> and a < b > c and </x>',
  'a | pipe || two and \\| escaped',
  'issue #',
  'C# and F#',
  '[ETSI GS CIM 009] and [a link](https://example.org/x_y)',
  '50% of $5 {x} ~tilde~ ^caret^ !bang',
  '"double" and \'single\' quotes: colon',
  '- dash + plus 1. one > quote',
  'émoji 🎉 and ünïcode',
  '\\*already\\* escaped \\_ \\` \\<',
  'files `*.json` in code, ``two`` and a lone ` tick',
  '&amp; &lt;b&gt; &#42; &copy; &bogus; & alone',
  '<https://example.org/x_y> <a@b.org> <!-- note --> <R1.1>',
  '![alt](img.png) [a [nested](x) b](y) [ref][label] [a]b](c)',
];

describe('the text of a requirement', () => {
  it('has no hard-break backslash: a hard break reads as a space, ids and keyword places stay exact', () => {
    const page = `${TERMS}## C1 Access\n\n* **R1.1** Data SHALL be documented\\\n  and described.\n\n**R1.2** Data SHOULD be kept  \nand dated.\n\n**R1.3** A\\\\\nB SHALL \\* hold.\n`;
    const doc = parseMarkdown(CAPS, page, 1);
    assert.deepEqual(
      doc.requirements.map((r) => r.text),
      ['Data SHALL be documented and described.', 'Data SHOULD be kept and dated.', 'A\\ B SHALL * hold.'],
    );
    const r = doc.requirements[0];
    assert.equal(page.slice(doc.lines.offsetAt(r.idRange.start), doc.lines.offsetAt(r.idRange.end)), 'R1.1');
    assert.equal(page.slice(r.keywords[0].offset, r.keywords[0].offset + r.keywords[0].length), 'SHALL');
  });

  it('keeps its map to the source exact across a hard break', () => {
    const clean = cleanInline('**R1.1** a\\\nb');
    assert.equal(clean.text, 'R1.1 a\nb');
    assert.deepEqual(Array.from(clean.map).slice(5), [9, 11, 12, 13]);
    assert.equal(plainInline('a\\\r\nb \\\\\nc'), 'a\r\nb \\\nc');
  });

  it('keeps what a code span holds, without its backticks; backticks with no closing run are text', () => {
    const page = `${TERMS}## C1 Access\n\n* **R1.1** Files SHALL match \`*.json\`, \`a_b_\` and \`\` x\`y \`\`, not \`\\*\`.\n* **R1.2** A \` tick SHALL stay.\n`;
    const doc = parseMarkdown(CAPS, page, 1);
    assert.deepEqual(
      doc.requirements.map((r) => r.text),
      ['Files SHALL match *.json, a_b_ and x`y, not \\*.', 'A ` tick SHALL stay.'],
    );
  });

  // Markdown as written in a page or a YAML text field, and the text a reader sees.
  const READS: [string, string][] = [
    [
      'Data SHALL be **bold**, *em*, _under_ and snake_case_name.',
      'Data SHALL be bold, em, under and snake_case_name.',
    ],
    ['Files SHALL match `*.json` and `a_b_`, not \\*b\\*.', 'Files SHALL match *.json and a_b_, not *b*.'],
    ['Paths SHALL read C:\\\\dir\\\\\\*.md, \\_x\\_ and \\q.', 'Paths SHALL read C:\\dir\\*.md, _x_ and \\q.'],
    ['Data SHALL be documented\\\nand described.', 'Data SHALL be documented and described.'],
    ['Data SHOULD be kept  \nand dated.', 'Data SHOULD be kept and dated.'],
    [
      'Tom &amp; Jerry SHALL write &lt;b&gt;, &#42; and &copy; but not &bogus;.',
      'Tom & Jerry SHALL write <b>, * and © but not &bogus;.',
    ],
    ['Zero\u200Bwidth&#x200B; and no&nbsp;break&#x20;space SHALL go.', 'Zerowidth and no break space SHALL go.'],
    [
      'See [the spec](https://example.org/a_b "Title") and ![logo](logo.png) and <https://example.org/x_y>.',
      'See the spec and logo and https://example.org/x_y.',
    ],
    ['Tags <b>bold</b>, <!-- a note --> and a < b SHALL read as text.', 'Tags bold, and a < b SHALL read as text.'],
    ['Code `` a`b `` and a lone ` tick SHALL stay.', 'Code a`b and a lone ` tick SHALL stay.'],
  ];

  it('is the same read from a Markdown page and from a *.mim.yaml text field', () => {
    for (const [markdown, text] of READS) {
      const page = parseMarkdown(CAPS, `${TERMS}## C1 Access\n\n**R1.1** ${markdown}\n`, 1);
      const spec = parseMimYaml(
        YAML,
        `mim: MIM8\ntitle: T\ncapabilities:\n  - id: C1\n    title: Access\n    requirements:\n      - id: R1.1\n        text: ${yamlScalar(markdown)}\n`,
        1,
      );
      assert.deepEqual(spec.problems, [], markdown);
      assert.deepEqual([page.requirements[0]?.text, spec.requirements[0]?.text], [text, text], markdown);
    }
  });

  it('reads the same with offsets as without, each kept character mapped to where it stands', () => {
    for (const raw of [...READS.map(([markdown]) => markdown), ...TRICKY, ...TRICKY.map(escapeInline)]) {
      for (const cell of [false, true]) {
        const clean = cleanInline(raw, cell);
        assert.equal(plainInline(raw, cell), clean.text, raw);
        assert.equal(clean.map.length, clean.text.length + 1, raw);
        for (let i = 0; i < clean.text.length; i++) {
          // A character written otherwise (an entity, a space for a no-break space) maps to where that is written.
          const at = clean.map[i];
          assert.ok(raw[at] === clean.text[i] || raw[at] === '&' || raw[at] === '\n', `${raw}: ${i}`);
          if (i > 0) assert.ok(at >= clean.map[i - 1], `${raw}: ${i}`);
        }
      }
    }
    assert.equal(plainInline('`a\\|b` \\| c', true), 'a|b | c');
    assert.equal(plainInline('`a\\|b` \\| c'), 'a\\|b | c');
  });

  it('shows in a hover as the page reads', async () => {
    const files = geo(
      '## C1 Access\n\n* **R1.1** Data SHALL be documented\\\n  and described, \\*.json \\_only\\_.\n',
      `${ROWS_HEAD}| R1.1 | Data SHALL be documented and described. | A page. |\n`,
    );
    const ws = await memoryWorkspace(files);
    const text = hover(ws, CAPS, findCursor(files[CAPS], 'R1{|}.1'))?.markdown ?? '';
    assert.equal(text.split('\n')[2], 'Data SHALL be documented and described, \\*.json \\_only\\_.');
  });
});

describe('the quick fix of trace/text-drift', () => {
  const DRIFT = /^trace\/(text|level)-drift$/;

  async function fixDrift(
    requirement: string,
    quote: string,
  ): Promise<{ written: string; quoted: string | undefined; text: string; drift: number }> {
    const files = geo(`## C1 Access\n\n* **R1.1** ${requirement}\n`, `${ROWS_HEAD}| R1.1 | ${quote} | An API. |\n`);
    const ws = await memoryWorkspace(files);
    // The quotes below change a keyword's level, and the second also its words: level drift, with or without text drift.
    const drift = [...ws.check().values()].flat().filter((f) => DRIFT.test(f.code));
    assert.ok(drift.some((f) => f.code === 'trace/level-drift'));
    const fix = drift[0].fixes![0];
    const next = edited(files, fix.edits);
    const after = await memoryWorkspace(next);
    const mim = after.index.byId.get('MIM7')![0];
    return {
      written: fix.edits[0].newText,
      quoted: mim.mechanisms[0].satisfies[0].quote,
      text: mim.requirements[0].text,
      drift: [...after.check().values()].flat().filter((f) => DRIFT.test(f.code)).length,
    };
  }

  it('writes no hard-break backslash, and the row then quotes the text exactly', async () => {
    const out = await fixDrift(
      'Data SHALL be documented\\\n  and described.',
      'Data SHOULD be documented and described.',
    );
    assert.equal(out.written, 'Data SHALL be documented and described.');
    assert.deepEqual([out.quoted, out.drift], [out.text, 0]);
  });

  it('quotes what a code span holds, escaped for the cell', async () => {
    const out = await fixDrift('Files SHALL match `*.json` and `a_b_`.', 'Files SHOULD match .json.');
    assert.equal(out.text, 'Files SHALL match *.json and a_b_.');
    assert.equal(out.written, 'Files SHALL match \\*.json and a_b\\_.');
    assert.deepEqual([out.quoted, out.drift], [out.text, 0]);
  });

  it('escapes what would read as markup, so that a literal * does not turn into emphasis', async () => {
    const out = await fixDrift(
      'Files SHALL match \\*.json, a \\*b\\* c \\| d and \\_e\\_.',
      'Files SHOULD match .json.',
    );
    assert.equal(out.text, 'Files SHALL match *.json, a *b* c | d and _e_.');
    assert.equal(out.written, 'Files SHALL match \\*.json, a \\*b\\* c \\| d and \\_e\\_.');
    assert.deepEqual([out.quoted, out.drift], [out.text, 0]);
  });
});

describe('the quick fix of gitbook/summary', () => {
  it('escapes the page title for the text of the link, so that the entry reads back as the title', async () => {
    const files = {
      '/ws/book/SUMMARY.md': '# Summary\n\n* [Intro](README.md)\n',
      '/ws/book/README.md': '# Intro\n\nThe book.\n',
      '/ws/book/data.md': '# Data \\] sets \\*and\\* [v2] `a_b`\n\nText.\n',
    };
    const ws = await memoryWorkspace(files);
    const title = 'Data ] sets *and* [v2] a_b';
    assert.equal(ws.document('/ws/book/data.md')?.sections[0].title, title);
    const [f, ...rest] = [...ws.check().values()].flat().filter((x) => x.code === 'gitbook/summary');
    assert.equal(rest.length, 0);
    assert.equal(f.fixes![0].edits[0].newText, '\n* [Data \\] sets \\*and\\* \\[v2\\] a_b](data.md)');
    const after = await memoryWorkspace(edited(files, f.fixes![0].edits));
    assert.deepEqual(
      after.document('/ws/book/SUMMARY.md')?.summary.map((e) => e.title),
      ['Intro', title],
    );
    assert.deepEqual(
      [...after.check().values()].flat().filter((x) => x.code === 'gitbook/summary'),
      [],
    );
  });
});

describe('escaping a text for where it goes', () => {
  const read = (page: string) =>
    parseMarkdown(CAPS, `${TERMS}## C1 Access\n\n${page}\n`, 1).requirements.map((r) => r.text);

  it('reads back the same from a list item, a paragraph and a heading', () => {
    for (const text of TRICKY) {
      const md = escapeInline(text);
      assert.deepEqual(read(`* **R1.1** ${md}\n\n**R1.2** ${md}\n\n### R1.3 ${md}`), [text, text, text], md);
    }
  });

  it('reads back the same from a table cell, of a requirements table and of a mapping table', () => {
    for (const text of TRICKY) {
      const cell = escapeTableCell(text);
      assert.deepEqual(read(`| Id | Requirement |\n| --- | --- |\n| R1.1 | ${cell} |`), [text], cell);
      const doc = parseMarkdown(MECHANISMS, `${ROWS_HEAD}| R1.1 | ${cell} | How. |\n`, 1);
      assert.deepEqual(
        doc.mechanisms[0].satisfies.map((row) => [row.quote, row.how]),
        [[text, 'How.']],
        cell,
      );
      assert.deepEqual(doc.problems, [], cell);
    }
  });

  it('reads back the same from a YAML scalar, escaped for Markdown first', () => {
    // Text fields of *.mim.yaml are Markdown: the scalar gives back the Markdown as written, which reads as on a page.
    const values = [
      'plain',
      '',
      'true',
      'No',
      'null',
      '~',
      '123',
      '1.5',
      '-1',
      '.inf',
      '0x1F',
      '2024-01-01',
      'a: b',
      'ends:',
      'a #b',
      'a#b',
      '#x',
      '- x',
      '-x',
      '? x',
      '[x]',
      '{x}',
      '"q"',
      "'q'",
      '%x',
      '@x',
      '!x',
      '&x',
      '*x',
      '|x',
      '>x',
      ',x',
      'a\\b',
      'tab\tin',
      ' lead',
      'trail ',
      'line\nbreak',
      '3D models SHALL have a CRS.',
      'é 🎉',
      'a\u2028b',
    ];
    const titleOf = (scalar: string) => {
      const doc = parseMimYaml(
        '/ws/x.mim.yaml',
        `mim: MIM8\ntitle: T\ncapabilities:\n  - id: C1\n    title: ${scalar}\n`,
        1,
      );
      assert.deepEqual(doc.problems, [], scalar);
      return doc.capabilities[0].title;
    };
    for (const value of [...values, ...TRICKY]) {
      assert.equal(titleOf(yamlScalar(value)), foldSpace(plainInline(value)), `${value} as ${yamlScalar(value)}`);
      assert.equal(
        titleOf(yamlScalar(escapeInline(value))),
        foldSpace(value),
        `${value} as ${yamlScalar(escapeInline(value))}`,
      );
    }
  });
});
