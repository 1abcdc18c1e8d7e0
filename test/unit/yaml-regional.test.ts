import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { yamlLineEnds } from '../../server/src/parse/yaml/line-ends.js';
import { readYaml, withRegionalFrom } from '../../server/src/parse/yaml/load.js';
import { parseMimYaml } from '../../server/src/parse/yaml/mim-yaml.js';
import { readByRegions, REGIONAL_FROM } from '../../server/src/parse/yaml/regional-read.js';
import { splitEntries } from '../../server/src/parse/yaml/regions.js';
import { mutations } from '../support/mutations.js';
import { fixture, ROOT } from '../support/paths.js';
import { slips } from '../support/slips.js';

/**
 * A large broken text is read around its errors only (regional-read.ts); what it gives must be
 * what reading it whole gives: the same errors, tree and model. Compared on every *.mim.yaml of
 * the fixtures and examples, each with the items of its sequences written three times over (so
 * that an item has items left out on both sides), broken by up to 300 one-character slips and
 * by random edits.
 */

function mimYamlFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) mimYamlFiles(path, out);
    else if (/\.mim\.ya?ml$/.test(name)) out.push(path);
  }
  return out;
}

/** The text with the items of each top-level sequence written `times` times. */
function widened(text: string, times: number): string {
  const entries = splitEntries(text) ?? [];
  let out = text.slice(0, entries[0]?.start ?? text.length);
  for (const e of entries) {
    if (!e.items) {
      out += text.slice(e.start, e.end);
      continue;
    }
    const items = text.slice(e.items[0].start, e.end);
    const spaced = items.endsWith('\n') ? items : `${items}\n`;
    out += text.slice(e.start, e.items[0].start) + spaced.repeat(times - 1) + items;
  }
  return out;
}

/** Slips of each file compared (the slips on every line of it are several times more). */
const SLIPS_PER_FILE = 40;

const FILES = [join(ROOT, 'test', 'fixtures'), join(ROOT, 'examples')].flatMap((d) => mimYamlFiles(d));

const whole = <T>(read: () => T) => withRegionalFrom(Infinity, read);
const regional = <T>(read: () => T) => withRegionalFrom(0, read);

describe('reading a broken YAML text by regions', () => {
  it('gives what the whole reading gives, on slips and random edits of every *.mim.yaml', () => {
    assert.ok(FILES.length > 20, `too few files: ${FILES.length}`);
    let broken = 0;
    let taken = 0;
    let sampled = 0;
    for (const [i, file] of FILES.entries()) {
      const text = widened(readFileSync(file, 'utf8'), 3);
      const all = slips(text);
      const step = Math.max(1, Math.ceil(all.length / SLIPS_PER_FILE));
      const cases = [
        ...all.filter((_, k) => k % step === 0).map((s) => ({ text: s.text, what: `${file}: ${s.name}` })),
        ...mutations(text, 8, i + 1).map((t, k) => ({ text: t, what: `${file}: mutation ${k} (seed ${i + 1})` })),
      ];
      for (const c of cases) {
        const expected = whole(() => readYaml(c.text));
        if (expected.clean) continue;
        assert.deepEqual(
          regional(() => readYaml(c.text)),
          expected,
          c.what,
        );
        // The models too, on a sample (they are made of what was read): the same elements, ranges and problems.
        if (broken++ % 4 !== 0) continue;
        sampled++;
        if (readByRegions(yamlLineEnds(c.text))) taken++;
        const spec = '/ws/spec.mim.yaml';
        assert.deepEqual(
          regional(() => parseMimYaml(spec, c.text, 1)),
          whole(() => parseMimYaml(spec, c.text, 1)),
          c.what,
        );
      }
    }
    // The regional reading must really be taken, not left to the whole reading every time.

    assert.ok(taken > sampled / 3, `regional reading taken for ${taken} of ${sampled} broken texts sampled`);
  });

  it('is taken by default for a large text, and reads it as the whole reading does', () => {
    const text = widened(readFileSync(fixture('yaml', 'street-lighting.mim.yaml'), 'utf8'), 12);
    assert.ok(text.length >= REGIONAL_FROM, `${text.length}`);
    // The last capability but one loses the ] of its last requirement's list: what follows is read wrongly as far as the next capability.
    const at = text.lastIndexOf('seeAlso: [R2.1]');
    const broken = `${text.slice(0, at)}seeAlso: [R2.1${text.slice(at + 'seeAlso: [R2.1]'.length)}`;
    assert.ok(readByRegions(broken));
    assert.deepEqual(
      readYaml(broken),
      whole(() => readYaml(broken)),
    );
    let taken = 0;
    let broke = 0;
    for (const [i, name] of ['street-lighting.mim.yaml', 'noise-monitoring.mim.yaml'].entries()) {
      const large = widened(readFileSync(fixture('yaml', name), 'utf8'), 12);
      const all = slips(large);
      const step = Math.ceil(all.length / 40);
      const cases = [...all.filter((_, k) => k % step === 0).map((s) => s.text), ...mutations(large, 8, 100 + i)];
      for (const t of cases) {
        const expected = whole(() => readYaml(t));
        if (expected.clean) continue;
        broke++;
        assert.deepEqual(readYaml(t), expected, `${name}: ${JSON.stringify(t.slice(0, 0))}`);
        if (readByRegions(yamlLineEnds(t))) taken++;
      }
    }
    assert.ok(taken > broke / 2, `regional reading taken for ${taken} of ${broke} broken large texts`);
  });
});
