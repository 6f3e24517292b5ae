import { afterEach, describe, expect, it, vi } from 'vitest';
import { number, plural } from '../../../src/lib/paraglide/registry.js';

/**
 * The messages' plural and number formats (paraglide's registry, patched in patches/): an Intl formatter is made
 * once per kind, locale and options, not at every message, which made a list of 500 items slow to render.
 */
describe('message formatters', () => {
	afterEach(() => vi.unstubAllGlobals());

	it('choose the plural form per locale as Intl does', () => {
		expect([plural('nl', 1), plural('nl', 2), plural('en', 0)]).toEqual(['one', 'other', 'other']);
		expect(plural('en', 2, { type: 'ordinal' })).toBe('two');
		expect(number('nl', 1234.5)).toBe('1.234,5');
	});

	it('make each formatter once, however often a message is shown', () => {
		let made = 0;
		class CountedPluralRules extends Intl.PluralRules {
			constructor(...args: ConstructorParameters<typeof Intl.PluralRules>) {
				super(...args);
				made++;
			}
		}
		vi.stubGlobal('Intl', { ...Intl, PluralRules: CountedPluralRules });
		for (let i = 0; i < 500; i++) plural('nl', i);
		expect(made).toBe(1);
		plural('en', 3);
		expect(made).toBe(2);
	});
});
