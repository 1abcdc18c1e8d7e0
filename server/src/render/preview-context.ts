import type { DocumentModel } from '../model/document.js';
import type { IdRef, Prose } from '../model/elements.js';
import type { Finding } from '../model/finding.js';
import type { Mim } from '../model/mim.js';
import { comparePositions, type Range } from '../model/range.js';
import { esc, fileUri, sourceAttrs, type Source } from './html.js';
import { renderProse, type ProseCache, type ProseEnv } from './prose.js';

/** What a preview is rendered with besides the MIM. */
export interface PreviewOptions {
  /** The findings of the MIM's documents (others are ignored). */
  findings?: readonly Finding[];
  /** A file path as the URI that `data-uri` carries; a plain file URI by default. */
  uriOf?: (path: string) => string;
  /** Where another MIM is written, for a cross-reference that can open it. */
  mimPlace?: (mimId: string) => { file: string; line: number } | undefined;
  /** Prose rendered by the last preview of this MIM, for a preview that follows typing. */
  proseCache?: ProseCache;
}

/** Something a finding can sit on: an element, a mapping row, a reference. */
export interface Placed {
  file: string;
  range: Range;
}

/** What every part of the preview reads: the MIM, where things come from, and the findings by what they sit on. */
export class PreviewContext {
  readonly src: Source;
  readonly uriOf: (path: string) => string;
  private readonly placed = new Map<Placed, Finding[]>();
  /** The findings that sit on no rendered element, in document order. */
  readonly loose: Finding[] = [];

  constructor(
    readonly mim: Mim,
    private readonly options: PreviewOptions,
    targets: readonly Placed[],
  ) {
    // Asked once per block: each file's URI is made once.
    const base = options.uriOf ?? fileUri;
    const uris = new Map<string, string>();
    this.uriOf = (path) => {
      let uri = uris.get(path);
      if (uri === undefined) uris.set(path, (uri = base(path)));
      return uri;
    };
    this.src = sourceAttrs(this.uriOf);
    const files = new Set(mim.documents.map((d) => d.file));
    for (const f of options.findings ?? []) {
      if (!files.has(f.file)) continue;
      const target = innermost(targets, f);
      if (target) {
        const list = this.placed.get(target);
        if (list) list.push(f);
        else this.placed.set(target, [f]);
      } else this.loose.push(f);
    }
  }

  /** The findings that sit on a target, as HTML (empty when none). */
  findings(target: Placed): string {
    const list = this.placed.get(target);
    return list ? findingList(list, this.src) : '';
  }

  document(file: string): DocumentModel | undefined {
    return this.mim.documents.find((d) => d.file === file);
  }

  /** Prose of the model, each block with its line: a YAML block scalar's text starts on the line after its `|`. */
  prose(file: string, prose: Prose | undefined): string {
    if (!prose) return '';
    const doc = this.document(file);
    let line = doc ? doc.lines.positionAt(prose.start).line : 0;
    const first = doc?.text.charAt(prose.start);
    if (first === '|' || first === '>') line++;
    return this.renderProse(prose.markdown, { uri: this.uriOf(file), line });
  }

  renderProse(markdown: string, env: ProseEnv): string {
    return renderProse(markdown, env, this.options.proseCache);
  }

  /** A reference to an id: a link to another MIM where it names one, else the id as written. */
  ref(ref: IdRef): string {
    const other = ref.mim && ref.mim !== this.mim.id ? ref.mim : undefined;
    if (!other) return `<code class="ref">${esc(ref.text)}</code>`;
    const place = this.options.mimPlace?.(other);
    const where = place ? this.src(place.file, place.line) : '';
    return `<a class="mim-xref" data-mim="${esc(other)}" href="#"${where}>${esc(ref.text)}</a>`;
  }
}

/** The smallest target of the finding's file whose range holds the finding's start. */
function innermost(targets: readonly Placed[], f: Finding): Placed | undefined {
  let best: Placed | undefined;
  for (const t of targets) {
    if (t.file !== f.file) continue;
    if (comparePositions(t.range.start, f.range.start) > 0 || comparePositions(f.range.start, t.range.end) > 0)
      continue;
    if (!best || comparePositions(t.range.start, best.range.start) >= 0) best = t;
  }
  return best;
}

export function findingList(list: readonly Finding[], src: Source): string {
  const items = list.map(
    (f) =>
      `<li class="finding finding-${esc(f.severity)}"${src(f.file, f.range.start.line)}><code>${esc(f.code)}</code> ${esc(f.message)}</li>`,
  );
  return `<ul class="findings">${items.join('')}</ul>`;
}
