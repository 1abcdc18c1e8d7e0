import type { OffsetMap } from './inline-map.js';
import type { PageSink } from './page-sink.js';

/** A GitBook template tag in prose: `{% hint style="info" %}`, `{% endhint %}`, `{% embed url="..." %}`. */
export interface GitbookMatch {
  name: string;
  closing: boolean;
  offset: number;
  length: number;
  /** `url`, `page` or `src` attribute: the tag links somewhere. */
  target?: { value: string; offset: number };
}

const TAG = /\{%\s*(end)?([A-Za-z][\w-]*)((?:[^%]|%(?!\}))*)%\}/g;
const TARGET = /\b(?:url|page|src)\s*=\s*"([^"]*)"/;

export function findGitbookTags(text: string, base = 0): GitbookMatch[] {
  if (!text.includes('{%')) return [];
  const out: GitbookMatch[] = [];
  TAG.lastIndex = 0;
  for (let m = TAG.exec(text); m; m = TAG.exec(text)) {
    const match: GitbookMatch = { name: m[2], closing: m[1] === 'end', offset: base + m.index, length: m[0].length };
    const t = TARGET.exec(m[3]);
    if (t) {
      const at = m.index + m[0].indexOf(t[0]) + t[0].indexOf('"') + 1;
      // GitBook escapes parentheses and underscores in paths (`final \(1\).pdf`).
      match.target = { value: t[1].replace(/\\([()_[\]])/g, '$1'), offset: base + at };
    }
    out.push(match);
  }
  return out;
}

/** The GitBook tags of a page's inline text, and the links of those that name a target. */
export function readGitbookTags(r: PageSink, content: string, map: OffsetMap): void {
  const lines = r.lineIndex;
  for (const g of findGitbookTags(content)) {
    const at = map.toDocument(g.offset);
    r.doc.gitbookTags.push({
      name: g.name,
      kind: g.closing ? 'close' : 'open',
      file: r.doc.file,
      range: lines.rangeOf(at, map.toDocument(g.offset + g.length)),
    });
    if (g.target) {
      const t = map.toDocument(g.target.offset);
      r.doc.links.push({
        target: g.target.value,
        form: 'gitbook',
        file: r.doc.file,
        range: lines.rangeOf(at, map.toDocument(g.offset + g.length)),
        targetRange: lines.rangeOf(t, t + g.target.value.length),
      });
    }
  }
}
