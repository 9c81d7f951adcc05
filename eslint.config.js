import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// lib/ is the pure core: no I/O, no framework, no hidden clock or randomness (STYLE.md, convention 1).
const impureModules = [
  'node:fs', 'fs', 'node:fs/promises', 'fs/promises', 'node:child_process', 'child_process', 'node:net', 'net',
  'node:http', 'http', 'node:https', 'https', 'pg', '@electric-sql/pglite', '@kubernetes/client-node', 'react', 'react-dom',
];

export default tseslint.config(
  { ignores: ['.next/**', '.next-base/**', 'dist/**', 'node_modules/**', 'next-env.d.ts', 'lib/generated/**', 'playwright-report/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // A promise nobody awaits hides its failure, and an un-awaited `clusterFor(request)` skips authentication.
    files: ['app/**/*.ts', 'app/**/*.tsx', 'server/**/*.ts'],
    ignores: ['**/*.test.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  {
    files: ['lib/**/*.ts'],
    // Tests and their fixtures may read example files from disk; the modules they test may not.
    ignores: ['lib/**/*.test.ts', 'lib/**/testing/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: impureModules.map((name) => ({ name, message: 'lib/ is pure: move I/O to server/.' })),
        patterns: [{ group: ['next/*', 'next', '@/server/*', '@/app/*', '@/components/*'], message: 'lib/ must not depend on outer layers.' }],
      }],
      'no-restricted-globals': ['error',
        { name: 'fetch', message: 'lib/ is pure: no network.' },
        { name: 'process', message: 'lib/ is pure: pass configuration in.' },
        { name: 'setTimeout', message: 'lib/ is pure: return a requeue action instead.' }],
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'lib/ is deterministic: take `now` as a parameter.' },
        { object: 'Math', property: 'random', message: 'lib/ is deterministic: take randomness as a parameter.' }],
      'no-restricted-syntax': ['error', {
        selector: "NewExpression[callee.name='Date'][arguments.length=0]",
        message: 'lib/ is deterministic: take `now` as a parameter.',
      }],
    },
  },
);
