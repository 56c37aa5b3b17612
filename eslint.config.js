// @ts-check
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** Layer rules from DESIGN.md section 1: what each folder may import. */
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'crypto', 'url']
const layer = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
})

/**
 * The bundler declares its own `require` (and, in other setups, `__dirname`/`__filename`) at the top
 * of the main-process bundle; a module-level declaration of the same name in any file it inlines is
 * a SyntaxError that stops the app before its window exists (issue 10). The preload is a CommonJS
 * function body, where the same names are parameters.
 */
const BUNDLER_NAMES = '/^(require|__dirname|__filename)$/'
const bundlerName = (message) => ({
  'no-restricted-syntax': [
    'error',
    ...[
      `VariableDeclarator > Identifier.id[name=${BUNDLER_NAMES}]`,
      `VariableDeclarator > ObjectPattern > Property > Identifier.value[name=${BUNDLER_NAMES}]`,
      `VariableDeclarator > ArrayPattern > Identifier[name=${BUNDLER_NAMES}]`,
      `:matches(FunctionDeclaration, ClassDeclaration, TSImportEqualsDeclaration) > Identifier.id[name=${BUNDLER_NAMES}]`,
      `:matches(ImportSpecifier, ImportDefaultSpecifier, ImportNamespaceSpecifier) > Identifier.local[name=${BUNDLER_NAMES}]`,
    ].map((selector) => ({ selector, message })),
  ],
})

export default tseslint.config(
  {
    ignores: [
      'scratch/**',
      'out/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'dist/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      // Small files with names that explain them: split a file before it holds a second job.
      'max-lines': ['error', { max: 400 }],
    },
  },
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-console': 'off' },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: layer(
      [
        ...nodeBuiltins,
        'electron',
        'better-sqlite3',
        'react',
        'react-dom',
        '@xyflow/*',
        'zustand',
        '**/node/**',
        '**/main/**',
        '**/renderer/**',
        '**/preload/**',
      ],
      'src/shared is pure: no Node, DOM, Electron, SQLite or UI imports (DESIGN.md 1).',
    ),
  },
  {
    files: ['src/shared/engine/**/*.ts'],
    ignores: ['src/shared/engine/**/*.test.ts'],
    rules: {
      ...layer(
        [
          ...nodeBuiltins,
          'electron',
          'better-sqlite3',
          'react',
          'zustand',
          '**/node/**',
          '**/renderer/**',
          '**/manifests/**',
          '**/contract/**',
        ],
        'The engine imports only shared/domain (DESIGN.md 1).',
      ),
      'no-restricted-globals': [
        'error',
        { name: 'Date', message: 'The engine is deterministic: simulated time only.' },
        { name: 'setTimeout', message: 'No timers in the engine.' },
        { name: 'setInterval', message: 'No timers in the engine.' },
        { name: 'setImmediate', message: 'No timers in the engine.' },
        { name: 'queueMicrotask', message: 'No timers in the engine.' },
        { name: 'performance', message: 'The engine reads no clock.' },
        { name: 'crypto', message: 'Use the seeded PRNG.' },
        { name: 'structuredClone', message: 'Keep engine state plain and explicit.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded PRNG (engine/prng.ts).' },
        { object: 'Date', property: 'now', message: 'The engine reads no clock.' },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/exhaustive-deps': 'error',
      ...layer(
        [
          ...nodeBuiltins,
          'electron',
          'better-sqlite3',
          '**/node/**',
          '**/main/**',
          '**/preload/**',
          '**/bench/**',
        ],
        'The renderer talks only through the typed contract (window.lab or HTTP); never Node or Electron.',
      ),
    },
  },
  {
    // The benchmark page runs in the browser like the renderer and drives it from outside.
    files: ['bench/page/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules, 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: layer(
      [
        ...nodeBuiltins,
        'better-sqlite3',
        'zod',
        '**/node/**',
        '**/renderer/**',
        '**/domain/**',
        '**/engine/**',
      ],
      'The preload only maps channel names to ipcRenderer; it holds no logic.',
    ),
  },
  {
    files: ['src/node/**/*.ts'],
    rules: layer(
      ['electron', 'react', '**/renderer/**', '**/main/**', '**/preload/**'],
      'Node services know nothing of Electron or the UI.',
    ),
  },
  {
    files: ['src/main/**/*.ts', 'src/node/**/*.ts', 'src/shared/**/*.ts', 'src/preload/**/*.ts'],
    rules: bundlerName(
      'Do not declare require, __dirname or __filename here: the bundler declares them in the main and preload bundles (a duplicate is a SyntaxError at start). Use import.meta.dirname, or createRequire under another name.',
    ),
  },
  {
    files: ['src/**/*.test.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**'],
    rules: { 'no-console': 'off' },
  },
)
