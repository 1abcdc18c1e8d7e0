// The lint: TypeScript's recommended checks, and the layering of ARCHITECTURE.md. The layers
// and what each may import are read from the code map table there, so the plan and its check
// are one text: changing what a layer may import is an edit of that table.
import { readFileSync } from 'node:fs';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

/** Rows of the code map, `| \`folder/\` | holds | may import |`; the last cell names layers in backticks. */
function readLayers(markdown) {
  return markdown
    .split('\n')
    .filter((line) => /^\|\s*`(server|client)\/src\/[^`]*`\s*\|/.test(line))
    .map((line) => {
      const cells = line.split('|').slice(1, -1);
      const folder = /`([^`]+)`/.exec(cells[0])[1].replace(/\/$/, '');
      const mayImport = [...cells[cells.length - 1].matchAll(/`([^`]+)`/g)].map((m) => m[1]);
      return { folder, name: folder.replace(/^server\/src\//, ''), mayImport };
    });
}

const layers = readLayers(readFileSync(new URL('./ARCHITECTURE.md', import.meta.url), 'utf8'));
const names = new Set(layers.map((l) => l.name));
for (const l of layers) {
  for (const m of l.mayImport)
    if (!names.has(m)) throw new Error(`ARCHITECTURE.md: ${l.name} may import '${m}', which is no layer of the table`);
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.bench/**', '.vscode-test/**', 'test/fixtures/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // The views' scripts run in a webview: plain browser scripts, no modules, no Node.
    files: ['client/media/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: Object.fromEntries(
        [...['window', 'document', 'console', 'setTimeout', 'clearTimeout', 'Element'], 'acquireVsCodeApi'].map((g) => [
          g,
          'readonly',
        ]),
      ),
    },
    rules: { 'no-undef': 'error', 'no-implicit-globals': 'error', strict: ['error', 'global'] },
  },
  {
    // CommonJS files, and tests that load a built bundle by its path.
    files: ['**/*.cjs', 'bin/**/*.js', 'test/cli/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { project: './tsconfig.json' } },
      // A layer inside another (parse/text in parse/) is matched first.
      'boundaries/elements': [...layers]
        .sort((a, b) => b.folder.length - a.folder.length)
        .map((l) => ({ type: l.name, pattern: l.folder })),
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          message: '{{from.type}} may not import {{to.type}}: see the code map of ARCHITECTURE.md',
          policies: layers.map((l) => ({
            from: { element: { type: l.name } },
            allow: { to: { element: { types: { anyOf: [l.name, ...l.mayImport] } } } },
          })),
        },
      ],
    },
  },
  {
    // The protocol is the language server's alone; the editor's API the client's alone.
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/lsp/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['vscode', 'vscode-languageserver*', 'vscode-languageclient*'],
              message: 'only lsp/ speaks the protocol',
            },
          ],
        },
      ],
    },
  },
);
