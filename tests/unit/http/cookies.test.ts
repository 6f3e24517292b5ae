import { describe, expect, it } from 'vitest';
import type { Cookies } from '@sveltejs/kit';
import { setLocaleCookie } from '../../../src/lib/server/http/locale-cookie';
import { clearSessionCookie, setSessionCookie } from '../../../src/lib/server/http/session-cookie';

/** The options each cookie was set or deleted with. */
function jar() {
	const calls: { name: string; secure: unknown; deleted: boolean }[] = [];
	const cookies = {
		set: (name: string, _value: string, opts: { secure?: boolean }) => void calls.push({ name, secure: opts.secure, deleted: false }),
		delete: (name: string, opts: { secure?: boolean }) => void calls.push({ name, secure: opts.secure, deleted: true })
	} as unknown as Cookies;
	return { cookies, calls };
}

describe('cookies are Secure exactly when the request came over HTTPS', () => {
	it.each([
		['http://portaal.local:3000/taal', false],
		['http://127.0.0.1:3000/taal', false],
		['https://portaal.example/taal', true]
	])('%s → Secure %s, for the language and the session cookie alike, set or deleted', (address, secure) => {
		const { cookies, calls } = jar();
		const event = { cookies, url: new URL(address) };
		setLocaleCookie(event, 'en');
		setSessionCookie(event, 'token', new Date());
		clearSessionCookie(event);
		expect(calls).toEqual([
			{ name: 'PARAGLIDE_LOCALE', secure, deleted: false },
			{ name: 'rp_session', secure, deleted: false },
			{ name: 'rp_session', secure, deleted: true }
		]);
	});
});
