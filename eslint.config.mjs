// One ESLint configuration for the workspace's TypeScript and scripts. The n8n node package is
// linted by n8n's own CLI with the starter's configuration (what n8n's verification checks), so it
// is left out here; generated code is never linted.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.turbo/**',
      '.demo/**',
      'packages/n8n-nodes-avepoint-graph/**',
      'packages/core/src/generated/**',
      '**/*.d.mts',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      // `_`-prefixed names are deliberately unused (a parameter a signature requires).
      // A rest sibling is how a copy leaves fields out.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // Type-only imports stay type-only in the output (and in the n8n node's copy of core).
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportAllDeclaration', message: 'Export an explicit list: every public name is chosen.' },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'prefer-const': 'error',
    },
  },
  {
    // CommonJS scripts (n8n's saved-execution reader, the benchmark's preload).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests read untyped JSON (manifests, n8n's answers) and assert on it: `any` there is honest.
    files: ['**/test/**', '**/*.test.ts', '**/*.test-d.ts', '.ci/tests/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
