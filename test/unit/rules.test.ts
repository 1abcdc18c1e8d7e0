import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/rules/catalogue.js';
import { checkFolder, findingsText } from '../support/check.js';
import { matchGolden } from '../support/golden.js';
import { fixture, ROOT } from '../support/paths.js';

/**
 * Every rule has fixtures of its own under test/fixtures/rules/<code>/: `fires*` folders where
 * it must report, `clean*` folders where it must stay silent. Each folder is a workspace; the
 * whole output is compared with a golden file, so a change in any rule shows up here.
 */
const RULES_DIR = fixture('rules');

function caseFolders(code: string): string[] {
  const dir = join(RULES_DIR, code);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => /^(fires|clean)/.test(n) && statSync(join(dir, n)).isDirectory())
    .map((n) => join(dir, n));
}

describe('rule fixtures', () => {
  for (const rule of RULES) {
    describe(rule.code, () => {
      const cases = caseFolders(rule.code);
      it('has a documentation page', () => {
        assert.ok(existsSync(join(ROOT, 'docs', 'rules', `${rule.code}.md`)), `docs/rules/${rule.code}.md is missing`);
      });
      it('has fixtures that fire and stay clean', () => {
        assert.ok(
          cases.some((c) => c.endsWith('fires') || /fires[-\w]*$/.test(c)),
          `no fires* fixture for ${rule.code}`,
        );
        assert.ok(
          cases.some((c) => /clean[-\w]*$/.test(c)),
          `no clean* fixture for ${rule.code}`,
        );
      });
      for (const dir of cases) {
        const name = relative(RULES_DIR, dir);
        it(name, async () => {
          const { findings } = await checkFolder(dir);
          const own = findings.filter((f) => f.code === rule.code);
          if (/clean[-\w]*$/.test(dir))
            assert.equal(own.length, 0, `${rule.code} fired on ${name}:\n${findingsText(dir, own)}`);
          else assert.ok(own.length > 0, `${rule.code} did not fire on ${name}`);
          matchGolden(`rules/${name}.txt`, findingsText(dir, findings));
        });
      }
    });
  }
});
