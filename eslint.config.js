// Lint rules that keep the layers honest (STYLE.md "Layers"): the model and the engine stay pure,
// nothing outside the CLI logs, and `any` never sneaks in.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const pureLayerImports = {
  patterns: [
    { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads'], message: 'model and engine are pure: no Node built-ins.' },
    { group: ['**/app/**', '**/cli/**', '**/workers/**', 'svelte', 'svelte/*', 'cytoscape', 'd3', 'd3-*', 'comlink'], message: 'model and engine may not depend on outer layers or UI libraries.' },
  ],
};

export default ts.config(
  { ignores: ['dist/', 'dist-cli/', 'node_modules/', 'test-results/', '.svelte-check/', 'bench/results/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'], svelteConfig } },
  },
  {
    files: ['src/model/**/*.ts', 'src/engine/**/*.ts', 'src/import/**/*.ts', 'src/generate/**/*.ts', 'src/report/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', pureLayerImports],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'console', 'setTimeout', 'fetch'],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'the engine never reads the clock' },
        { object: 'Math', property: 'random', message: 'the engine never uses unseeded randomness' },
      ],
    },
  },
  {
    files: ['src/app/**/*.ts', 'src/app/**/*.svelte'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/cli/**', 'node:*'], message: 'the app reaches the engine only through workers.' }] }],
    },
  },
  {
    files: ['src/cli/**', 'bin/**', 'bench/**', 'test/**', '.ci/**', 'scripts/**'],
    rules: { 'no-console': 'off' },
  },
);
