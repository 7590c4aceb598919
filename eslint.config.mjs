// Lint: typescript-eslint recommended, prettier owns formatting, and the engine stays pure.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['dist/', 'build/', 'node_modules/', 'test-artifacts/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly' } },
  },
  {
    // Build scripts, jest config and reporters are CommonJS run by Node.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { exports: 'writable' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['fs', 'path', 'node:*', 'react', 'react-dom', '@fluentui/*', 'exceljs', '../excel/*', '../functions/*', '../taskpane/*', '../cli/*'] }],
      'no-restricted-globals': ['error', 'Excel', 'Office', 'document', 'window', 'process', 'require'],
    },
  },
);
