import { describe, expect, it } from 'vitest';
import { isCrossSiteWrite, isOneClickUnsubscribe } from '../../../src/lib/server/http/security-handle';

const url = new URL('http://localhost:3000/api/v1/me');
const req = (method: string, headers: Record<string, string>) => new Request(url, { method, headers });

describe('cross-site write check', () => {
	it('refuses a JSON POST from another origin', () => {
		expect(isCrossSiteWrite(req('POST', { origin: 'http://evil.example', 'content-type': 'application/json' }), url)).toBe(true);
	});
	it('refuses a cross-site write that only says Sec-Fetch-Site', () => {
		expect(isCrossSiteWrite(req('DELETE', { 'sec-fetch-site': 'cross-site' }), url)).toBe(true);
	});
	it('refuses a form POST without Origin, as SvelteKit would (its own check is left to this one)', () => {
		for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain;charset=UTF-8']) {
			const account = new URL('http://localhost:3000/account?/notifications');
			expect(isCrossSiteWrite(new Request(account, { method: 'POST', headers: { 'content-type': type } }), account), type).toBe(true);
		}
		const login = new URL('http://localhost:3000/inloggen');
		const form = { 'content-type': 'application/x-www-form-urlencoded' };
		expect(isCrossSiteWrite(new Request(login, { method: 'POST', headers: { ...form, origin: 'http://evil.example' } }), login)).toBe(true);
		expect(isCrossSiteWrite(new Request(login, { method: 'POST', headers: { ...form, origin: 'http://localhost:3000' } }), login)).toBe(false);
	});
	it("lets a mail client's one-click unsubscribe through (RFC 8058: a form POST without Origin), and nothing else on that path", () => {
		const page = new URL('http://localhost:3000/afmelden/abc.mention.xyz');
		const oneClick = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' };
		expect(isCrossSiteWrite(new Request(page, oneClick), page)).toBe(false);
		expect(isOneClickUnsubscribe(new Request(page, oneClick), page)).toBe(true);
		const deeper = new URL('http://localhost:3000/afmelden/abc/iets');
		expect(isCrossSiteWrite(new Request(deeper, oneClick), deeper)).toBe(true);
		expect(isOneClickUnsubscribe(new Request(page, { method: 'DELETE' }), page)).toBe(false);
	});
	it('takes Origin "null" (a page with referrer policy no-referrer) as this site only when the browser says same-origin', () => {
		const page = new URL('http://localhost:3000/wachtwoord-instellen/abc');
		const form = { 'content-type': 'application/x-www-form-urlencoded', origin: 'null' };
		const post = (headers: Record<string, string>) => new Request(page, { method: 'POST', headers: { ...form, ...headers } });
		expect(isCrossSiteWrite(post({ 'sec-fetch-site': 'same-origin' }), page)).toBe(false);
		expect(isCrossSiteWrite(post({ 'sec-fetch-site': 'cross-site' }), page)).toBe(true);
		expect(isCrossSiteWrite(post({ 'sec-fetch-site': 'same-site' }), page)).toBe(true);
		expect(isCrossSiteWrite(post({}), page)).toBe(true);
	});
	it('allows same-origin writes and all reads', () => {
		expect(isCrossSiteWrite(req('PATCH', { origin: 'http://localhost:3000' }), url)).toBe(false);
		expect(isCrossSiteWrite(req('GET', { origin: 'http://evil.example' }), url)).toBe(false);
	});
});
