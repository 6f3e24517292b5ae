import { describe, expect, it } from 'vitest';
import { safeRedirectTarget } from '../../../src/lib/server/http/redirect-target';

const own = 'https://portaal.example';

/** What a browser does with a Location header: resolve it against the page it came from. */
const landsOn = (location: string) => new URL(location, own);

describe('safeRedirectTarget: a login link can only lead to a page of the portal itself', () => {
	const tricks = [
		'/\t/evil.example/',
		'/%09/evil.example/',
		'/\n/evil.example',
		'/\r\n/evil.example',
		'/\r/evil.example',
		'\t//evil.example',
		'//evil.example',
		'///evil.example',
		'////evil.example/x',
		'/\\evil.example',
		'\\/evil.example',
		'\\\\evil.example',
		'/\\/evil.example',
		'/.//evil.example',
		'/./\\evil.example',
		'/x/..//evil.example',
		'https://evil.example',
		'http://evil.example/',
		'https:evil.example',
		'//evil.example@portaal.example',
		'/@evil.example',
		'javascript:alert(1)',
		'JaVaScRiPt:alert(1)',
		'java\tscript:alert(1)',
		'data:text/html,<script>alert(1)</script>',
		'%2F%2Fevil.example',
		'/\u0000/evil.example',
		'/\u007f/evil.example',
		'//ｅｖｉｌ.example',
		'/\u3002/evil.example',
		'',
		'evil.example',
		'?x=1'
	];

	it.each(tricks)('never leaves the portal for %j', (target) => {
		const result = safeRedirectTarget(target, own);
		expect(landsOn(result).origin).toBe(own);
		expect(result.startsWith('/')).toBe(true);
		expect(result.startsWith('//')).toBe(false);
		// eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
		expect(result).not.toMatch(/[\\\u0000-\u001f\u007f]/);
	});

	it('refuses the tricks outright instead of guessing what was meant', () => {
		for (const target of [
			'/\t/evil.example/',
			'/\\evil.example',
			'\\/evil.example',
			'//evil.example',
			'https://evil.example',
			'javascript:alert(1)',
			'/.//evil.example'
		])
			expect(safeRedirectTarget(target, own)).toBe('/');
	});

	it('keeps an ordinary path with its query and fragment', () => {
		expect(safeRedirectTarget('/agenda/abc?tab=1#kop-besluiten', own)).toBe('/agenda/abc?tab=1#kop-besluiten');
		expect(safeRedirectTarget('/account', new URL('/inloggen?naar=x', own))).toBe('/account');
	});

	it('keeps an encoded slash encoded: the browser treats it as part of one path segment', () => {
		expect(safeRedirectTarget('/%2F%2Fevil.example', own)).toBe('/%2F%2Fevil.example');
		expect(landsOn('/%2F%2Fevil.example').origin).toBe(own);
	});

	it('answers non-ASCII and lone surrogates as ASCII that fits a Location header, without throwing', () => {
		for (const target of ['/agenda/ü', '/zoek?q=café#kop-é', '/\ud800x', '/日本'] as const) {
			const result = safeRedirectTarget(target, own);
			expect(result).toMatch(/^\/[\x21-\x7e]*$/);
			expect(() => new Headers({ location: result })).not.toThrow();
		}
		expect(safeRedirectTarget('/agenda/ü', own)).toBe('/agenda/%C3%BC');
	});

	it('treats anything that is not a string (a missing field, a file) as the start page', () => {
		for (const target of [null, undefined, 42, ['/agenda'], new Blob(['/agenda'])]) expect(safeRedirectTarget(target, own)).toBe('/');
	});
});
