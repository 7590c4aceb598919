// Lint: typescript-eslint recommended, prettier owns formatting, and the engine stays pure.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/** Deep imports into the engine (anything under src/engine but its index) are not allowed outside it. */
const ENGINE_SURFACE = {
  regex: '(^|/)engine/.+',
  message: 'Import the engine through src/engine/index.ts (e.g. "../engine"), never its inner files.',
};

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
    // The engine is pure: its own files and decimal.js, nothing of a host, an entry, Node or the DOM.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(?!\\.\\.?/|decimal\\.js$)', message: 'The engine imports only its own files and decimal.js.' },
            { regex: '(^|/)(hosts|taskpane|cli|functions|web|wps)(/|$)', message: 'The engine never imports a host or an entry.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'Excel', 'Office', 'document', 'window', 'process', 'require'],
    },
  },
  {
    // Everything outside the engine goes in through src/engine/index.ts.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/engine/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [ENGINE_SURFACE] }],
    },
  },
  ...['officejs', 'xlsx', 'wps'].map((host) => ({
    // A host adapter knows the seam and the engine, never another host nor an entry.
    files: [`src/hosts/${host}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ENGINE_SURFACE,
            {
              regex: `(^|/)(${['officejs', 'xlsx', 'wps'].filter((h) => h !== host).join('|')}|taskpane|cli|functions)(/|$)`,
              message: 'Hosts meet only through src/hosts/port.ts; entries depend on hosts, not the other way.',
            },
          ],
        },
      ],
    },
  })),
  {
    // The pane's components get a SpreadsheetHost; only the entry (index.tsx) chooses one.
    files: ['src/taskpane/**/*.{ts,tsx}', 'src/functions/**/*.ts'],
    ignores: ['src/taskpane/index.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ENGINE_SURFACE,
            { regex: '(^|/)hosts/(?!port$)', message: 'The pane depends on src/hosts/port.ts only; index.tsx chooses the host.' },
          ],
        },
      ],
    },
  },
);
