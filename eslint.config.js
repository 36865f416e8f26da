// Lint rules: ESLint's and typescript-eslint's recommended sets, plus the house
// rules of issue #16 (no unused locals or imports, no `any`, no `as never`).
// Formatting is Prettier's job (`.prettierrc.json`); no rule here touches it.
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'coverage/', 'fixtures/', 'bench/node_modules/', 'bench/results/', 'reports/', 'sample-out/', 'scratch/']
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: {...globals.node}
    },
    linterOptions: {reportUnusedDisableDirectives: 'error'},
    rules: {
      // Stripping and escaping control characters in page text is this package's job.
      'no-control-regex': 'off',
      // `try {…} catch {}` is the fallback idiom here (bad JSON-LD, bad URLs, optional files).
      'no-empty': ['error', {allowEmptyCatch: true}],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', {args: 'after-used', argsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true}],
      '@typescript-eslint/consistent-type-imports': ['error', {fixStyle: 'separate-type-imports'}],
      'no-restricted-syntax': [
        'error',
        {selector: 'TSAsExpression > TSNeverKeyword', message: '`as never` hides a type error: type the value instead.'},
        {selector: 'TSAsExpression > TSAnyKeyword', message: '`as any` hides a type error: type the value instead.'}
      ]
    }
  },
  {
    // Browser-side code of the generator test sites runs in Astro/Eleventy.
    files: ['test/generators/**/*.mjs'],
    languageOptions: {globals: {...globals.node, ...globals.browser}}
  }
)
