import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DocumentModel } from '../../server/src/model/document.js';
import { range } from '../../server/src/model/range.js';
import { ALL_RULES } from '../../server/src/rules/all-rules.js';
import type { DocumentRule, RuleContext } from '../../server/src/rules/rule.js';
import { RuleCache, runRules } from '../../server/src/rules/run-rules.js';
import { NodeFileSystem } from '../../server/src/node/file-system.js';
import { normalizePath } from '../../server/src/base/paths.js';
import { Workspace } from '../../server/src/workspace/workspace.js';
import { findingsText } from '../support/check.js';
import { MemoryFileSystem } from '../support/memory-fs.js';
import { fixture } from '../support/paths.js';

/**
 * Rules run two ways: with a cache, keeping each result with what the rule read (editors), or
 * once, reading the environment directly (the CLI). Both must give the same findings.
 */

async function scanned(dir: string, incremental?: boolean): Promise<Workspace> {
  const ws = new Workspace(new NodeFileSystem(), { roots: [normalizePath(dir)], incremental });
  await ws.scan();
  return ws;
}

const PAGE =
  '# MIM7: Places\n\n## Capabilities and Requirements\n\n### C1 Find places\n\n- R1.1 Implementations SHALL list places.\n';

/** A rule that reports on every page, then fails on the pages whose name says so. */
function failingRule(calls: string[]): DocumentRule {
  return {
    code: 'structure/empty-section',
    severity: 'warning',
    summary: 'A heading with no text and no sub-heading, or only a placeholder',
    scope: 'document',
    check(doc: DocumentModel, ctx) {
      calls.push(doc.file);
      ctx.report({ code: 'structure/empty-section', file: doc.file, range: range(0, 0, 0, 1), message: 'seen' });
      if (doc.file.includes('broken')) throw new Error('no such field');
    },
  };
}

describe('running the rules', () => {
  it('gives the same findings with and without a cache on every rule fixture', async () => {
    const dir = fixture('rules');
    const withCache = await scanned(dir);
    const once = await scanned(dir, false);
    const a = [...withCache.check().values()].flat();
    const b = [...once.check().values()].flat();
    assert.ok(a.length > 100, `expected findings over the rule fixtures, got ${a.length}`);
    assert.equal(findingsText(dir, b), findingsText(dir, a));
    assert.deepEqual([...once.check().keys()].sort(), [...withCache.check().keys()].sort());
  });

  it('reuses a cached result and reruns a rule when there is no cache', async () => {
    const ws = new Workspace(new MemoryFileSystem({ '/w/docs/a.md': PAGE }), { roots: ['/w'] });
    await ws.scan();
    const calls: string[] = [];
    const rules = [failingRule(calls)];
    const cache = new RuleCache();
    runRules(ws.ruleEnvironment(), rules, cache);
    runRules(ws.ruleEnvironment(), rules, cache);
    assert.deepEqual(calls, ['/w/docs/a.md']);
    runRules(ws.ruleEnvironment(), rules);
    runRules(ws.ruleEnvironment(), rules);
    assert.deepEqual(calls, ['/w/docs/a.md', '/w/docs/a.md', '/w/docs/a.md']);
  });

  it('reruns a cached rule when a read gives another answer, and one that read every document always', async () => {
    const ws = new Workspace(new MemoryFileSystem({ '/w/docs/a.md': PAGE }), { roots: ['/w'] });
    await ws.scan();
    const calls: string[] = [];
    const reads = (name: string, read: (ctx: RuleContext) => boolean): DocumentRule => ({
      ...failingRule([]),
      check(doc, ctx) {
        if (doc.file !== '/w/docs/a.md') return;
        calls.push(name);
        const seen = read(ctx);
        ctx.report({ code: 'structure/empty-section', file: doc.file, range: range(0, 0, 0, 1), message: `${seen}` });
      },
    });
    const rules = [
      reads('get', (ctx) => ctx.documents.has('/w/docs/b.md')),
      reads('exists', (ctx) => ctx.exists('/w/docs/c.md')),
      reads('all', (ctx) => ctx.documents.size > 1),
    ];
    const cache = new RuleCache();
    const messages = () =>
      runRules(ws.ruleEnvironment(), rules, cache)
        .get('/w/docs/a.md')
        ?.map((f) => f.message);
    assert.deepEqual(messages(), ['false', 'false', 'false']);
    assert.deepEqual(messages(), ['false', 'false', 'false']);
    assert.deepEqual(calls, ['get', 'exists', 'all', 'all']);
    calls.length = 0;
    ws.setDocument('/w/docs/b.md', PAGE, 1);
    assert.deepEqual(messages(), ['true', 'false', 'true']);
    ws.setDocument('/w/docs/c.md', PAGE, 1);
    assert.deepEqual(messages(), ['true', 'true', 'true']);
    assert.deepEqual(messages(), ['true', 'true', 'true']);
    assert.deepEqual(calls, ['get', 'all', 'exists', 'all', 'all']);
  });

  it('keeps what a failing rule reported before it failed, and says it failed, either way', async () => {
    const ws = new Workspace(new MemoryFileSystem({ '/w/docs/a.md': PAGE, '/w/docs/broken.md': PAGE }), {
      roots: ['/w'],
    });
    await ws.scan();
    for (const cache of [new RuleCache(), undefined]) {
      const findings = runRules(ws.ruleEnvironment(), [failingRule([])], cache);
      assert.deepEqual(
        findings.get('/w/docs/a.md')?.map((f) => f.code),
        ['structure/empty-section'],
      );
      const broken = findings.get('/w/docs/broken.md') ?? [];
      assert.deepEqual(
        broken.map((f) => f.code),
        ['internal/rule-failure', 'structure/empty-section'],
      );
      assert.match(broken[0].message, /structure\/empty-section failed on this file: no such field/);
    }
  });

  it('runs every rule of the catalogue in a workspace checked once', async () => {
    const ws = await scanned(fixture('rules'), false);
    const codes = new Set([...ws.check().values()].flat().map((f) => f.code));
    const silent = ALL_RULES.filter((r) => !codes.has(r.code)).map((r) => r.code);
    assert.deepEqual(silent, []);
  });
});
