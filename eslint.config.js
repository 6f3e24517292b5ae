// ESLint (flat config): JavaScript and typescript-eslint recommended, eslint-plugin-svelte recommended (Svelte 5),
// eslint-config-prettier last so formatting is Prettier's alone. Not type-aware (no projectService): the
// type-aware rules cost minutes on this tree, and svelte-check (`npm run check`) already type-checks it.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig, globalIgnores } from 'eslint/config';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default defineConfig(
	globalIgnores(['build/', '.svelte-kit/', 'src/lib/paraglide/', 'drizzle/', 'bench/results/', 'data/', 'test-results/', 'static/', '.scratch-*/', '.tmp-*/']),
	js.configs.recommended,
	ts.configs.recommended,
	svelte.configs.recommended,
	prettier,
	svelte.configs.prettier,
	{
		languageOptions: {
			globals: { ...globals.browser, ...globals.node }
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				parser: ts.parser,
				extraFileExtensions: ['.svelte'],
				svelteConfig
			}
		},
		// What typescript-eslint turns off for .ts files (core rules TypeScript checks better, e.g. no-import-assign
		// on `export type { X }`), turned off for the TypeScript in .svelte files too.
		// `let { a, b } = $props()` is how Svelte 5 declares props: svelte/prefer-const knows the runes.
		rules: { ...ts.configs.eslintRecommended.rules, 'prefer-const': 'off', 'svelte/prefer-const': 'error' }
	},
	{
		rules: {
			// TypeScript checks undefined names itself (and knows the ambient SvelteKit types); typescript-eslint advises off.
			'no-undef': 'off',
			// `_`-prefixed arguments, variables and caught errors are deliberately unused.
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }
			],
			// The code uses `cond ? a++ : b++` and `x && f()` as statements on purpose.
			'@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
			'@typescript-eslint/no-explicit-any': 'warn',
			// Asks for resolve() from $app/paths around every internal href and goto(): only matters with a
			// kit.paths.base, which this app does not set (72 hits, all plain '/…' paths).
			'svelte/no-navigation-without-resolve': 'off',
			// Flags every Map/Set/Date built inside a function or $derived (lookup tables that are rebuilt, never
			// mutated reactively): all its hits here were such locals. Put SvelteMap/SvelteSet in $state by review.
			'svelte/prefer-svelte-reactivity': 'off'
		}
	},
	{
		files: ['tests/**', 'bench/**', 'scripts/**'],
		rules: {
			'@typescript-eslint/no-explicit-any': 'off',
			'@typescript-eslint/no-non-null-assertion': 'off'
		}
	}
);
