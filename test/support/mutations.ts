/** Seeded random edits of a text, the kinds that break YAML: characters deleted or inserted, lines repeated. */

/** A deterministic generator, so that a failure can be replayed. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const EDITS = [
  ':',
  '-',
  ' ',
  '\n',
  '#',
  '"',
  "'",
  '\t',
  '|',
  '>',
  '[',
  ']',
  '{',
  '}',
  ',',
  '&',
  '*',
  '!',
  '?',
  '  ',
  '\n  ',
  '\\',
  '%',
  '@',
  '`',
  '\r',
  '\r\n',
  '\uFEFF',
  ': ',
  ' #',
  '\n- ',
  '~',
  '0x',
  '.5',
  'true',
];

/** Texts with one to four random edits each: characters deleted or inserted, lines repeated. */
export function mutations(text: string, count: number, seed: number): string[] {
  const next = random(seed);
  const edit = (t: string): string => {
    const at = Math.floor(next() * (t.length + 1));
    const choice = next();
    if (choice < 0.4) return t.slice(0, at) + t.slice(at + 1 + Math.floor(next() * 3));
    if (choice < 0.8) return t.slice(0, at) + EDITS[Math.floor(next() * EDITS.length)] + t.slice(at);
    const lines = t.split('\n');
    const l = Math.floor(next() * lines.length);
    lines.splice(l, 0, lines[l]);
    return lines.join('\n');
  };
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let mutated = text;
    for (let rounds = 1 + Math.floor(next() * 4); rounds > 0; rounds--) mutated = edit(mutated);
    out.push(mutated);
  }
  return out;
}
