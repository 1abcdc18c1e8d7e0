import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';
import { ROOT } from '../support/paths.js';

/**
 * The layering of ARCHITECTURE.md holds because the lint reads its table: an import up a layer
 * (or across, where the table allows none) fails, one down a layer passes.
 */
async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await new ESLint({ cwd: ROOT }).lintText(code, { filePath: file });
  return result.messages
    .filter((m) => m.ruleId === 'boundaries/dependencies' || m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('the layering lint', () => {
  it('fails on an import up a layer', async () => {
    const errors = await layerErrors(
      'server/src/model/upward.ts',
      "import type { Workspace } from '../workspace/workspace.js';\nexport type W = Workspace;\n",
    );
    assert.deepEqual(errors, ['model may not import workspace: see the code map of ARCHITECTURE.md']);
  });

  it('fails where rules reach for the workspace, or features for a front', async () => {
    assert.equal(
      (
        await layerErrors(
          'server/src/rules/x.ts',
          "import type { Workspace } from '../workspace/workspace.js';\nexport type W = Workspace;\n",
        )
      ).length,
      1,
    );
    assert.equal(
      (
        await layerErrors(
          'server/src/features/x.ts',
          "import { toLocation } from '../lsp/convert.js';\nexport const f = toLocation;\n",
        )
      ).length,
      1,
    );
  });

  it('passes an import down the layers', async () => {
    assert.deepEqual(
      await layerErrors(
        'server/src/rules/x.ts',
        "import type { IndexView } from '../query/index-view.js';\nimport type { Range } from '../model/range.js';\nexport type X = [IndexView, Range];\n",
      ),
      [],
    );
  });

  it('keeps the protocol in lsp/ and the client free of engine code', async () => {
    assert.equal(
      (
        await layerErrors(
          'server/src/features/x.ts',
          "import type { Hover } from 'vscode-languageserver';\nexport type H = Hover;\n",
        )
      ).length,
      1,
    );
    assert.equal(
      (
        await layerErrors(
          'client/src/x.ts',
          "import type { Mim } from '../../server/src/model/mim.js';\nexport type M = Mim;\n",
        )
      ).length,
      1,
    );
  });
});
