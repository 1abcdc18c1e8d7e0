import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asPlainText, complete, type CompletionItem } from '../../server/src/features/completion.js';
import { escapeSnippet, snippetSlot, snippetText } from '../../server/src/features/support/snippet-text.js';
import { placeCursor, showRange } from '../support/cursor.js';
import { memoryWorkspace, readFixtureTree } from '../support/memory-fs.js';
import { fixture } from '../support/paths.js';

const FILES = readFixtureTree(fixture('features', 'workspace'));

/** Completion in one fixture file after replacing `from` by `to`, where `to` carries the cursor `{|}`. */
async function completeIn(path: string, from: string, to: string): Promise<CompletionItem[]> {
  const original = FILES[`/ws/${path}`];
  assert.ok(original.includes(from), `'${from}' is not in ${path}`);
  const { text, position } = placeCursor(original.replace(from, to));
  const ws = await memoryWorkspace({ ...FILES, [`/ws/${path}`]: text });
  return complete(ws, `/ws/${path}`, position);
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const item = (items: CompletionItem[], label: string) => items.find((i) => i.label === label);

const LAST_ROW = '| R1.3 | Systems SHOULD offer WGS 84 coordinates. | CRS84 in every record. |';
const BCP14 = [
  'MUST NOT',
  'SHALL NOT',
  'SHOULD NOT',
  'NOT RECOMMENDED',
  'MUST',
  'SHALL',
  'REQUIRED',
  'SHOULD',
  'RECOMMENDED',
  'MAY',
  'OPTIONAL',
];

describe('completion in Markdown', () => {
  it('offers the requirements of the MIM in the first cell of a mapping table, replacing the typed id', async () => {
    const items = await completeIn('geo/docs/mechanisms.md', LAST_ROW, `${LAST_ROW}\n| R2{|} |`);
    assert.deepEqual(labels(items), ['R2.1', 'R2.2']);
    assert.deepEqual(item(items, 'R2.2'), {
      label: 'R2.2',
      kind: 'id',
      detail: 'Systems MAY support filtering by a polygon.',
      documentation: 'optional · C2',
      insertText: 'R2.2',
      isSnippet: false,
      range: item(items, 'R2.2')!.range,
    });
    assert.equal(showRange(items[0].range), '22:3-22:5');
  });

  it('offers local ids and, in a small workspace, the global ids of the other MIMs on a Covers: line', async () => {
    const items = await completeIn('geo/docs/conformance.md', 'Covers: R1.1, R1.2', 'Covers: R1.1, R1.2, {|}');
    assert.deepEqual(labels(items), ['R1.1', 'R1.2', 'R1.3', 'R2.1', 'R2.2', 'MIM8.R1.1', 'MIM8.R1.2']);
    assert.equal(item(items, 'MIM8.R1.2')?.detail, 'Each 3D model SHALL declare its coordinate reference system.');
  });

  it('offers mechanism ids on a Mechanisms: line', async () => {
    const items = await completeIn(
      'geo/docs/interoperability-guidance.md',
      'Mechanisms: M1, M2',
      'Mechanisms: M1, {|}',
    );
    assert.deepEqual(
      items.map((i) => `${i.label} ${i.detail}`),
      ['M1 OGC API - Features', 'M2 GeoDCAT-AP'],
    );
  });

  it('offers MIM numbers with their names after MIM, from the workspace and the registry', async () => {
    const items = await completeIn(
      'geo/docs/objective.md',
      'works unchanged in another.',
      'works unchanged in another, see MIM{|}',
    );
    assert.deepEqual(
      items.map((i) => `${i.label} ${i.detail}`),
      [
        'MIM0 Accessing Data',
        'MIM1 Interlinking Data',
        'MIM2 Representing Data',
        'MIM3 Exchanging Data',
        'MIM4 Personal Data',
        'MIM5 Fair AI',
        'MIM6 Securing Data',
        'MIM7 Geospatial Data',
        'MIM8 Local Digital Twins',
      ],
    );
    assert.equal(item(items, 'MIM8')?.documentation, 'in the workspace');
    assert.equal(item(items, 'MIM0')?.documentation, 'from the oasc-2025 registry');
    assert.equal(showRange(items[0].range), '3:90-3:93');
  });

  it('offers the elements of a MIM after MIMx.', async () => {
    const items = await completeIn(
      'geo/docs/objective.md',
      'works unchanged in another.',
      'works unchanged in another, see MIM8.{|}',
    );
    assert.deepEqual(labels(items), ['MIM8.R1.1', 'MIM8.R1.2', 'MIM8.C1']);
  });

  it('offers the keywords of the declared convention while a requirement text is written', async () => {
    const items = await completeIn(
      'geo/docs/capabilities-and-requirements.md',
      '* **R2.2** Systems MAY',
      '* **R2.2** Systems M{|}',
    );
    assert.deepEqual(labels(items), BCP14);
    assert.equal(item(items, 'MAY')?.detail, 'optional (bcp14)');
    assert.equal(showRange(items[0].range), '18:20-18:21');
  });

  it('offers the keywords in a requirement just started', async () => {
    const items = await completeIn(
      'geo/docs/capabilities-and-requirements.md',
      '* **R2.2** Systems MAY support filtering by a polygon.',
      '* **R2.2** Systems MAY support filtering by a polygon.\n* **R2.3** Systems {|}',
    );
    assert.deepEqual(labels(items), BCP14);
  });

  it('offers the keywords of all three conventions where none is declared', async () => {
    const path = 'geo/docs/capabilities-and-requirements.md';
    const text = FILES[`/ws/${path}`]
      .replace(/## Terminology\n\n.*\n\n/, '')
      .replace('* **R2.1** Systems SHALL', '* **R2.1** Systems {|}SHALL');
    const { text: clean, position } = placeCursor(text);
    const ws = await memoryWorkspace({ ...FILES, [`/ws/${path}`]: clean });
    const all = labels(complete(ws, `/ws/${path}`, position));
    assert.equal(all.length, 22);
    assert.ok(all.includes('is required to') && all.includes('shall') && all.includes('SHALL'));
  });

  it('offers snippets with the next free id, in the syntax of the page', async () => {
    const caps = await completeIn(
      'geo/docs/capabilities-and-requirements.md',
      '* **R2.2** Systems MAY support filtering by a polygon.\n',
      '* **R2.2** Systems MAY support filtering by a polygon.\n\n{|}\n',
    );
    assert.deepEqual(
      caps.map((i) => [i.label, i.insertText]),
      [
        ['capability C3', '## C3 ${1:Title}\n\n* **R3.1** ${2:Requirement text}'],
        ['requirement R2.3', '* **R2.3** ${1:Requirement text}'],
      ],
    );
    assert.ok(caps.every((i) => i.kind === 'snippet' && i.isSnippet));
    const mechanisms = await completeIn('geo/docs/mechanisms.md', LAST_ROW, `${LAST_ROW}\n\n## {|}`);
    assert.deepEqual(labels(mechanisms), ['mechanism M3']);
    assert.equal(
      mechanisms[0].insertText,
      '## Mechanism 3: ${1:Name}\n\n${2:What the mechanism is}\n\n| Req. ID | Requirement Text | How |\n| --- | --- | --- |\n| ${3:R2.2} | Systems MAY support filtering by a polygon. | ${4:How the mechanism meets it} |',
    );
    assert.equal(mechanisms[0].filterText, '## mechanism M3', 'the typed ## is replaced');
    const tests = await completeIn(
      'geo/docs/conformance.md',
      'Run the OGC test suite against the service.\n',
      'Run the OGC test suite against the service.\n\n{|}\n',
    );
    assert.deepEqual(
      tests.map((i) => [i.label, i.insertText]),
      [['test T2', '## T2: ${1:Title}\n\nCovers: ${2:R1.1}\n\n${3:How to run the test and what passes}']],
    );
  });

  it('offers a mapping row for the first requirement that no mechanism of the MIM satisfies, below a mapping table', async () => {
    const items = await completeIn('geo/docs/mechanisms.md', LAST_ROW, `${LAST_ROW}\n{|}`);
    assert.deepEqual(
      items.map((i) => [i.label, i.insertText]),
      [
        [
          'mapping row R2.2',
          '| R2.2 | Systems MAY support filtering by a polygon. | ${1:How the mechanism meets it} |',
        ],
        ['mechanism M3', items[1]?.insertText],
      ],
    );
  });
});

describe('completion after an edit elsewhere in the MIM', () => {
  it('still knows which requirements are mapped once another page of the MIM changed', async () => {
    const { text, position } = placeCursor(FILES['/ws/geo/docs/mechanisms.md'].replace(LAST_ROW, `${LAST_ROW}\n{|}`));
    const ws = await memoryWorkspace({ ...FILES, '/ws/geo/docs/mechanisms.md': text });
    complete(ws, '/ws/geo/docs/mechanisms.md', position);
    // The MIM is rebuilt from the changed page; the mapping rows' resolved references must follow it.
    const objective = Object.keys(FILES).find((f) => f.startsWith('/ws/geo/docs/') && f.endsWith('README.md'))!;
    ws.setDocument(objective, `${FILES[objective]}\nOne more sentence.\n`, 2);
    const items = complete(ws, '/ws/geo/docs/mechanisms.md', position);
    assert.equal(items[0]?.label, 'mapping row R2.2');
  });
});

describe('completion in *.mim.yaml', () => {
  it('offers requirement ids, local then global, for satisfies[].requirement', async () => {
    const items = await completeIn('twins.mim.yaml', '      - requirement: MIM7.R2.2', '      - requirement: {|}');
    assert.deepEqual(labels(items), ['R1.1', 'R1.2', 'MIM7.R1.1', 'MIM7.R1.2', 'MIM7.R1.3', 'MIM7.R2.1', 'MIM7.R2.2']);
    assert.equal(item(items, 'R1.1')?.detail, 'The twin SHALL ingest observations through a standard interface.');
  });

  it('offers ids in a flow list, and capabilities too for seeAlso', async () => {
    const covers = await completeIn('twins.mim.yaml', 'covers: [R1.1]', 'covers: [R1.1, R{|}]');
    assert.deepEqual(labels(covers), ['R1.1', 'R1.2']);
    const seeAlso = await completeIn('twins.mim.yaml', 'seeAlso: [MIM7.R1.1]', 'seeAlso: [MIM7.{|}]');
    assert.deepEqual(labels(seeAlso), [
      'MIM7.R1.1',
      'MIM7.R1.2',
      'MIM7.R1.3',
      'MIM7.R2.1',
      'MIM7.R2.2',
      'MIM7.C1',
      'MIM7.C2',
    ]);
    assert.equal(showRange(seeAlso[0].range), '15:19-15:24');
  });

  it('wraps the first id of a list written on its key line in brackets', async () => {
    const items = await completeIn('twins.mim.yaml', 'covers: [R1.1]', 'covers: {|}');
    assert.equal(item(items, 'R1.2')?.insertText, '[R1.2]');
  });

  it('offers enum values with the description of their key', async () => {
    const items = await completeIn('twins.mim.yaml', 'status: capabilities', 'status: {|}');
    assert.deepEqual(labels(items), ['proposal', 'work-item', 'capabilities', 'specification', 'governance']);
    assert.match(items[0].documentation!, /^How far the MIM has come/);
    const method = await completeIn('twins.mim.yaml', 'method: automated', 'method: {|}');
    assert.deepEqual(labels(method), ['automated', 'manual', 'self-assessment']);
  });

  it('offers the keys the schema allows at the cursor, without those already there', async () => {
    const root = await completeIn('twins.mim.yaml', 'conventions: bcp14\n', 'conventions: bcp14\nca{|}\n');
    assert.deepEqual(labels(root), ['edition', 'category', 'interoperabilityGuidance', 'itu']);
    assert.deepEqual(item(root, 'category'), {
      label: 'category',
      kind: 'key',
      detail: 'foundational | application-specific',
      documentation: 'foundational (every city needs it) or application-specific (one domain).',
      insertText: 'category: ',
      isSnippet: false,
      range: item(root, 'category')!.range,
    });
    const requirement = await completeIn(
      'twins.mim.yaml',
      '        seeAlso: [MIM7.R1.1]\n',
      '        seeAlso: [MIM7.R1.1]\n        {|}\n',
    );
    assert.deepEqual(labels(requirement), ['requirement R1.3', 'title']);
  });

  it('offers a snippet for a new list item with the next free id, indented as the list', async () => {
    const items = await completeIn(
      'twins.mim.yaml',
      '        seeAlso: [MIM7.R1.1]\n',
      '        seeAlso: [MIM7.R1.1]\n      - {|}\n',
    );
    assert.deepEqual(
      items.map((i) => [i.label, i.insertText]),
      [
        ['requirement R1.3', 'id: R1.3\n        text: ${1:Requirement text}'],
        ['id', 'id: '],
        ['title', 'title: '],
        ['text', 'text: '],
        ['seeAlso', 'seeAlso: '],
      ],
    );
    const rows = await completeIn(
      'twins.mim.yaml',
      '        how: A GeoQuery with a polygon.\n',
      '        how: A GeoQuery with a polygon.\n      {|}\n',
    );
    assert.deepEqual(
      rows.map((i) => [i.label, i.insertText, showRange(i.range)]),
      [
        [
          'mapping row R1.2',
          '      - requirement: ${1:R1.2}\n        how: ${2:How the mechanism meets it}',
          '27:1-27:7',
        ],
      ],
    );
    const tests = await completeIn('twins.mim.yaml', '    method: automated\n', '    method: automated\n  - {|}\n');
    assert.equal(
      tests[0].insertText,
      'id: T2\n    title: ${1:Title}\n    covers: [${2:R1.1}]\n    method: ${3|automated,manual,self-assessment|}',
    );
  });

  it('offers the keywords in a requirement text, and citation tags after [ in Markdown text', async () => {
    const keywords = await completeIn('twins.mim.yaml', 'text: The twin SHALL ingest', 'text: The twin SH{|} ingest');
    assert.deepEqual(labels(keywords), BCP14);
    const tags = await completeIn('twins.mim.yaml', 'Entities follow [ETSI GS CIM 009]', 'Entities follow [{|}');
    assert.deepEqual(
      tags.map((i) => [i.label, i.detail, i.insertText]),
      [
        ['ETSI GS CIM 009', 'NGSI-LD API', 'ETSI GS CIM 009]'],
        ['b-ISO/IEC 30182', 'Smart city concept model', 'b-ISO/IEC 30182]'],
      ],
    );
    assert.equal(tags[0].documentation, 'Normative reference · https://www.etsi.org/deliver/etsi_gs/CIM/001_099/009/');
  });

  it('offers reference tags for standards and MIM ids for mim', async () => {
    const standards = await completeIn('twins.mim.yaml', 'standards: ["ETSI GS CIM 009"]', 'standards: [{|}]');
    assert.deepEqual(labels(standards), ['ETSI GS CIM 009', 'b-ISO/IEC 30182']);
    const mim = await completeIn('twins.mim.yaml', 'mim: MIM8', 'mim: MIM{|}');
    assert.equal(labels(mim).length, 9);
  });
});

/** Completion in a file added to the fixture workspace, whose text carries the cursor `{|}`. */
async function completeInNew(path: string, withCursor: string): Promise<CompletionItem[]> {
  const { text, position } = placeCursor(withCursor);
  const ws = await memoryWorkspace({ ...FILES, [`/ws/${path}`]: text });
  return complete(ws, `/ws/${path}`, position);
}

const ALL_MIMS = ['MIM0', 'MIM1', 'MIM2', 'MIM3', 'MIM4', 'MIM5', 'MIM6', 'MIM7', 'MIM8'];
const RESOURCE = 'MIMYmlVersion: "0.1"\nname: Kerb viewer\nmims:\n';

describe('completion of MIM numbers', () => {
  it("offers the MIM numbers with their titles on a new item of a resource descriptor's mims list", async () => {
    for (const line of ['  - {|}', '  - MIM{|}', '- {|}', '- M{|}', '  - mi{|}']) {
      const items = await completeInNew('kerb.mim.yml', `${RESOURCE}${line}\n`);
      assert.deepEqual(labels(items), ALL_MIMS, line);
    }
    const items = await completeInNew('kerb.mim.yml', `${RESOURCE}  - MIM0\n  - MIM{|}\n`);
    assert.equal(item(items, 'MIM6')?.detail, 'Securing Data');
    assert.equal(item(items, 'MIM8')?.documentation, 'in the workspace');
    assert.equal(showRange(item(items, 'MIM6')!.range), '5:5-5:8');
  });

  it('offers them in a publiccode.yml and in a flow list', async () => {
    const block = await completeInNew(
      'tool/publiccode.yml',
      'publiccodeYmlVersion: "0.2"\nname: Kerb viewer\nmims:\n  - {|}\n',
    );
    assert.deepEqual(labels(block), ALL_MIMS);
    const flow = await completeInNew('kerb.mim.yml', `${RESOURCE.replace('mims:\n', 'mims: [MIM0, MI{|}]\n')}`);
    assert.deepEqual(labels(flow), ALL_MIMS);
  });

  it('offers the registry of the numbering the config picks', async () => {
    const { text, position } = placeCursor(`${RESOURCE}  - {|}\n`);
    const ws = await memoryWorkspace(
      { '/old/mimspec.yaml': 'numbering: oasc-2022\n', '/old/kerb.mim.yml': text },
      '/old',
    );
    const items = complete(ws, '/old/kerb.mim.yml', position);
    assert.deepEqual(labels(items), ['MIM1', 'MIM2', 'MIM3', 'MIM4', 'MIM5', 'MIM6', 'MIM7', 'MIM8', 'MIM9', 'MIM10']);
    assert.equal(item(items, 'MIM6')?.detail, 'Security');
  });

  it('offers them after MI in prose and in YAML text, and after any start of MIM in YAML values', async () => {
    const prose = await completeIn(
      'geo/docs/objective.md',
      'works unchanged in another.',
      'works unchanged in another, see MI{|}',
    );
    assert.deepEqual(labels(prose), ALL_MIMS);
    assert.equal(showRange(prose[0].range), '3:90-3:92');
    const text = await completeIn(
      'twins.mim.yaml',
      'Entities follow [ETSI GS CIM 009]',
      'Entities follow MI{|} and [ETSI GS CIM 009]',
    );
    assert.deepEqual(labels(text), ALL_MIMS);
    for (const typed of ['M', 'MI', 'mi']) {
      const mim = await completeIn('twins.mim.yaml', 'mim: MIM8', `mim: ${typed}{|}`);
      assert.deepEqual(labels(mim), ALL_MIMS, typed);
    }
    // A word that merely starts with M, a lone M (MUST, MAY), or a MIM id in lower case is prose.
    for (const word of ['Mi', 'mi', 'XMI', 'M']) {
      const items = await completeIn(
        'geo/docs/objective.md',
        'works unchanged in another.',
        `works unchanged in another, see ${word}{|}`,
      );
      assert.deepEqual(labels(items), [], word);
    }
  });
});

describe('completion of keys on a blank indented line', () => {
  it("offers the keys of the map at the cursor's indentation, as for a typed prefix", async () => {
    const keys = (items: CompletionItem[]) => items.filter((i) => i.kind === 'key');
    const typed = keys(
      await completeIn('twins.mim.yaml', '    method: automated\n', '    method: automated\n    d{|}\n'),
    );
    const blank = keys(
      await completeIn('twins.mim.yaml', '    method: automated\n', '    method: automated\n    {|}\n'),
    );
    assert.deepEqual(labels(blank), ['title', 'description']);
    assert.deepEqual(labels(typed), ['title', 'description']);
    assert.equal(item(blank, 'description')?.insertText, 'description: ');
    assert.equal(showRange(item(blank, 'description')!.range), '31:5-31:5');
  });

  it('offers the keys of a nested map and of the root', async () => {
    const nested = await completeInNew('kerb.mim.yml', `${RESOURCE}  - MIM0\nlegal:\n  license: MIT\n  {|}\n`);
    assert.deepEqual(labels(nested), ['mainCopyrightOwner', 'repoOwner', 'authorsFile']);
    const root = await completeIn('twins.mim.yaml', 'conventions: bcp14\n', 'conventions: bcp14\n{|}\n');
    assert.ok(labels(root).includes('category'), labels(root).join(' '));
  });
});

describe('the plain text of a snippet, for clients that cannot expand snippets', () => {
  it('gives placeholders their default text, a choice its first option, and drops tab stops', () => {
    assert.equal(
      snippetText('## C3 ${1:Title}\n\n* **R3.1** ${2:Requirement text}$0'),
      '## C3 Title\n\n* **R3.1** Requirement text',
    );
    assert.equal(snippetText('method: ${3|automated,manual,self-assessment|}'), 'method: automated');
    assert.equal(snippetText('a ${1:outer ${2:inner} end} b ${3} c $12'), 'a outer inner end b  c ');
    assert.equal(snippetText('${1|one\\, two,three|}'), 'one, two');
    assert.equal(snippetText('${TM_FILENAME:file} $UNKNOWN ${NAME}'), 'file UNKNOWN NAME');
  });

  it('undoes escapes and keeps what is no snippet syntax as text', () => {
    assert.equal(snippetText('costs \\$5 \\} \\\\ {x} } $ ${ ${1:open'), 'costs $5 } \\ {x} } $ ${ ${1:open');
    for (const text of ['Systems SHALL pay $5 {fee} \\ back', '${1:x}', 'a}b$c\\']) {
      assert.equal(snippetText(escapeSnippet(text)), text);
      assert.equal(snippetText(snippetSlot(1, text)), text);
    }
  });

  it('turns every snippet item into plain text and leaves plain items as they are', async () => {
    const items = await completeIn('twins.mim.yaml', '    method: automated\n', '    method: automated\n  - {|}\n');
    const plain = items.map(asPlainText);
    assert.ok(items.some((i) => i.isSnippet));
    assert.ok(plain.every((i) => !i.isSnippet && !i.insertText.includes('${')));
    assert.equal(plain[0].insertText, 'id: T2\n    title: Title\n    covers: [R1.1]\n    method: automated');
    assert.deepEqual(plain.slice(1), items.slice(1));
  });
});
