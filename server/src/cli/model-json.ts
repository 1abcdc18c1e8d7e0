import type { IdRef } from '../model/elements.js';
import type { Mim } from '../model/mim.js';
import type { Location } from '../model/range.js';

type Relative = (file: string) => string;

/** `mimspec model` output (mim-format §7): the model with 1-based lines and relative files. */
export function modelJson(mims: readonly Mim[], relative: Relative): unknown {
  const at = (l: Location) => ({ file: relative(l.file), line: l.range.start.line + 1 });
  const idAt = (e: { file: string; idRange: Location['range'] }) => at({ file: e.file, range: e.idRange });
  const ref = (r: IdRef) => ({
    text: r.text,
    ...(r.mim ? { mim: r.mim } : {}),
    ...(r.target ? { id: r.target.id } : {}),
    ...at(r),
  });
  return {
    mims: [...mims]
      .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }) || a.root.localeCompare(b.root))
      .map((m) => ({
        id: m.known ? m.id : null,
        title: m.title ?? null,
        status: m.status ?? null,
        convention: m.convention ?? null,
        files: m.documents.map((d) => relative(d.file)),
        capabilities: m.capabilities.map((c) => ({
          id: c.id,
          title: c.title,
          ...idAt(c),
          requirements: c.requirements.map((r) => ({
            id: r.id,
            text: r.text,
            keyword: r.keyword ?? null,
            level: r.level,
            ...idAt(r),
          })),
        })),
        requirementsOutsideCapabilities: m.requirements
          .filter((r) => !r.capability)
          .map((r) => ({ id: r.id, text: r.text, keyword: r.keyword ?? null, level: r.level, ...idAt(r) })),
        mechanisms: m.mechanisms.map((x) => ({
          id: x.id,
          title: x.title,
          ...idAt(x),
          standards: x.standards,
          satisfies: x.satisfies.map((row) => ({
            requirement: row.ref.target?.id ?? row.ref.text,
            ...at(row.ref),
            ...(row.quote ? { quote: row.quote } : {}),
          })),
        })),
        guidance: m.guidance.map((g) => ({ id: g.id, title: g.title, ...idAt(g), mechanisms: g.mechanisms.map(ref) })),
        tests: m.tests.map((t) => ({
          id: t.id,
          title: t.title,
          ...idAt(t),
          method: t.method ?? null,
          covers: t.covers.map(ref),
        })),
        references: m.references.map((r) => ({
          tag: r.tag,
          kind: r.kind,
          title: r.title ?? null,
          url: r.url ?? null,
          ...at({ file: r.file, range: r.tagRange }),
        })),
      })),
  };
}
