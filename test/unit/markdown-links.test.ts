import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Link } from '../../server/src/model/elements.js';
import { parseMarkdown } from '../../server/src/parse/markdown/markdown-parser.js';

/**
 * The links a Markdown page holds, as the reader records them: form, target as written, text,
 * and the exact places of the link and of its target.
 */

function links(
  text: string,
  file = '/w/docs/page.md',
): { form: Link['form']; target: string; text?: string; at: string; targetAt: string }[] {
  const doc = parseMarkdown(file, text, 1);
  const place = (r: Link['range']) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
  return doc.links.map((l) => ({
    form: l.form,
    target: l.target,
    text: l.text,
    at: place(l.range),
    targetAt: place(l.targetRange),
  }));
}

describe('links in Markdown', () => {
  it('records inline, angle, reference and auto links with their places', () => {
    const text = [
      '# Page',
      '',
      'See [the objective](objective.md#scope), [spaced](<a b.md>), [ref][r] and <https://example.org/x>.',
      '',
      '[r]: conformance.md',
    ].join('\n');
    assert.deepEqual(links(text), [
      { form: 'inline', target: 'objective.md#scope', text: 'the objective', at: '2:4-2:39', targetAt: '2:20-2:38' },
      { form: 'angle', target: 'a b.md', text: 'spaced', at: '2:41-2:59', targetAt: '2:51-2:57' },
      { form: 'reference', target: 'conformance.md', text: 'ref', at: '2:61-2:69', targetAt: '2:61-2:69' },
      {
        form: 'autolink',
        target: 'https://example.org/x',
        text: 'https://example.org/x',
        at: '2:74-2:97',
        targetAt: '2:75-2:96',
      },
    ]);
  });

  it('keeps the words of a link text apart across a line break, and drops its markup', () => {
    const text = '# Page\n\nSee [the objective\nand scope](objective.md) and [a *b* `c` &amp; d](y.md).\n';
    assert.deepEqual(
      links(text).map((l) => l.text),
      ['the objective and scope', 'a b c & d'],
    );
  });

  it('reads a SUMMARY.md entry once, for its title and as a link of the page', () => {
    const text = '# Summary\n\n* [Objective\n  and scope](objective.md)\n* [Mechanisms](mechanisms.md)\n';
    const doc = parseMarkdown('/w/docs/SUMMARY.md', text, 1);
    assert.deepEqual(
      doc.summary.map((e) => [e.title, e.target]),
      [
        ['Objective and scope', 'objective.md'],
        ['Mechanisms', 'mechanisms.md'],
      ],
    );
    assert.deepEqual(
      doc.links.map((l) => l.target),
      ['objective.md', 'mechanisms.md'],
    );
  });

  it('records raw HTML links and anchors, and no link inside a code span', () => {
    const text = '# Page\n\nA <a id="here"></a> and <a href="x.md">x</a>, not `[code](y.md)`.\n';
    const doc = parseMarkdown('/w/docs/page.md', text, 1);
    assert.deepEqual(
      doc.links.map((l) => [l.form, l.target]),
      [['html', 'x.md']],
    );
    assert.ok(doc.anchors.some((a) => a.id === 'here' && a.source === 'html'));
  });
});
