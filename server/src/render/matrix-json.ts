import type { SourceLine, TraceMatrix, TraceRow } from '../query/traceability.js';

/**
 * The matrix as the CLI's `--format json` prints it (the README documents it): `rows` (id,
 * mim, capability, level, mechanisms, tests), `unknown` and `coverage`, files as `pathOf`
 * gives them and lines 1-based, as in `mimspec model`.
 */
export function matrixJson(
  matrix: Pick<TraceMatrix, 'unknown' | 'coverage'> & { rows: readonly TraceRow[] },
  pathOf: (file: string) => string = (f) => f,
): unknown {
  const at = (s: SourceLine) => ({ file: pathOf(s.file), line: s.line + 1 });
  return {
    rows: matrix.rows.map((r) => ({
      id: r.id,
      mim: r.mim,
      capability: r.capability ?? null,
      level: r.level,
      mechanisms: r.mechanisms.map((m) => ({ id: m.id, ...at(m) })),
      tests: r.tests.map((t) => ({ id: t.id, ...at(t) })),
    })),
    unknown: matrix.unknown.map((u) => ({
      text: u.text,
      mim: u.mim,
      role: u.role,
      from: u.from ?? null,
      why: u.why,
      ...at(u),
    })),
    coverage: {
      total: matrix.coverage.total,
      mims: matrix.coverage.mims.map(({ root, ...m }) => ({ ...m, title: m.title ?? null, root: pathOf(root) })),
      capabilities: matrix.coverage.capabilities.map(({ source, ...c }) => ({
        ...c,
        title: c.title ?? null,
        ...(source ? at(source) : { file: null, line: null }),
      })),
    },
  };
}
