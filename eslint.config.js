// Flat config: the recommended rules of ESLint and typescript-eslint, without type information
// (fast, and no tsconfig needed per file). Formatting is Prettier's job, not ESLint's.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['dist/', '.build/', 'node_modules/', 'coverage/', 'sandbox/camunda/engine/target/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node }
    },
    rules: {
      // `_unused` marks a deliberately ignored argument or destructured rest.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }]
    }
  },
  {
    files: ['__tests__/**'],
    languageOptions: { globals: { ...globals.jest } }
  }
);
